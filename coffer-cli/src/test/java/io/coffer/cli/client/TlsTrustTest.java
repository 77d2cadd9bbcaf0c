package io.coffer.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS against a real HTTPS listener with a throwaway self-signed certificate made by keytool. */
class TlsTrustTest {

    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path directory;

    private static HttpsServer server;
    private static Path caPem;
    private static URI address;

    @BeforeAll
    static void startHttpsServer() throws Exception {
        Path keyStore = directory.resolve("server.p12");
        caPem = directory.resolve("ca.pem");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "san=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", "changeit", "-keypass", "changeit");
        keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", keyStore.toString(), "-storepass", "changeit",
                "-file", caPem.toString());

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        server.createContext("/", exchange -> {
            byte[] body = "{\"sealed\":false}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        address = URI.create("https://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterAll
    static void stopHttpsServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new java.util.ArrayList<>(List.of(keytool.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("keytool %s: %s", arguments[0], output).isZero();
    }

    private static Object sealed(ClientSettings settings) {
        try (CofferClient client = new CofferClient(settings)) {
            return client.get("sys/seal-status").orElseThrow().envelope().get("sealed");
        }
    }

    @Test
    void trustsAServerSignedByTheGivenCaBundle() {
        assertThat(sealed(new ClientSettings(address, null, caPem, false, Duration.ofSeconds(10)))).isEqualTo(false);
    }

    @Test
    void rejectsAServerTheJdkDoesNotTrust() {
        assertThatThrownBy(() -> sealed(new ClientSettings(address, null, null, false, Duration.ofSeconds(10))))
                .isInstanceOf(TransportException.class)
                .hasMessageStartingWith("Get \"" + address + "/v1/sys/seal-status\": ");
    }

    @Test
    void skipVerifyTrustsAnything() {
        assertThat(sealed(new ClientSettings(address, null, null, true, Duration.ofSeconds(10)))).isEqualTo(false);
    }

    @Test
    void anUnreadableCaBundleIsAConfigurationError() {
        Path missing = directory.resolve("missing.pem");
        assertThatThrownBy(() -> new CofferClient(new ClientSettings(address, null, missing, false, Duration.ofSeconds(10))))
                .isInstanceOf(ClientConfigurationException.class)
                .hasMessageStartingWith("could not read CA certificate file " + missing);
    }

    @Test
    void aFileWithoutCertificatesIsAConfigurationError() throws IOException {
        Path empty = Files.writeString(directory.resolve("empty.pem"), "not a certificate\n");
        assertThatThrownBy(() -> new CofferClient(new ClientSettings(address, null, empty, false, Duration.ofSeconds(10))))
                .isInstanceOf(ClientConfigurationException.class);
    }
}
