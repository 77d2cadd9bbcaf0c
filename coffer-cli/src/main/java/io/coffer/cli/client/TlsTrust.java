package io.coffer.cli.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/** Which server certificates the client accepts. */
final class TlsTrust {

    private TlsTrust() {
    }

    /**
     * The TLS context for {@code settings}: trust everything when verification is skipped, only the
     * given CA bundle when one is set, the JDK's trust store otherwise.
     */
    static SSLContext contextFor(ClientSettings settings) {
        try {
            if (settings.skipVerify()) {
                return contextTrusting(new TrustingEverything());
            }
            if (settings.caCertFile() != null) {
                return contextTrusting(managersFor(loadBundle(settings.caCertFile())));
            }
            return SSLContext.getDefault();
        } catch (GeneralSecurityException e) {
            throw new ClientConfigurationException("could not set up TLS: " + e.getMessage(), e);
        }
    }

    private static SSLContext contextTrusting(TrustManager... managers) throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, managers, new SecureRandom());
        return context;
    }

    private static KeyStore loadBundle(Path pemBundle) throws GeneralSecurityException {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(pemBundle)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException e) {
            throw new ClientConfigurationException("could not read CA certificate file " + pemBundle + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new ClientConfigurationException("could not parse CA certificate file " + pemBundle + ": " + e.getMessage(), e);
        }
        if (certificates.isEmpty()) {
            throw new ClientConfigurationException("no certificates found in CA certificate file " + pemBundle);
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new IllegalStateException("an empty key store cannot fail to load", e);
        }
        int index = 0;
        for (Certificate certificate : certificates) {
            store.setCertificateEntry("ca-" + index++, certificate);
        }
        return store;
    }

    private static TrustManager[] managersFor(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }

    /**
     * Accepts any chain and any host name. Being an {@link X509ExtendedTrustManager} matters: the
     * JDK then leaves host name checks to it instead of wrapping it with its own.
     */
    private static final class TrustingEverything extends X509ExtendedTrustManager {

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
