package io.coffer.server.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Reads TLS material from PEM files as operators get it: certificate chains, and unencrypted
 * private keys in PKCS#8 ({@code BEGIN PRIVATE KEY}), PKCS#1 ({@code BEGIN RSA PRIVATE KEY}) or
 * SEC1 ({@code BEGIN EC PRIVATE KEY}) form. BouncyCastle parses them; the JDK alone reads only
 * PKCS#8. Errors name the file, never its content.
 */
public final class PemFiles {

    private PemFiles() {
    }

    public static List<X509Certificate> certificates(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> chain = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(c -> (X509Certificate) c).toList();
            if (chain.isEmpty()) {
                throw new ConfigException("no certificate found in " + file + ": it must hold a PEM certificate chain");
            }
            return chain;
        } catch (IOException | CertificateException e) {
            throw new ConfigException("cannot read certificate " + file + ": it must hold a PEM certificate chain", e);
        }
    }

    public static PrivateKey privateKey(Path file) {
        try (Reader reader = Files.newBufferedReader(file); PEMParser parser = new PEMParser(reader)) {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                if (o instanceof PEMKeyPair pair) {
                    // SEC1 keys may omit the public key, so convert only the private part.
                    return converter.getPrivateKey(pair.getPrivateKeyInfo());
                }
                if (o instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
            }
            throw new ConfigException("no unencrypted private key found in " + file
                    + ": it must be PEM (PKCS#8, PKCS#1 or SEC1) without a passphrase");
        } catch (IOException | RuntimeException e) {
            if (e instanceof ConfigException ce) {
                throw ce;
            }
            throw new ConfigException("cannot read private key " + file + ": it must be an unencrypted PEM key", e);
        }
    }
}
