package io.coffer.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.server.config.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Fuzzes a real server over its socket: generated requests, Vault-style (root token, real paths,
 * JSON bodies whose fields have every JSON type), AWS-style (signed by the AWS SDK's own signer,
 * bodies built from the operations' members) and byte-mutated versions of both, each on its own
 * connection. No answer may be a 5xx, every complete request must be answered within the timeout,
 * and the server must still serve afterwards.
 *
 * <p>Bounded in time: {@code -Dcoffer.fuzz.http.seconds} (default 4) of generated traffic, from
 * the seed {@code -Dcoffer.fuzz.http.seed} (random by default; printed on failure, so a failing run
 * can be replayed exactly). docs/security.md says how to run it for longer.
 */
class HttpWireFuzzTest {

    private static final String ROOT = "fuzz-root-token";
    private static final String KEY_ID = "AKIAFUZZTEST00000001";
    private static final String SECRET = "fuzzTestSecretAccessKey/0123456789abcdef";
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_REQUEST_BYTES = 64 * 1024;

    /** Paths a client may name; none that seals, revokes the root token or enables an audit device (they would end the run, not find bugs). */
    private static final List<String> PATHS = List.of("sys/mounts", "sys/mounts/kv2", "sys/mounts/secret/tune", "sys/auth",
            "sys/auth/userpass", "sys/policies/acl", "sys/policies/acl/p1", "sys/policy/p1", "sys/capabilities-self",
            "sys/health", "sys/seal-status", "sys/leader", "sys/internal/ui/mounts", "sys/wrapping/lookup",
            "secret/data/app/db", "secret/metadata/app/db", "secret/metadata/", "secret/config", "secret/delete/app/db",
            "secret/undelete/app/db", "secret/destroy/app/db", "secret/subkeys/app/db", "auth/token/create",
            "auth/token/create-orphan", "auth/token/lookup", "auth/token/lookup-self", "auth/token/renew-self",
            "auth/token/roles/r1", "auth/token/accessors", "auth/userpass/users/u1", "auth/userpass/login/u1",
            "auth/approle/role/r1", "auth/approle/login", "auth/sigv4/keys/k1", "sys/audit-hash/x", "cubbyhole/x");
    private static final List<String> FIELDS = List.of("data", "options", "cas", "version", "versions", "policy",
            "policies", "ttl", "max_ttl", "type", "config", "max_versions", "delete_version_after", "cas_required",
            "password", "token_policies", "allowed_policies", "disallowed_policies", "renewable", "num_uses", "period",
            "meta", "display_name", "explicit_max_ttl", "no_parent", "role_id", "secret_id", "description", "local",
            "seal_wrap", "default_lease_ttl", "max_lease_ttl", "token", "accessor", "paths", "path", "input",
            "custom_metadata", "bound_cidrs", "token_bound_cidrs", "secret_id_ttl", "token_type", "orphan", "list");
    private static final List<String> OPERATIONS = List.of("CreateSecret", "PutSecretValue", "UpdateSecret",
            "GetSecretValue", "BatchGetSecretValue", "DescribeSecret", "ListSecrets", "ListSecretVersionIds",
            "DeleteSecret", "RestoreSecret", "UpdateSecretVersionStage", "TagResource", "UntagResource",
            "GetResourcePolicy", "PutResourcePolicy", "DeleteResourcePolicy", "ValidateResourcePolicy", "RotateSecret",
            "CancelRotateSecret", "GetRandomPassword", "NoSuchOperation");
    private static final List<String> MEMBERS = List.of("SecretId", "Name", "SecretString", "SecretBinary", "VersionId",
            "VersionStage", "VersionStages", "ClientRequestToken", "Filters", "MaxResults", "NextToken", "Tags",
            "TagKeys", "MoveToVersionId", "RemoveFromVersionId", "RecoveryWindowInDays", "ForceDeleteWithoutRecovery",
            "ResourcePolicy", "RotationRules", "SecretIdList", "SortOrder", "IncludePlannedDeletion", "Description",
            "PasswordLength", "ExcludeCharacters", "Key", "Values", "Value");
    private static final List<String> WORDS = List.of("app/db", "AWSCURRENT", "AWSPREVIOUS", "root", "default",
            "11111111-1111-1111-1111-111111111111", "*", "", "..", "kv", "kv-v2", "2", "-1", "1h", "0s", "true",
            "tag-key", "name", "all", "\u0000", "\u00e9", "\u200b", "a\nb", "%2e", "arn:aws:secretsmanager:us-east-1:0:secret:x");

    private static CofferServer server;
    private static URI base;

    @BeforeAll
    static void start() {
        server = CofferServer.start(ServerConfig.builder().dev(true).devRootToken(ROOT).devAccessKey(KEY_ID, SECRET)
                .maxRequestBytes(MAX_REQUEST_BYTES).listen("127.0.0.1:0").build(), c -> {
                    throw new IllegalStateException("dev mode uses memory");
                });
        base = URI.create(server.url());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void generatedRequests_neverGet5xx_andTheServerKeepsServing() throws IOException {
        long seed = Long.getLong("coffer.fuzz.http.seed", new Random().nextLong());
        long seconds = Long.getLong("coffer.fuzz.http.seconds", 4);
        Random random = new Random(seed);
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        int sent = 0;
        Map<String, Integer> tally = new TreeMap<>();
        while (System.nanoTime() < deadline) {
            int kind = random.nextInt(10);
            byte[] request = kind < 5 ? vaultRequest(random) : kind < 8 ? awsRequest(random) : mutated(random);
            // Over the body limit the server answers 413 and closes while the client still sends,
            // so the answer may be lost to the connection reset: only its status is checked then.
            boolean complete = kind < 8 && request.length < MAX_REQUEST_BYTES;
            String status = exchange(request, complete);
            sent++;
            String text = new String(request, StandardCharsets.ISO_8859_1);
            String where = "request " + sent + " of seed " + seed + " (-Dcoffer.fuzz.http.seed=" + seed + "):\n"
                    + (text.length() > 2000 ? text.substring(0, 2000) + "... (" + text.length() + " bytes)" : text);
            if (complete) {
                assertThat(status).as("answer to " + where).isNotNull();
            }
            if (status != null) {
                assertThat(status).as("status of " + where).doesNotStartWith("5");
            }
            tally.merge((kind < 5 ? "vault " : kind < 8 ? "aws " : "mutated ") + status, 1, Integer::sum);
        }
        System.out.println("HttpWireFuzzTest: " + sent + " requests from seed " + seed + ", answers by kind: " + tally);
        assertThat(sent).isGreaterThan(20);
        assertThat(tally).containsKeys("vault 200", "aws 200");
        byte[] health = ("GET /v1/sys/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        assertThat(exchange(health, true)).isEqualTo("200");
    }

    /** Requests the fuzzer found answered with a 500, replayed on the wire (docs/security.md, "Fuzzing"). */
    @Test
    void fuzzFindings_areClientErrors() throws IOException {
        List<String> findings = List.of(
                "LIST /v1/auth/token/accessors% HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Vault-Token: " + ROOT + "\r\n\r\n",
                "GET /v1/secret/data/app?version=%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Vault-Token: " + ROOT + "\r\n\r\n",
                vaultPost("/v1/secret/delete/app/db", "{\"versions\":[null,null,null]}"),
                vaultPost("/v1/secret/undelete/app/db", "{\"versions\":[1,null]}"),
                vaultPost("/v1/secret/destroy/app/db", "{\"versions\":[null]}"));
        for (String request : findings) {
            assertThat(exchange(request.getBytes(StandardCharsets.ISO_8859_1), true)).as(request).isEqualTo("400");
        }
    }

    private static String vaultPost(String path, String json) {
        return "POST " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Vault-Token: " + ROOT
                + "\r\nContent-Type: application/json\r\nContent-Length: " + json.length() + "\r\n\r\n" + json;
    }

    /** Sends one request on a fresh connection; the answer's status code, or null when the server closed without one. */
    private static String exchange(byte[] request, boolean complete) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout((int) ANSWER_TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
                if (!complete) {
                    socket.shutdownOutput();
                }
            } catch (IOException closedEarly) {
                return null; // the server refused the rest (e.g. a body over the limit) and closed
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            try {
                for (int b; (b = in.read()) != -1 && b != '\n';) {
                    line.write(b);
                }
            } catch (SocketTimeoutException e) {
                if (complete) {
                    throw new AssertionError("no answer within " + ANSWER_TIMEOUT, e);
                }
                throw new AssertionError("the server neither answered nor closed within " + ANSWER_TIMEOUT
                        + " after the client finished sending", e);
            } catch (IOException reset) {
                return null;
            }
            String statusLine = line.toString(StandardCharsets.ISO_8859_1);
            return statusLine.startsWith("HTTP/1.1 ") && statusLine.length() >= 12 ? statusLine.substring(9, 12) : null;
        }
    }

    private static byte[] vaultRequest(Random r) {
        String method = pick(r, List.of("GET", "GET", "POST", "PUT", "PATCH", "DELETE", "LIST", "HEAD", "OPTIONS", "TRACE"));
        String path = pick(r, PATHS);
        if (r.nextInt(4) == 0) {
            path = mutatePath(r, path);
        }
        String query = r.nextInt(3) == 0 ? "?" + pick(r, FIELDS) + "=" + percent(pick(r, WORDS)) + (r.nextBoolean() ? "&list=" + pick(r, List.of("true", "1", "x", "")) : "") : "";
        StringBuilder head = new StringBuilder(method + " /v1/" + path + query + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        if (r.nextInt(10) != 0) {
            head.append(r.nextBoolean() ? "X-Vault-Token: " + ROOT : "Authorization: Bearer " + ROOT).append("\r\n");
        }
        byte[] body = new byte[0];
        if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
            body = (r.nextInt(8) == 0 ? garble(r, jsonObject(r, FIELDS, 0)) : jsonObject(r, FIELDS, 0)).getBytes(StandardCharsets.UTF_8);
            head.append("Content-Type: ").append(method.equals("PATCH") && r.nextInt(4) != 0 ? "application/merge-patch+json" : "application/json").append("\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        return concat(head.toString().getBytes(StandardCharsets.UTF_8), body);
    }

    private static byte[] awsRequest(Random r) {
        String operation = pick(r, OPERATIONS);
        String body = r.nextInt(10) == 0 ? garble(r, jsonObject(r, MEMBERS, 0)) : jsonObject(r, MEMBERS, 0);
        SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(URI.create(server.url() + "/"))
                .putHeader("X-Amz-Target", "secretsmanager." + operation)
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .build();
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(AwsV4HttpSigner.create().sign(s -> s
                .identity(AwsCredentialsIdentity.create(KEY_ID, SECRET))
                .request(unsigned)
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "secretsmanager")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")).request().headers());
        if (r.nextInt(6) == 0) {
            // Tamper with one header after signing.
            String name = pick(r, new ArrayList<>(headers.keySet()));
            headers.put(name, List.of(garble(r, headers.get(name).get(0))));
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("POST / HTTP/1.1\r\nConnection: close\r\n");
        headers.putIfAbsent("Host", List.of(base.getHost() + ":" + base.getPort()));
        headers.forEach((name, values) -> values.forEach(v -> head.append(name).append(": ")
                .append(v.replaceAll("[\r\n]", "")).append("\r\n")));
        head.append("Content-Length: ").append(bytes.length).append("\r\n\r\n");
        return concat(head.toString().getBytes(StandardCharsets.UTF_8), bytes);
    }

    /** A Vault or AWS request with a few bytes flipped, inserted or removed anywhere, headers and framing included. */
    private static byte[] mutated(Random r) {
        byte[] b = r.nextBoolean() ? vaultRequest(r) : awsRequest(r);
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + 16);
        int edits = 1 + r.nextInt(4);
        for (int i = 0; i < b.length; i++) {
            if (edits > 0 && r.nextInt(b.length) < 4) {
                edits--;
                switch (r.nextInt(4)) {
                    case 0 -> out.write(r.nextInt(256));
                    case 1 -> {
                        out.write(b[i]);
                        out.writeBytes(pick(r, List.of("\r\n", "%", "\u0000", "\"", "{", "]", ":", " ", "\\u0000", "%ff"))
                                .getBytes(StandardCharsets.ISO_8859_1));
                    }
                    case 2 -> {
                        // dropped
                    }
                    default -> out.write(b[i] ^ (1 << r.nextInt(8)));
                }
            } else {
                out.write(b[i]);
            }
        }
        return out.toByteArray();
    }

    private static String jsonObject(Random r, List<String> names, int depth) {
        StringBuilder out = new StringBuilder("{");
        int n = r.nextInt(depth == 0 ? 5 : 3);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quote(r.nextInt(8) == 0 ? pick(r, WORDS) : pick(r, names))).append(':').append(jsonValue(r, names, depth + 1));
        }
        return out.append('}').toString();
    }

    private static String jsonValue(Random r, List<String> names, int depth) {
        int choice = r.nextInt(depth > 3 ? 6 : 9);
        return switch (choice) {
            case 0 -> quote(pick(r, WORDS));
            case 1 -> quote(pick(r, names));
            case 2 -> pick(r, List.of("0", "1", "-1", "2", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
                    "1e400", "1.5", "-0", "4294967296", "1000000000000"));
            case 3 -> pick(r, List.of("true", "false"));
            case 4 -> "null";
            case 5 -> quote("x".repeat(r.nextInt(3) == 0 ? 70_000 >> r.nextInt(8) : r.nextInt(20)));
            case 6 -> jsonObject(r, names, depth + 1);
            case 7 -> {
                StringBuilder a = new StringBuilder("[");
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    a.append(i > 0 ? "," : "").append(jsonValue(r, names, depth + 1));
                }
                yield a.append(']').toString();
            }
            default -> quote("{\"Statement\":[{\"Effect\":\"" + pick(r, List.of("Allow", "Deny", "x")) + "\"}]}");
        };
    }

    private static String garble(Random r, String s) {
        if (s.isEmpty()) {
            return pick(r, WORDS);
        }
        StringBuilder b = new StringBuilder(s);
        int at = r.nextInt(b.length());
        switch (r.nextInt(3)) {
            case 0 -> b.deleteCharAt(at);
            case 1 -> b.insert(at, pick(r, List.of("\"", "{", "[", ",", "\\", "\\ud800", "\u00ff", " ")));
            default -> b.setLength(at);
        }
        return b.toString();
    }

    private static String mutatePath(Random r, String path) {
        return switch (r.nextInt(6)) {
            case 0 -> path + "/" + percent(pick(r, WORDS));
            case 1 -> path.replace("/", pick(r, List.of("//", "/./", "/../", "%2f", "\\", "/%2e%2e/")));
            case 2 -> path + pick(r, List.of("/", "%", "%zz", "%ff%fe", "%c3%a9", "%e2%80%8b", "+", "%00", "?", "#"));
            case 3 -> path.toUpperCase(Locale.ROOT);
            case 4 -> "x".repeat(r.nextInt(3000)) + "/" + path;
            default -> pick(r, List.of("", "/", "v1", "../etc/passwd", "sys", "secret"));
        };
    }

    private static String percent(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            out.append(Character.isLetterOrDigit(c) && c < 128 ? String.valueOf((char) c) : String.format("%%%02X", c));
        }
        return out.toString();
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static <T> T pick(Random r, List<T> from) {
        return from.get(r.nextInt(from.size()));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
