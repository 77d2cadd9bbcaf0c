package io.coffer.server.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.server.CofferServer;
import io.coffer.server.SuiteAccess;
import io.github.jopenlibs.vault.Vault;
import io.github.jopenlibs.vault.VaultConfig;
import io.github.jopenlibs.vault.VaultException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/**
 * A dev server on a free loopback port with SigV4 access keys issued through the Vault API
 * ({@code POST /v1/auth/sigv4/keys} with the root token), and unmodified AWS SDK clients pointed at
 * it with nothing but an endpoint override, a region and static credentials.
 */
final class AwsFixture implements AutoCloseable {

    /** A policy that reads every secret of the AWS door's mount and changes none. */
    static final String READ_ONLY_POLICY = """
            path "secret/data/*" { capabilities = ["read"] }
            path "secret/metadata/*" { capabilities = ["read", "list"] }
            path "secret/metadata" { capabilities = ["list"] }
            """;

    /** Everything on the AWS door's mount: what an application that owns its secrets gets. */
    static final String FULL_ACCESS_POLICY = """
            path "secret/*" { capabilities = ["create", "read", "update", "patch", "delete", "list"] }
            path "secret/metadata" { capabilities = ["list"] }
            """;

    private static final ObjectMapper JSON = new ObjectMapper();

    final CofferServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record AccessKey(String id, String secret) {
        @Override
        public String toString() {
            return "AccessKey[" + id + "]";
        }
    }

    private AwsFixture(CofferServer server) {
        this.server = server;
    }

    static AwsFixture start() {
        return new AwsFixture(SuiteAccess.startDevServer());
    }

    /** An access key with {@link #FULL_ACCESS_POLICY} (the sigv4 method never grants {@code root}). */
    AccessKey createFullAccessKey() {
        writePolicy("aws-full-access", FULL_ACCESS_POLICY);
        return createKey("aws-full-access");
    }

    /** Issues an access key with {@code policies}; its secret is registered for the log scan. */
    AccessKey createKey(String... policies) {
        JsonNode reply = vaultCall("POST", "/v1/auth/sigv4/keys",
                Map.of("policies", List.of(policies), "description", "compatibility test"));
        JsonNode data = reply.path("data");
        String id = data.path("access_key_id").asText(null);
        String secret = data.path("secret_access_key").asText(null);
        if (id == null || secret == null) {
            throw new AssertionError("POST /v1/auth/sigv4/keys answered without a key: fields " + fieldNames(data));
        }
        SuiteAccess.registerSecret(secret);
        return new AccessKey(id, secret);
    }

    /** A Vault token with {@code policies} (and {@code default}), made by the root token. */
    String createToken(String... policies) {
        String token = vaultCall("POST", "/v1/auth/token/create", Map.of("policies", List.of(policies)))
                .path("auth").path("client_token").asText(null);
        if (token == null) {
            throw new AssertionError("POST /v1/auth/token/create answered without a token");
        }
        SuiteAccess.registerSecret(token);
        return token;
    }

    /** A Vault API call with {@code token}: its status and body, whatever they are. */
    HttpResponse<String> vaultAs(String token, String method, String path, String jsonBody) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path))
                    .timeout(Duration.ofSeconds(20))
                    .header("X-Vault-Token", token);
            if (jsonBody != null) {
                b.header("Content-Type", "application/json");
            }
            b.method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody));
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(method + " " + path + " interrupted", e);
        }
    }

    void writePolicy(String name, String document) {
        vaultCall("PUT", "/v1/sys/policies/acl/" + name, Map.of("policy", document));
    }

    SecretsManagerClient client(AccessKey key) {
        return client(key.id(), key.secret());
    }

    SecretsManagerClient client(String accessKeyId, String secretAccessKey) {
        return SecretsManagerClient.builder()
                .endpointOverride(URI.create(server.url()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(accessKeyId, secretAccessKey)))
                // The caching client brings the CRT HTTP client too; name one so the SDK need not choose.
                .httpClient(Apache5HttpClient.create())
                .build();
    }

    Vault vault() {
        try {
            VaultConfig config = new VaultConfig().address(server.url()).token(SuiteAccess.ROOT_TOKEN)
                    .engineVersion(2).openTimeout(5).readTimeout(10).build();
            return Vault.create(config, true, 2);
        } catch (VaultException e) {
            throw new AssertionError("vault-java-driver could not be configured", e);
        }
    }

    /** A name no other test uses, under {@code prefix}. */
    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The wire {@code __type} of an SDK refusal. */
    static String errorCode(SecretsManagerException e) {
        return e.awsErrorDetails().errorCode();
    }

    private JsonNode vaultCall(String method, String path, Object body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + path))
                    .timeout(Duration.ofSeconds(20))
                    .header("X-Vault-Token", SuiteAccess.ROOT_TOKEN)
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                    .build();
            HttpResponse<String> reply = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (reply.statusCode() / 100 != 2) {
                throw new AssertionError(method + " " + path + " answered " + reply.statusCode());
            }
            return reply.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(reply.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(method + " " + path + " interrupted", e);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Override
    public void close() {
        server.close();
    }
}
