package io.coffer.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.core.mount.MountEntry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * What one request can cost the audit volume, through the HTTP server: a body from a caller that
 * failed to authenticate is recorded as its size and HMAC only, a record never exceeds
 * {@code max_record_bytes}, and a volume running out of space is reported before it is full.
 */
class AuditVolumeTest {

    private static final String ROOT = DevServer.ROOT_TOKEN;
    private static final String KEY_ID = "AKIAVOLUMETEST000001";
    private static final String KEY_SECRET = SuiteSecrets.register("volumeTestSecretAccessKey/0123456789abcdef");
    private static final int MIB = 1 << 20;
    /** What a request and its outcome record may take without any data: ids, path, times, chain links, markers. */
    private static final long FEW_KIB = 4096;

    @TempDir
    Path dir;

    private CofferServer server;
    private Http http;

    @BeforeEach
    void start() {
        server = DevServer.withAccessKey(KEY_ID, KEY_SECRET);
        http = new Http(server.url());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Path enableFile(Map<String, Object> extra) {
        Path file = dir.resolve("audit.log");
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("file_path", file.toString());
        options.putAll(extra);
        Http.Reply r = http.put("/v1/sys/audit/file", ROOT, Http.json(Map.of("type", "file", "options", options)));
        assertThat(r.status()).as(r.body()).isEqualTo(204);
        return file;
    }

    private String auditHash(String input) {
        Http.Reply r = http.put("/v1/sys/audit-hash/file", ROOT, Http.json(Map.of("input", input)));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return (String) ((Map<?, ?>) r.json().get("data")).get("hash");
    }

    /**
     * A compact JSON body of about {@code bytes} bytes: a marker value, then empty strings, the worst
     * case for HMAC'd records (3 bytes sent, 79 written).
     */
    static String emptyStrings(String key, String marker, int bytes) {
        StringBuilder b = new StringBuilder(bytes + 64).append("{\"").append(key).append("\":[\"").append(marker).append('"');
        while (b.length() < bytes - 2) {
            b.append(",\"\"");
        }
        return b.append("]}").toString();
    }

    private static long size(Path file) throws Exception {
        return Files.size(file);
    }

    private static List<JsonNode> recordsOf(Path file, String requestId) {
        return AuditRecords.vaultRecords(file).stream()
                .filter(r -> r.path("request").path("id").asText().equals(requestId)).toList();
    }

    @Test
    void unauthenticatedMegabyteBody_leavesAFewKiB_andItsDataNowhere() throws Exception {
        Path file = enableFile(Map.of());
        String marker = "unauthenticated-marker-value-7731";
        String markerHash = auditHash(marker);
        String body = emptyStrings("leaked-key-marker", marker, MIB);

        for (String token : new String[] {null, "not-a-token-of-this-server"}) {
            long before = size(file);
            int linesBefore = Files.readAllLines(file).size();
            Http.Reply r = http.put("/v1/secret/data/flood", token, body);
            assertThat(r.status()).isEqualTo(403);
            long written = size(file) - before;
            assertThat(written).as("bytes on disk for %d bytes sent (token %s)", body.length(), token).isLessThan(FEW_KIB);

            List<String> lines = Files.readAllLines(file);
            List<String> flood = lines.subList(linesBefore, lines.size());
            assertThat(flood).hasSize(2);
            for (String line : flood) {
                assertThat(line).doesNotContain("leaked-key-marker").doesNotContain(markerHash);
                JsonNode request = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line).path("request");
                assertThat(request.has("data")).isFalse();
                assertThat(request.path("data_withheld").path("reason").asText()).isEqualTo("unauthenticated");
                // The body is compact JSON, so its re-serialization has its size.
                assertThat(request.path("data_withheld").path("bytes").asLong()).isEqualTo(body.length());
                assertThat(request.path("data_withheld").path("hmac").asText()).startsWith("hmac-sha256:");
            }
        }
        assertThat(AuditRecords.verify(AuditRecords.chainKey(http, ROOT, "file"), List.of(file)).intact()).isTrue();
    }

    @Test
    void unauthenticatedBody_hmacIsTheAuditHashOfTheBodyAsSent() {
        Path file = enableFile(Map.of());
        String body = "{\"probe\":\"unauthenticated-probe-value-5512\",\"n\":1}";
        Http.Reply r = http.put("/v1/secret/data/probe", null, body);
        assertThat(r.status()).isEqualTo(403);
        JsonNode withheld = AuditRecords.vaultRecords(file).getLast().path("request").path("data_withheld");
        assertThat(withheld.path("bytes").asLong()).isEqualTo(body.length());
        assertThat(withheld.path("hmac").asText()).isEqualTo(auditHash(body));
    }

    @Test
    void awsCallWithAnUnknownKey_megabyteBody_leavesAFewKiB() throws Exception {
        Path file = enableFile(Map.of());
        String body = "{\"SecretId\":\"leaked-aws-marker\",\"Pad\":" + emptyStrings("k", "x", MIB) + "}";
        long before = size(file);
        HttpResponse<String> r = signedAwsCall("AKIAUNKNOWNKEY000001", "unknownKeySecret/0123456789abcdefghij", body);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(size(file) - before).isLessThan(FEW_KIB);
        JsonNode withheld = AuditRecords.vaultRecords(file).getLast().path("request").path("data_withheld");
        assertThat(withheld.path("reason").asText()).isEqualTo("unauthenticated");
        assertThat(withheld.path("bytes").asLong()).isEqualTo(body.getBytes(StandardCharsets.UTF_8).length);
        assertThat(AuditRecords.contains(file, "leaked-aws-marker")).isFalse();
    }

    @Test
    void failedLoginWithAMegabyteBody_isRecordedAsVaultDoes_butWithinTheCap() throws Exception {
        server.node().handler().authMounts().mount("userpass/", "userpass", "", Map.of(), MountEntry.MountConfig.DEFAULT);
        assertThat(http.put("/v1/auth/userpass/users/erin", ROOT, "{\"password\":\"" + SuiteSecrets.register("erin-pw-0042")
                + "\"}").status()).isEqualTo(204);
        Path file = enableFile(Map.of());
        String body = "{\"password\":\"wrong-password-3391\",\"pad\":" + emptyStrings("k", "x", MIB) + "}";
        long before = size(file);
        Http.Reply r = http.put("/v1/auth/userpass/login/erin", null, body);
        assertThat(r.status()).isEqualTo(400);
        // A login authenticates through its body: Vault records it (HMAC'd), and so does Coffer, cut to the cap.
        assertThat(size(file) - before).isLessThan(2L * 64 * 1024 + FEW_KIB);
        JsonNode request = AuditRecords.vaultRecords(file).getLast();
        assertThat(request.path("truncated").asBoolean()).isTrue();
        assertThat(request.path("request").path("data_withheld").path("reason").asText()).isEqualTo("record_too_large");
        assertThat(AuditRecords.verify(AuditRecords.chainKey(http, ROOT, "file"), List.of(file)).intact()).isTrue();
    }

    @Test
    void authenticatedWrite_bodyAppearsOncePerRecordAtMost() throws Exception {
        Path file = enableFile(Map.of());
        String value = SuiteSecrets.register("once-per-record-value-2271");
        Http.Reply w = http.send("POST", "/v1/secret/data/once", ROOT,
                Http.json(Map.of("data", Map.of("once-per-record-key", value))));
        assertThat(w.status()).as(w.body()).isEqualTo(200);
        String id = (String) w.json().get("request_id");
        String valueHash = auditHash(value);
        List<String> lines = Files.readAllLines(file).stream().filter(l -> l.contains(id)).toList();
        assertThat(lines).hasSize(2);
        for (String line : lines) {
            assertThat(occurrences(line, "once-per-record-key")).isLessThanOrEqualTo(1);
            assertThat(occurrences(line, valueHash)).isLessThanOrEqualTo(1);
        }
        assertThat(occurrences(lines.get(0), valueHash)).isEqualTo(1);
    }

    @Test
    void oversizeRecord_isTruncatedWithAMarker_andTheChainStillVerifies() throws Exception {
        Path file = enableFile(Map.of("max_record_bytes", "16384"));
        String body = Http.json(Map.of("data", Map.of("big", java.util.Collections.nCopies(200_000, ""))));
        long before = size(file);
        Http.Reply w = http.send("POST", "/v1/secret/data/big", ROOT, body);
        assertThat(w.status()).as(w.body()).isEqualTo(200);
        String id = (String) w.json().get("request_id");
        List<String> lines = Files.readAllLines(file).stream().filter(l -> l.contains(id)).toList();
        assertThat(lines).hasSize(2);
        for (String line : lines) {
            // The cap covers the record; its chain link comes on top.
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(16384 + 100);
        }
        JsonNode request = recordsOf(file, id).getFirst();
        assertThat(request.path("truncated").asBoolean()).isTrue();
        JsonNode withheld = request.path("request").path("data_withheld");
        assertThat(withheld.path("reason").asText()).isEqualTo("record_too_large");
        // The size of the data as plain compact JSON: here the body as sent.
        assertThat(withheld.path("bytes").asLong()).isEqualTo(body.length());
        assertThat(withheld.path("hmac").asText()).startsWith("hmac-sha256:");
        assertThat(request.path("request").path("path").asText()).isEqualTo("secret/data/big");
        assertThat(size(file) - before).isLessThan(2L * 16384 + FEW_KIB);
        assertThat(AuditRecords.verify(AuditRecords.chainKey(http, ROOT, "file"), List.of(file)).intact()).isTrue();
    }

    @Test
    void maxRecordBytes_outOfRange_isA400NamingTheOption() {
        for (String bad : new String[] {"100", "0", "-1", "lots", "68719476736"}) {
            Http.Reply r = http.put("/v1/sys/audit/file", ROOT, Http.json(Map.of("type", "file", "options",
                    Map.of("file_path", dir.resolve("x.log").toString(), "max_record_bytes", bad))));
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.body()).contains("max_record_bytes");
        }
        Http.Reply r = http.put("/v1/sys/audit/file", ROOT, Http.json(Map.of("type", "file", "options",
                Map.of("file_path", dir.resolve("x.log").toString(), "free_space_warn", "150%"))));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("free_space_warn");
    }

    @Test
    void freeSpaceWarn_aboveTheFreeSpace_warnsInTheLogAndTheListing() throws Exception {
        // The threshold is set above what the volume has free (all of it), instead of filling the disk.
        enableFile(Map.of("free_space_warn", "100%"));
        Http.Reply list = http.get("/v1/sys/audit", ROOT);
        JsonNode volume = new com.fasterxml.jackson.databind.ObjectMapper().readTree(list.body())
                .path("data").path("file/").path("volume");
        assertThat(volume.path("low").asBoolean()).as(list.body()).isTrue();
        assertThat(volume.path("free_bytes").asLong()).isPositive();
        assertThat(volume.path("warn_below_bytes").asLong()).isEqualTo(volume.path("total_bytes").asLong());
        Path log = Path.of("target/server-test.log");
        assertThat(Files.readString(log)).contains("audit volume of " + dir + " is running out of space");

        http.put("/v1/sys/audit/file", ROOT, null);
        assertThat(http.send("DELETE", "/v1/sys/audit/file", ROOT, null).status()).isEqualTo(204);
        enableFile(Map.of("free_space_warn", "0"));
        JsonNode quiet = new com.fasterxml.jackson.databind.ObjectMapper().readTree(http.get("/v1/sys/audit", ROOT).body())
                .path("data").path("file/").path("volume");
        assertThat(quiet.path("low").asBoolean()).isFalse();
    }

    private static int occurrences(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    private HttpResponse<String> signedAwsCall(String keyId, String secret, String body) throws Exception {
        URI uri = URI.create(server.url() + "/");
        SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(uri)
                .putHeader("X-Amz-Target", "secretsmanager.GetSecretValue")
                .putHeader("Content-Type", "application/x-amz-json-1.1");
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(keyId, secret))
                .request(unsigned.build())
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "secretsmanager")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        signed.request().headers().forEach((k, values) -> {
            if (!k.equalsIgnoreCase("host")) {
                values.forEach(v -> b.header(k, v));
            }
        });
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
