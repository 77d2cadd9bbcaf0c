package io.coffer.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.core.storage.InMemoryStorage;
import io.coffer.server.config.ConfigException;
import io.coffer.server.config.ConfigFile;
import io.coffer.server.config.ServerConfig;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Startup refusals with messages that say what to do, the config file, and TLS. */
class ServerStartupTest {

    @TempDir
    Path dir;

    @Test
    void build_refusesWhenTlsIsNeitherConfiguredNorDisabled() {
        assertThatThrownBy(() -> ServerConfig.builder().dataDir(dir).listen("127.0.0.1:0").build())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--tls-cert").hasMessageContaining("--tls-disable");
    }

    @Test
    void build_refusesWithoutStorage() {
        assertThatThrownBy(() -> ServerConfig.builder().tlsDisable(true).build())
                .hasMessageContaining("--data-dir").hasMessageContaining("--dev");
    }

    @Test
    void build_refusesConflictingSettings() {
        assertThatThrownBy(() -> ServerConfig.builder().dev(true).dataDir(dir).build()).hasMessageContaining("--data-dir");
        assertThatThrownBy(() -> ServerConfig.builder().dataDir(dir).tlsCert(dir.resolve("c")).build())
                .hasMessageContaining("--tls-key");
        assertThatThrownBy(() -> ServerConfig.builder().dataDir(dir).listen("nonsense").tlsDisable(true).build())
                .hasMessageContaining("HOST:PORT");
    }

    @Test
    void start_refusesWhenAddressIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            ServerConfig config = ServerConfig.builder().dataDir(dir).tlsDisable(true)
                    .listen("127.0.0.1:" + taken.getLocalPort()).build();
            assertThatThrownBy(() -> CofferServer.start(config, c -> new InMemoryStorage()))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("already in use");
        }
    }

    @Test
    void start_refusesADataDirectoryAnotherServerUses() {
        ServerConfig config = ServerConfig.builder().dataDir(dir).tlsDisable(true).listen("127.0.0.1:0").build();
        try (CofferServer first = CofferServer.start(config, c -> new InMemoryStorage())) {
            assertThatThrownBy(() -> CofferServer.start(config, c -> new InMemoryStorage()))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("in use by another Coffer server").hasMessageContaining("--data-dir");
        }
        // Released on close: the directory can be used again.
        CofferServer.start(config, c -> new InMemoryStorage()).close();
    }

    @Test
    void configFile_appliesSettingsAndRejectsUnknownKeys() throws Exception {
        Path file = dir.resolve("coffer.json");
        Files.writeString(file, "{\"listen\":\"127.0.0.1:0\",\"data_dir\":\"data\",\"tls_disable\":true,\"max_request_size\":2048}");
        ServerConfig.Builder b = ServerConfig.builder();
        ConfigFile.apply(file, b);
        ServerConfig config = b.build();
        assertThat(config.dataDir()).contains(dir.resolve("data"));
        assertThat(config.maxRequestBytes()).isEqualTo(2048);
        assertThat(config.tlsEnabled()).isFalse();

        Files.writeString(file, "{\"listen\":\"127.0.0.1:0\",\"tls_disabled\":true}");
        assertThatThrownBy(() -> ConfigFile.apply(file, ServerConfig.builder()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("tls_disabled");
        Files.writeString(file, "not json");
        assertThatThrownBy(() -> ConfigFile.apply(file, ServerConfig.builder())).isInstanceOf(ConfigException.class);
    }

    @Test
    void loginWorkers_defaultToOneFewerThanTheCores_comeFromFlagOrFile_andBadValuesNameTheFlag() throws Exception {
        assertThat(ServerConfig.builder().dev(true).build().loginWorkers())
                .isEqualTo(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
        assertThat(ServerConfig.builder().dev(true).loginWorkers(3).build().loginWorkers()).isEqualTo(3);
        Path file = dir.resolve("login.json");
        Files.writeString(file, "{\"login_workers\":5}");
        ServerConfig.Builder b = ServerConfig.builder().dev(true);
        ConfigFile.apply(file, b);
        assertThat(b.build().loginWorkers()).isEqualTo(5);
        for (int bad : new int[] {0, -1, ServerConfig.MAX_LOGIN_WORKERS + 1}) {
            assertThatThrownBy(() -> ServerConfig.builder().dev(true).loginWorkers(bad).build())
                    .isInstanceOf(ConfigException.class).hasMessageContaining("--login-workers").hasMessageContaining("login_workers");
        }
        for (String bad : new String[] {"\"4\"", "2.5", "true"}) {
            Files.writeString(file, "{\"login_workers\":" + bad + "}");
            assertThatThrownBy(() -> ConfigFile.apply(file, ServerConfig.builder()))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("login_workers");
        }
    }

    @Test
    void unauthenticatedMetrics_isOffByDefault_andComesFromTheFlagOrTheConfigFile() throws Exception {
        assertThat(ServerConfig.builder().dev(true).build().unauthenticatedMetrics()).isFalse();
        assertThat(ServerConfig.builder().dev(true).unauthenticatedMetrics(true).build().unauthenticatedMetrics()).isTrue();
        Path file = dir.resolve("metrics.json");
        Files.writeString(file, "{\"unauthenticated_metrics\":true}");
        ServerConfig.Builder b = ServerConfig.builder().dev(true);
        ConfigFile.apply(file, b);
        assertThat(b.build().unauthenticatedMetrics()).isTrue();
        for (String bad : new String[] {"\"true\"", "1", "\"yes\""}) {
            Files.writeString(file, "{\"unauthenticated_metrics\":" + bad + "}");
            assertThatThrownBy(() -> ConfigFile.apply(file, ServerConfig.builder()))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("unauthenticated_metrics")
                    .hasMessageContaining("true or false");
        }
    }

    @Test
    void httpLimits_haveVaultsDefaultsAndComeFromTheConfigFile() throws Exception {
        io.coffer.server.http.HttpLimits defaults = ServerConfig.builder().dev(true).build().http();
        assertThat(defaults.readHeaderTimeout()).hasSeconds(10);
        assertThat(defaults.readTimeout()).hasSeconds(30);
        assertThat(defaults.idleTimeout()).hasMinutes(5);
        assertThat(defaults.maxConnections()).isEqualTo(4096);
        assertThat(defaults.maxConnectionsPerClient()).isEqualTo(512);
        assertThat(defaults.maxRequestMemory()).isBetween(defaults.maxRequestBytes() * 1L, 256L * 1024 * 1024);

        Path file = dir.resolve("limits.json");
        Files.writeString(file, "{\"http_read_header_timeout\":\"5s\",\"http_read_timeout\":60,\"http_idle_timeout\":\"2m\","
                + "\"max_connections\":100,\"max_connections_per_client\":10,\"max_request_size\":4096,"
                + "\"max_request_memory\":1048576}");
        ServerConfig.Builder b = ServerConfig.builder().dev(true);
        ConfigFile.apply(file, b);
        io.coffer.server.http.HttpLimits limits = b.build().http();
        assertThat(limits).isEqualTo(new io.coffer.server.http.HttpLimits(java.time.Duration.ofSeconds(5),
                java.time.Duration.ofSeconds(60), java.time.Duration.ofMinutes(2), 100, 10, 4096, 1048576));

        Files.writeString(file, "{\"max_connections\":\"many\"}");
        assertThatThrownBy(() -> ConfigFile.apply(file, ServerConfig.builder()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("max_connections");
        Files.writeString(file, "{\"http_idle_timeout\":true}");
        assertThatThrownBy(() -> ConfigFile.apply(file, ServerConfig.builder()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("http_idle_timeout");
    }

    @Test
    void httpLimits_badValuesAreRefusedNamingTheFlag() {
        assertThatThrownBy(() -> ServerConfig.builder().dev(true).readHeaderTimeout("soon").build())
                .isInstanceOf(ConfigException.class).hasMessageContaining("--http-read-header-timeout");
        assertThatThrownBy(() -> ServerConfig.builder().dev(true).idleTimeout("0s").build())
                .isInstanceOf(ConfigException.class).hasMessageContaining("--http-idle-timeout");
        assertThatThrownBy(() -> ServerConfig.builder().dev(true).readHeaderTimeout("20s").readTimeout("10s").build())
                .isInstanceOf(ConfigException.class).hasMessageContaining("--http-read-timeout")
                .hasMessageContaining("--http-read-header-timeout");
        assertThatThrownBy(() -> ServerConfig.builder().dev(true).maxConnections(0).build())
                .isInstanceOf(ConfigException.class).hasMessageContaining("--max-connections");
        assertThatThrownBy(() -> ServerConfig.builder().dev(true).maxConnections(10).maxConnectionsPerClient(11).build())
                .isInstanceOf(ConfigException.class).hasMessageContaining("--max-connections-per-client");
        assertThatThrownBy(() -> ServerConfig.builder().dev(true).maxRequestBytes(1 << 20).maxRequestMemory(1 << 19).build())
                .isInstanceOf(ConfigException.class).hasMessageContaining("--max-request-memory")
                .hasMessageContaining("--max-request-size");
        // A small --max-connections lowers the per-client default with it.
        assertThat(ServerConfig.builder().dev(true).maxConnections(8).build().http().maxConnectionsPerClient()).isEqualTo(8);
    }

    @Test
    void awsSettings_defaultToSecretMountAndComeFromTheConfigFile_badValuesAreRefused() throws Exception {
        ServerConfig defaults = ServerConfig.builder().dev(true).build();
        assertThat(defaults.awsSecrets().mount()).isEqualTo("secret/");
        assertThat(defaults.awsSecrets().region()).isEqualTo("us-east-1");

        Path file = dir.resolve("aws.json");
        Files.writeString(file, "{\"aws_mount\":\"team-kv\",\"aws_region\":\"eu-west-1\",\"aws_account_id\":\"123456789012\"}");
        ServerConfig.Builder b = ServerConfig.builder().dev(true);
        ConfigFile.apply(file, b);
        ServerConfig config = b.build();
        assertThat(config.awsSecrets().mount()).isEqualTo("team-kv/");
        assertThat(config.awsSecrets().arnPrefix()).isEqualTo("arn:aws:secretsmanager:eu-west-1:123456789012:secret:");

        assertThatThrownBy(() -> ServerConfig.builder().dev(true).awsAccountId("12345").build())
                .isInstanceOf(ConfigException.class).hasMessageContaining("12 digits");
        assertThatThrownBy(() -> ServerConfig.builder().dev(true).awsRegion("Mars").build())
                .isInstanceOf(ConfigException.class).hasMessageContaining("region");
    }

    @ParameterizedTest
    @ValueSource(strings = {"RSA", "EC"})
    void tls_servesHttpsWithPemCertificateAndKey(String algorithm) throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance(algorithm);
        gen.initialize(algorithm.equals("RSA") ? 2048 : 256);
        KeyPair pair = gen.generateKeyPair();
        X509Certificate cert = selfSigned(pair, algorithm.equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA");
        Path certFile = dir.resolve("tls.crt");
        Path keyFile = dir.resolve("tls.key");
        Files.writeString(certFile, pem(cert));
        // RSA goes out as PKCS#1 (BEGIN RSA PRIVATE KEY, what openssl genrsa writes), EC as PKCS#8.
        Files.writeString(keyFile, algorithm.equals("RSA") ? pem(pair.getPrivate())
                : "-----BEGIN PRIVATE KEY-----\n" + java.util.Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded())
                        + "\n-----END PRIVATE KEY-----\n");

        ServerConfig config = ServerConfig.builder().dataDir(dir).listen("127.0.0.1:0").tlsCert(certFile).tlsKey(keyFile).build();
        try (CofferServer server = CofferServer.start(config, c -> new InMemoryStorage())) {
            assertThat(server.url()).startsWith("https://");
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("coffer", cert);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            HttpClient client = HttpClient.newBuilder().sslContext(ssl).build();
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(server.url() + "/v1/sys/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(501);
            assertThat(r.body()).contains("\"initialized\":false");
        }
    }

    @Test
    void tls_refusesUnusableKeyMaterial() throws Exception {
        Path certFile = dir.resolve("bad.crt");
        Path keyFile = dir.resolve("bad.key");
        Files.writeString(certFile, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        Files.writeString(keyFile, "garbage");
        ServerConfig config = ServerConfig.builder().dataDir(dir).listen("127.0.0.1:0").tlsCert(certFile).tlsKey(keyFile).build();
        assertThatThrownBy(() -> CofferServer.start(config, c -> new InMemoryStorage()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("PEM");
    }

    private static X509Certificate selfSigned(KeyPair pair, String signature) throws Exception {
        X500Name name = new X500Name("CN=127.0.0.1");
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(1, ChronoUnit.DAYS)), name, pair.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder(signature).build(pair.getPrivate())));
    }

    private static String pem(Object o) throws Exception {
        StringWriter w = new StringWriter();
        try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
            pw.writeObject(o);
        }
        return w.toString();
    }
}
