package io.coffer.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.core.aws.AwsErrorType;
import io.coffer.core.aws.AwsServiceException;
import io.coffer.core.aws.SecretsManagerOperations;
import io.coffer.core.logical.Operation;
import io.coffer.server.config.ServerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.scheme.AwsV4AuthScheme;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.scheme.AuthScheme;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignRequest;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignedRequest;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.identity.spi.IdentityProviders;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/**
 * The AWS door on the wire, driven by the unmodified AWS SDK for Java v2 client and by raw HTTP.
 * The operations here are a test stand-in (GetSecretValue needs read on {@code secret/data/<id>}
 * and echoes the id); the real ones are tested with them.
 */
class AwsDoorWireTest {

    private static final String KEY_ID = "AKIAWIRETEST0000001";
    private static final String SECRET = "wireTestSecretAccessKey/0123456789abcdefg";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Stand-in operations: GetSecretValue requires read on secret/data/<SecretId>. */
    static final SecretsManagerOperations ECHO = (operation, input, access) -> {
        if (!operation.equals("GetSecretValue")) {
            throw new AwsServiceException(AwsErrorType.UnknownOperationException, "Unknown operation " + operation);
        }
        String id = input.path("SecretId").asText("");
        access.require(Operation.READ, "secret/data/" + id);
        ObjectNode out = JSON.createObjectNode();
        out.put("Name", id);
        out.put("SecretString", "value-of-" + id);
        return out;
    };

    private static CofferServer server;
    private static CofferServer smallBodyServer;

    @BeforeAll
    static void start() {
        server = CofferServer.start(ServerConfig.builder().dev(true).devRootToken(DevServer.ROOT_TOKEN)
                .devAccessKey(KEY_ID, SECRET).listen("127.0.0.1:0").build(), c -> {
                    throw new IllegalStateException("dev mode uses memory");
                }, b -> b.secretsManager(mounts -> ECHO));
        smallBodyServer = CofferServer.start(ServerConfig.builder().dev(true).devAccessKey(KEY_ID, SECRET)
                .maxRequestBytes(1024).listen("127.0.0.1:0").build(), c -> {
                    throw new IllegalStateException("dev mode uses memory");
                }, b -> b.secretsManager(mounts -> ECHO));
    }

    @AfterAll
    static void stop() {
        server.close();
        smallBodyServer.close();
    }

    private static SecretsManagerClientBuilder clientBuilder(String keyId, String secret) {
        return AwsClients.builder(server.url(), keyId, secret);
    }

    private static SecretsManagerClient client(String keyId, String secret) {
        return clientBuilder(keyId, secret).build();
    }

    private static String errorCode(Runnable call) {
        try {
            call.run();
        } catch (SecretsManagerException e) {
            return e.awsErrorDetails().errorCode();
        }
        throw new AssertionError("the call succeeded");
    }

    @Test
    void getSecretValue_withTheDevKey_isServed() {
        try (SecretsManagerClient sm = client(KEY_ID, SECRET)) {
            GetSecretValueResponse r = sm.getSecretValue(b -> b.secretId("app/db"));

            assertThat(r.name()).isEqualTo("app/db");
            assertThat(r.secretString()).isEqualTo("value-of-app/db");
            assertThat(r.responseMetadata().requestId()).matches("[0-9a-f-]{36}");
        }
    }

    @Test
    void unknownAccessKey_isUnrecognizedClient() {
        try (SecretsManagerClient sm = client("AKIANOSUCHKEY0000000", SECRET)) {
            assertThat(errorCode(() -> sm.getSecretValue(b -> b.secretId("app/db")))).isEqualTo("UnrecognizedClientException");
        }
    }

    @Test
    void wrongSecret_isInvalidSignature() {
        try (SecretsManagerClient sm = client(KEY_ID, SECRET + "x")) {
            assertThat(errorCode(() -> sm.getSecretValue(b -> b.secretId("app/db")))).isEqualTo("InvalidSignatureException");
        }
    }

    @Test
    void clockSkewedBeyondFifteenMinutes_isRequestExpired() {
        Clock skewed = Clock.fixed(Instant.now().minus(Duration.ofMinutes(20)), ZoneOffset.UTC);
        try (SecretsManagerClient sm = clientBuilder(KEY_ID, SECRET).putAuthScheme(signingAt(skewed)).build()) {
            assertThat(errorCode(() -> sm.getSecretValue(b -> b.secretId("app/db")))).isEqualTo("RequestExpired");
        }
    }

    @Test
    void keyWithoutPolicyForTheSecret_isAccessDenied() throws Exception {
        http("PUT", "/v1/sys/policies/acl/reads-allowed", "{\"policy\":\"path \\\"secret/data/allowed\\\" { capabilities = [\\\"read\\\"] }\"}");
        JsonNode created = JSON.readTree(http("POST", "/v1/auth/sigv4/keys",
                "{\"policies\":[\"reads-allowed\"],\"description\":\"wire test\"}").body()).path("data");
        String id = created.path("access_key_id").asText();
        String secret = created.path("secret_access_key").asText();

        try (SecretsManagerClient sm = client(id, secret)) {
            assertThat(sm.getSecretValue(b -> b.secretId("allowed")).name()).isEqualTo("allowed");
            assertThatThrownBy(() -> sm.getSecretValue(b -> b.secretId("other")))
                    .isInstanceOfSatisfying(SecretsManagerException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorMessage())
                                .contains("is not authorized to perform: secretsmanager:GetSecretValue");
                    });
        }
    }

    @Test
    void keysApi_createsListsReadsWithoutSecretAndDeletes() throws Exception {
        HttpResponse<String> create = http("POST", "/v1/auth/sigv4/keys", "{\"policies\":\"reads-a,reads-b\",\"ttl\":\"1h\"}");
        assertThat(create.statusCode()).isEqualTo(200);
        JsonNode data = JSON.readTree(create.body()).path("data");
        String id = data.path("access_key_id").asText();
        String secret = data.path("secret_access_key").asText();
        assertThat(id).matches("AKIA[A-Z2-7]{16}");
        assertThat(secret).matches("[A-Za-z0-9+/]{40}");
        assertThat(data.path("expiration_time").asText()).isNotEmpty();

        assertThat(http("LIST", "/v1/auth/sigv4/keys", null).body()).contains(id);
        HttpResponse<String> read = http("GET", "/v1/auth/sigv4/keys/" + id, null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).doesNotContain(secret).doesNotContain("secret_access_key");
        assertThat(JSON.readTree(read.body()).path("data").path("policies").toString()).isEqualTo("[\"reads-a\",\"reads-b\"]");

        assertThat(http("DELETE", "/v1/auth/sigv4/keys/" + id, null).statusCode()).isEqualTo(204);
        assertThat(http("GET", "/v1/auth/sigv4/keys/" + id, null).statusCode()).isEqualTo(404);
        try (SecretsManagerClient sm = client(id, secret)) {
            assertThat(errorCode(() -> sm.getSecretValue(b -> b.secretId("x")))).isEqualTo("UnrecognizedClientException");
        }
    }

    @Test
    void keysApi_refusesTheRootPolicyAndDisablingTheMethod() throws Exception {
        assertThat(http("POST", "/v1/auth/sigv4/keys", "{\"policies\":[\"root\"]}").statusCode()).isEqualTo(400);
        assertThat(http("DELETE", "/v1/sys/auth/sigv4", null).statusCode()).isEqualTo(400);
        assertThat(http("POST", "/v1/sys/auth/more-keys", "{\"type\":\"sigv4\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void unsignedRequest_isMissingAuthenticationTokenInAwsShape() throws Exception {
        HttpResponse<String> r = raw("secretsmanager.GetSecretValue", "{\"SecretId\":\"a\"}", false);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.1");
        assertThat(r.headers().firstValue("x-amzn-RequestId").orElseThrow()).matches("[0-9a-f-]{36}");
        assertThat(JSON.readTree(r.body())).isEqualTo(JSON.readTree(
                "{\"__type\":\"MissingAuthenticationTokenException\",\"message\":\"Missing Authentication Token\"}"));
    }

    @Test
    void malformedJson_isSerializationException() throws Exception {
        for (String body : new String[] {"{\"SecretId\":", "[1,2]", "\"text\""}) {
            HttpResponse<String> r = raw("secretsmanager.GetSecretValue", body, true);
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).path("__type").asText()).isEqualTo("SerializationException");
        }
    }

    @Test
    void unknownOrForeignTarget_isUnknownOperation() throws Exception {
        for (String target : new String[] {"secretsmanager.NoSuchOperation", "dynamodb_20120810.GetItem", "secretsmanager."}) {
            HttpResponse<String> r = raw(target, "{}", true);
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).path("__type").asText()).isEqualTo("UnknownOperationException");
        }
    }

    @Test
    void secretsManagerErrors_spellMessageWithACapital() throws Exception {
        // ResourceNotFoundException is one of Secrets Manager's own errors.
        SecretsManagerOperations notFound = (op, in, access) -> {
            throw new AwsServiceException(AwsErrorType.ResourceNotFoundException, "Secrets Manager can't find the specified secret.");
        };
        try (CofferServer s = CofferServer.start(ServerConfig.builder().dev(true).devAccessKey(KEY_ID, SECRET)
                .listen("127.0.0.1:0").build(), c -> null, b -> b.secretsManager(m -> notFound))) {
            HttpResponse<String> r = raw(s, "secretsmanager.GetSecretValue", "{}", true);
            assertThat(JSON.readTree(r.body()).path("Message").asText()).isEqualTo("Secrets Manager can't find the specified secret.");
        }
    }

    @Test
    void oversizeBody_isAnAwsShapedError() throws Exception {
        String body = "{\"SecretId\":\"" + "x".repeat(4096) + "\"}";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(smallBodyServer.url() + "/"))
                .header("X-Amz-Target", "secretsmanager.GetSecretValue")
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(JSON.readTree(r.body()).path("__type").asText()).isEqualTo("ValidationException");
    }

    @Test
    void operationsWithoutAnOutputShape_answerWithAnEmptyBody() throws Exception {
        try (CofferServer s = CofferServer.start(ServerConfig.builder().dev(true).devAccessKey(KEY_ID, SECRET)
                .listen("127.0.0.1:0").build(), c -> null, b -> b)) {
            HttpResponse<String> created = raw(s, "secretsmanager.CreateSecret",
                    "{\"Name\":\"wire/tagged\",\"SecretString\":\"" + SuiteSecrets.register("wire-tagged-value-01") + "\"}", true);
            assertThat(created.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(created.body()).path("ARN").asText()).startsWith("arn:aws:secretsmanager:");

            HttpResponse<String> tagged = raw(s, "secretsmanager.TagResource",
                    "{\"SecretId\":\"wire/tagged\",\"Tags\":[{\"Key\":\"team\",\"Value\":\"core\"}]}", true);
            assertThat(tagged.statusCode()).isEqualTo(200);
            assertThat(tagged.body()).isEmpty();
            assertThat(tagged.headers().firstValue("x-amzn-RequestId")).isPresent();
            HttpResponse<String> untagged = raw(s, "secretsmanager.UntagResource",
                    "{\"SecretId\":\"wire/tagged\",\"TagKeys\":[\"team\"]}", true);
            assertThat(untagged.statusCode()).isEqualTo(200);
            assertThat(untagged.body()).isEmpty();
        }
    }

    @Test
    void sealed_isServiceUnavailable() {
        try (CofferServer s = CofferServer.start(ServerConfig.builder().dev(true).devAccessKey(KEY_ID, SECRET)
                .listen("127.0.0.1:0").build(), c -> null, b -> b.secretsManager(m -> ECHO));
                SecretsManagerClient sm = clientBuilder(KEY_ID, SECRET).endpointOverride(URI.create(s.url())).build()) {
            s.node().seal().seal();
            assertThatThrownBy(() -> sm.getSecretValue(b -> b.secretId("a")))
                    .isInstanceOfSatisfying(SecretsManagerException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(503);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ServiceUnavailable");
                    });
        }
    }

    /**
     * A captured request signed by a client that left X-Amz-Target out of SignedHeaders: the
     * signature still matched after the target was changed, so a DescribeSecret could be replayed
     * as GetSecretValue and return the value. Every x-amz-* header sent must now be signed.
     */
    @Test
    void capturedDescribeSecretWithUnsignedTarget_cannotBeReplayedAsGetSecretValue() throws Exception {
        String value = SuiteSecrets.register("replayed-target-value-01");
        try (CofferServer s = CofferServer.start(ServerConfig.builder().dev(true).devAccessKey(KEY_ID, SECRET)
                .listen("127.0.0.1:0").build(), c -> null, b -> b)) {
            assertThat(raw(s, "secretsmanager.CreateSecret", "{\"Name\":\"wire/replayed\",\"SecretString\":\"" + value + "\"}",
                    true).statusCode()).isEqualTo(200);
            Map<String, String> signed = Map.of("Content-Type", "application/x-amz-json-1.1");
            String body = "{\"SecretId\":\"wire/replayed\"}";

            HttpResponse<String> describe = signedRaw(s, signed, Map.of("X-Amz-Target", "secretsmanager.DescribeSecret"), body);
            HttpResponse<String> replayed = signedRaw(s, signed, Map.of("X-Amz-Target", "secretsmanager.GetSecretValue"), body);

            for (HttpResponse<String> r : java.util.List.of(replayed, describe)) {
                assertThat(r.body()).doesNotContain(value);
                assertThat(r.statusCode()).isEqualTo(400);
                assertThat(JSON.readTree(r.body())).isEqualTo(JSON.readTree("{\"__type\":\"InvalidSignatureException\","
                        + "\"message\":\"'x-amz-target' must be a 'SignedHeader' in the AWS Authorization.\"}"));
            }
            // The same request with the target signed, as every AWS SDK sends it, is served.
            HttpResponse<String> sdkStyle = raw(s, "secretsmanager.GetSecretValue", body, true);
            assertThat(sdkStyle.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(sdkStyle.body()).path("SecretString").asText()).isEqualTo(value);
        }
    }

    @Test
    void unsignedContentTypeOrSecurityToken_isInvalidSignature() throws Exception {
        String body = "{\"SecretId\":\"app/db\"}";
        Map<String, String> target = Map.of("X-Amz-Target", "secretsmanager.GetSecretValue");
        for (Map.Entry<String, String> unsigned : Map.of("Content-Type", "application/x-amz-json-1.1",
                "X-Amz-Security-Token", "added-after-signing").entrySet()) {
            HttpResponse<String> r = signedRaw(server, target, Map.of(unsigned.getKey(), unsigned.getValue()), body);
            assertThat(r.statusCode()).as(unsigned.getKey()).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).path("__type").asText()).isEqualTo("InvalidSignatureException");
        }
    }

    @Test
    void sdkClientOfAnotherRegion_isInvalidSignature_andOfTheServersRegion_isServed() {
        try (SecretsManagerClient sm = clientBuilder(KEY_ID, SECRET).region(Region.EU_CENTRAL_1).build()) {
            assertThatThrownBy(() -> sm.getSecretValue(b -> b.secretId("app/db")))
                    .isInstanceOfSatisfying(SecretsManagerException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                        assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("Credential should be scoped to a valid region, not 'eu-central-1'.");
                    });
        }
        try (CofferServer frankfurt = CofferServer.start(ServerConfig.builder().dev(true).devAccessKey(KEY_ID, SECRET)
                .awsRegion("eu-central-1").listen("127.0.0.1:0").build(), c -> null, b -> b.secretsManager(m -> ECHO));
                SecretsManagerClient sm = clientBuilder(KEY_ID, SECRET).region(Region.EU_CENTRAL_1)
                        .endpointOverride(URI.create(frankfurt.url())).build()) {
            assertThat(sm.getSecretValue(b -> b.secretId("app/db")).name()).isEqualTo("app/db");
        }
    }

    // ---- helpers ----

    private static HttpResponse<String> http(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path)).header("X-Vault-Token", DevServer.ROOT_TOKEN)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> raw(String target, String body, boolean sign) throws Exception {
        return raw(server, target, body, sign);
    }

    /** A POST / built by hand, signed by the SDK's own signer when {@code sign}. */
    private static HttpResponse<String> raw(CofferServer s, String target, String body, boolean sign) throws Exception {
        Map<String, String> headers = Map.of("X-Amz-Target", target, "Content-Type", "application/x-amz-json-1.1");
        return sign ? signedRaw(s, headers, Map.of(), body) : send(s, Map.of(), headers, body);
    }

    /**
     * A POST / whose {@code signed} headers the SDK's own signer signs (region us-east-1) and whose
     * {@code unsigned} headers are added after signing, as a client that signs fewer headers sends them.
     */
    private static HttpResponse<String> signedRaw(CofferServer s, Map<String, String> signed, Map<String, String> unsigned,
            String body) throws Exception {
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(URI.create(s.url() + "/"));
        signed.forEach(request::putHeader);
        SignedRequest signedRequest = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(KEY_ID, SECRET))
                .request(request.build())
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "secretsmanager")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"));
        return send(s, signedRequest.request().headers(), unsigned, body);
    }

    private static HttpResponse<String> send(CofferServer s, Map<String, java.util.List<String>> headers,
            Map<String, String> more, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.url() + "/"))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach((k, values) -> {
            if (!k.equalsIgnoreCase("host")) {
                values.forEach(v -> b.header(k, v));
            }
        });
        more.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The SDK's SigV4 scheme, signing with another clock: how a client with a wrong clock signs. */
    private static AuthScheme<AwsCredentialsIdentity> signingAt(Clock clock) {
        AwsV4AuthScheme standard = AwsV4AuthScheme.create();
        AwsV4HttpSigner signer = standard.signer();
        HttpSigner<AwsCredentialsIdentity> skewed = new HttpSigner<>() {
            @Override
            public SignedRequest sign(SignRequest<? extends AwsCredentialsIdentity> request) {
                return signer.sign(withClock(request));
            }

            @Override
            @SuppressWarnings("unchecked")
            public CompletableFuture<AsyncSignedRequest> signAsync(AsyncSignRequest<? extends AwsCredentialsIdentity> request) {
                return signer.signAsync(((AsyncSignRequest<AwsCredentialsIdentity>) request)
                        .copy(b -> b.putProperty(HttpSigner.SIGNING_CLOCK, clock)));
            }

            @SuppressWarnings("unchecked")
            private SignRequest<AwsCredentialsIdentity> withClock(SignRequest<? extends AwsCredentialsIdentity> request) {
                return ((SignRequest<AwsCredentialsIdentity>) request).copy(b -> b.putProperty(HttpSigner.SIGNING_CLOCK, clock));
            }
        };
        return new AuthScheme<>() {
            @Override
            public String schemeId() {
                return standard.schemeId();
            }

            @Override
            public IdentityProvider<AwsCredentialsIdentity> identityProvider(IdentityProviders providers) {
                return standard.identityProvider(providers);
            }

            @Override
            public HttpSigner<AwsCredentialsIdentity> signer() {
                return skewed;
            }
        };
    }
}
