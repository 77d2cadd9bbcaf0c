package io.coffer.core.auth.workload;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS trust in exactly the CA certificates an operator configured (a JWKS issuer's, a Kubernetes
 * API server's), instead of the system's.
 */
public final class CaTrust {

    private CaTrust() {
    }

    /**
     * An SSL context trusting the certificates in {@code caPem}, with the JDK's default hostname
     * verification left on by its users (java.net.http).
     *
     * @throws IllegalArgumentException when {@code caPem} holds no certificate
     */
    public static SSLContext sslContext(String caPem) {
        try {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(caPem.getBytes(StandardCharsets.UTF_8)));
            if (certs.isEmpty()) {
                throw new IllegalArgumentException("could not parse CA PEM value successfully");
            }
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (Certificate c : certs) {
                trust.setCertificateEntry("ca-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (CertificateException e) {
            throw new IllegalArgumentException("could not parse CA PEM value successfully");
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a TLS context from the CA PEM", e);
        }
    }
}
