package io.coffer.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.coffer.core.auth.TestKeys;
import io.coffer.core.mount.MountEntry;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A JWKS served over HTTPS by an issuer with its own CA: trusted only through {@code jwks_ca_pem}. */
class JwksOverTlsTest {

    static CofferServer server;
    static Http http;
    static HttpsServer issuer;
    static TestKeys signingKey;
    static String issuerCaPem;
    static String otherCaPem;

    @BeforeAll
    static void start() throws Exception {
        signingKey = TestKeys.ec("tls-1");
        KeyPair tlsKey = ecPair();
        X509Certificate cert = selfSigned(tlsKey);
        issuerCaPem = pem(cert);
        otherCaPem = pem(selfSigned(ecPair()));

        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("tls", tlsKey.getPrivate(), new char[0], new java.security.cert.Certificate[] {cert});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, new char[0]);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        issuer = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        issuer.setHttpsConfigurator(new HttpsConfigurator(tls));
        byte[] jwks = new JWKSet(signingKey.jwk()).toString(true).getBytes(StandardCharsets.UTF_8);
        issuer.createContext("/keys", exchange -> {
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(jwks);
            }
        });
        issuer.start();

        server = DevServer.start();
        http = new Http(server.url());
        server.node().handler().authMounts().mount("jwt/", "jwt", "", Map.of(), MountEntry.MountConfig.DEFAULT);
    }

    @AfterAll
    static void stop() {
        server.close();
        issuer.stop(0);
    }

    static String url() {
        return "https://127.0.0.1:" + issuer.getAddress().getPort() + "/keys";
    }

    @Test
    void jwksOverHttps_isTrustedThroughTheConfiguredCaOnly() {
        Http.Reply untrusted = http.put("/v1/auth/jwt/config", DevServer.ROOT_TOKEN, Http.json(Map.of("jwks_url", url())));
        assertThat(untrusted.status()).isEqualTo(400);
        assertThat(untrusted.body()).contains("error checking jwks URL " + url()).contains("SSLHandshakeException");

        Http.Reply wrongCa = http.put("/v1/auth/jwt/config", DevServer.ROOT_TOKEN,
                Http.json(Map.of("jwks_url", url(), "jwks_ca_pem", otherCaPem)));
        assertThat(wrongCa.status()).isEqualTo(400);

        Http.Reply trusted = http.put("/v1/auth/jwt/config", DevServer.ROOT_TOKEN,
                Http.json(Map.of("jwks_url", url(), "jwks_ca_pem", issuerCaPem)));
        assertThat(trusted.status()).isEqualTo(204);
        assertThat(http.put("/v1/auth/jwt/role/svc", DevServer.ROOT_TOKEN, Http.json(Map.of("role_type", "jwt",
                "user_claim", "sub", "bound_subject", "svc"))).status()).isEqualTo(204);

        long now = Instant.now().getEpochSecond();
        String jwt = signingKey.sign(Map.of("sub", "svc", "iat", now, "exp", now + 60));
        Http.Reply login = http.put("/v1/auth/jwt/login", null, Http.json(Map.of("role", "svc", "jwt", jwt)));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().get("auth").toString()).contains("client_token");
        assertThat(http.get("/v1/auth/jwt/config", DevServer.ROOT_TOKEN).json().get("data").toString())
                .contains("BEGIN CERTIFICATE");
    }

    private static KeyPair ecPair() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        return g.generateKeyPair();
    }

    private static X509Certificate selfSigned(KeyPair pair) throws Exception {
        X500Name name = new X500Name("CN=127.0.0.1");
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(1, ChronoUnit.DAYS)), name, pair.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
    }

    private static String pem(Object o) throws Exception {
        StringWriter w = new StringWriter();
        try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
            pw.writeObject(o);
        }
        return w.toString();
    }
}
