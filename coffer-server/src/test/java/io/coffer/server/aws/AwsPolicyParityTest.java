package io.coffer.server.aws;

import static io.coffer.server.aws.AwsFixture.errorCode;
import static io.coffer.server.aws.AwsFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.server.SuiteAccess;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.Filter;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/**
 * One policy, both doors: for every row of the table in docs/aws-secrets-manager.md, a policy
 * granting exactly the row's capabilities lets the AWS operation and its Vault-door equivalent
 * through, and the same policy without any one of them refuses both (AccessDeniedException, 403).
 */
class AwsPolicyParityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LAMBDA = "arn:aws:lambda:us-east-1:000000000000:function:rotate";
    private static final String RESOURCE_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
            + "\"Principal\":\"*\",\"Action\":\"secretsmanager:DeleteSecret\",\"Resource\":\"*\"}]}";

    static AwsFixture fixture;
    static SecretsManagerClient admin;

    @BeforeAll
    static void start() {
        fixture = AwsFixture.start();
        admin = fixture.client(fixture.createFullAccessKey());
    }

    @AfterAll
    static void stop() {
        if (admin != null) {
            admin.close();
        }
        fixture.close();
    }

    enum Cap {
        CREATE, READ, UPDATE, PATCH, DELETE, LIST;

        String hcl() {
            return name().toLowerCase();
        }
    }

    /** A capability on one of a secret's Vault paths ({@code root}: the mount's metadata folder). */
    record Grant(String kind, Cap cap) {
        String path(String folder) {
            return kind.equals("root") ? "secret/metadata" : "secret/" + kind + "/" + folder + "/*";
        }
    }

    /** The Vault-door request that needs the same grant; {@code %s} is the secret's name. */
    record VaultCall(String method, String path, String body) {
    }

    /**
     * One row of the table.
     *
     * @param setup  prepares the secret an operation acts on (through the full-access key)
     * @param aws    the operation, on the named secret, with the tested key's client
     * @param vault  per grant, the Vault request that needs it
     * @param perSecretDenial whether a refusal is an {@code Errors} entry rather than the call failing
     */
    record Row(String operation, Consumer<String> setup, AwsCall aws, Map<Grant, VaultCall> vault, boolean perSecretDenial) {
        @Override
        public String toString() {
            return operation;
        }
    }

    @FunctionalInterface
    interface AwsCall {
        void run(SecretsManagerClient sm, String name);
    }

    private static final VaultCall READ_DATA = new VaultCall("GET", "/v1/secret/data/%s", null);
    private static final VaultCall WRITE_DATA = new VaultCall("POST", "/v1/secret/data/%s", "{\"data\":{\"k\":\"x\"}}");
    private static final VaultCall READ_METADATA = new VaultCall("GET", "/v1/secret/metadata/%s", null);
    private static final VaultCall WRITE_METADATA = new VaultCall("POST", "/v1/secret/metadata/%s",
            "{\"custom_metadata\":{\"k\":\"x\"}}");

    private static Consumer<String> withValue() {
        return name -> admin.createSecret(b -> b.name(name).secretString("v1"));
    }

    private static Consumer<String> nothing() {
        return name -> {
        };
    }

    private static Map<Grant, VaultCall> vault(Object... grantsAndCalls) {
        Map<Grant, VaultCall> out = new LinkedHashMap<>();
        for (int i = 0; i < grantsAndCalls.length; i += 2) {
            out.put((Grant) grantsAndCalls[i], (VaultCall) grantsAndCalls[i + 1]);
        }
        return out;
    }

    private static Grant data(Cap cap) {
        return new Grant("data", cap);
    }

    private static Grant metadata(Cap cap) {
        return new Grant("metadata", cap);
    }

    static Stream<Row> rows() {
        Consumer<String> twoVersions = name -> {
            admin.createSecret(b -> b.name(name).secretString("v1"));
            admin.putSecretValue(b -> b.secretId(name).secretString("v2"));
        };
        Consumer<String> rotationConfigured = name -> {
            admin.createSecret(b -> b.name(name).secretString("v1"));
            admin.rotateSecret(b -> b.secretId(name).rotationLambdaARN(LAMBDA).rotateImmediately(false));
        };
        return Stream.of(
                new Row("GetSecretValue", withValue(), (sm, n) -> sm.getSecretValue(b -> b.secretId(n)),
                        vault(data(Cap.READ), READ_DATA), false),
                new Row("BatchGetSecretValue(SecretIdList)", withValue(), (sm, n) -> batchGetOne(sm, n),
                        vault(data(Cap.READ), READ_DATA), true),
                new Row("PutSecretValue", withValue(), (sm, n) -> sm.putSecretValue(b -> b.secretId(n).secretString("v2")),
                        vault(data(Cap.UPDATE), WRITE_DATA), false),
                new Row("UpdateSecret(value)", withValue(), (sm, n) -> sm.updateSecret(b -> b.secretId(n).secretString("v2")),
                        vault(data(Cap.UPDATE), WRITE_DATA), false),
                new Row("UpdateSecret(Description)", withValue(), (sm, n) -> sm.updateSecret(b -> b.secretId(n).description("d")),
                        vault(metadata(Cap.UPDATE), WRITE_METADATA), false),
                new Row("UpdateSecret(value, Description)", withValue(),
                        (sm, n) -> sm.updateSecret(b -> b.secretId(n).description("d").secretString("v2")),
                        vault(metadata(Cap.UPDATE), WRITE_METADATA, data(Cap.UPDATE), WRITE_DATA), false),
                new Row("UpdateSecretVersionStage", twoVersions, AwsPolicyParityTest::moveCurrentBack,
                        vault(data(Cap.UPDATE), WRITE_DATA), false),
                new Row("CreateSecret", nothing(), (sm, n) -> sm.createSecret(b -> b.name(n).secretString("v1")),
                        vault(data(Cap.CREATE), WRITE_DATA), false),
                new Row("CreateSecret(Description, Tags)", nothing(), (sm, n) -> sm.createSecret(b -> b.name(n).secretString("v1")
                                .description("d").tags(Tag.builder().key("team").value("a").build())),
                        vault(data(Cap.CREATE), WRITE_DATA, metadata(Cap.UPDATE), WRITE_METADATA), false),
                new Row("DescribeSecret", withValue(), (sm, n) -> sm.describeSecret(b -> b.secretId(n)),
                        vault(metadata(Cap.READ), READ_METADATA), false),
                new Row("ListSecretVersionIds", withValue(), (sm, n) -> sm.listSecretVersionIds(b -> b.secretId(n)),
                        vault(metadata(Cap.READ), READ_METADATA), false),
                new Row("GetResourcePolicy", withValue(), (sm, n) -> sm.getResourcePolicy(b -> b.secretId(n)),
                        vault(metadata(Cap.READ), READ_METADATA), false),
                new Row("ValidateResourcePolicy(SecretId)", withValue(),
                        (sm, n) -> sm.validateResourcePolicy(b -> b.secretId(n).resourcePolicy(RESOURCE_POLICY)),
                        vault(metadata(Cap.READ), READ_METADATA), false),
                new Row("TagResource", withValue(),
                        (sm, n) -> sm.tagResource(b -> b.secretId(n).tags(Tag.builder().key("k").value("v").build())),
                        vault(metadata(Cap.UPDATE), WRITE_METADATA), false),
                new Row("UntagResource", withValue(), (sm, n) -> sm.untagResource(b -> b.secretId(n).tagKeys("k")),
                        vault(metadata(Cap.UPDATE), WRITE_METADATA), false),
                new Row("PutResourcePolicy", withValue(),
                        (sm, n) -> sm.putResourcePolicy(b -> b.secretId(n).resourcePolicy(RESOURCE_POLICY)),
                        vault(metadata(Cap.UPDATE), WRITE_METADATA), false),
                new Row("DeleteResourcePolicy", withValue(), (sm, n) -> sm.deleteResourcePolicy(b -> b.secretId(n)),
                        vault(metadata(Cap.UPDATE), WRITE_METADATA), false),
                new Row("RotateSecret(settings only)", withValue(),
                        (sm, n) -> sm.rotateSecret(b -> b.secretId(n).rotationLambdaARN(LAMBDA).rotateImmediately(false)),
                        vault(metadata(Cap.UPDATE), WRITE_METADATA), false),
                new Row("RotateSecret(immediately)", withValue(),
                        (sm, n) -> sm.rotateSecret(b -> b.secretId(n).rotationLambdaARN(LAMBDA)),
                        vault(metadata(Cap.UPDATE), WRITE_METADATA, data(Cap.UPDATE), WRITE_DATA), false),
                new Row("CancelRotateSecret", rotationConfigured, (sm, n) -> sm.cancelRotateSecret(b -> b.secretId(n)),
                        vault(metadata(Cap.UPDATE), WRITE_METADATA, data(Cap.UPDATE), WRITE_DATA), false),
                new Row("DeleteSecret", withValue(), (sm, n) -> sm.deleteSecret(b -> b.secretId(n)),
                        vault(metadata(Cap.DELETE), new VaultCall("DELETE", "/v1/secret/metadata/%s", null)), false),
                new Row("RestoreSecret", withValue(), (sm, n) -> {
                    admin.deleteSecret(b -> b.secretId(n));
                    sm.restoreSecret(b -> b.secretId(n));
                }, vault(new Grant("undelete", Cap.UPDATE), new VaultCall("POST", "/v1/secret/undelete/%s", "{\"versions\":[1]}")),
                        false),
                new Row("ListSecrets", withValue(), (sm, n) -> sm.listSecrets(b -> b.maxResults(1)),
                        vault(new Grant("root", Cap.LIST), new VaultCall("LIST", "/v1/secret/metadata/", null)), false));
    }

    private static void batchGetOne(SecretsManagerClient sm, String name) {
        BatchGetSecretValueResponse r = sm.batchGetSecretValue(b -> b.secretIdList(name));
        if (!r.errors().isEmpty()) {
            throw SecretsManagerException.builder().message("batch entry refused")
                    .awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder()
                            .errorCode(r.errors().get(0).errorCode()).build())
                    .build();
        }
    }

    private static void moveCurrentBack(SecretsManagerClient sm, String name) {
        DescribeSecretResponse d = admin.describeSecret(b -> b.secretId(name));
        String current = versionWith(d, "AWSCURRENT");
        String previous = versionWith(d, "AWSPREVIOUS");
        sm.updateSecretVersionStage(b -> b.secretId(name).versionStage("AWSCURRENT")
                .moveToVersionId(previous).removeFromVersionId(current));
    }

    private static String versionWith(DescribeSecretResponse d, String label) {
        return d.versionIdsToStages().entrySet().stream().filter(e -> e.getValue().contains(label)).findFirst()
                .orElseThrow().getKey();
    }

    /** A policy with {@code caps(grant)} on each grant's path, for secrets under {@code folder}. */
    private static String policy(String folder, Map<Grant, VaultCall> grants, Grant withheld) {
        StringBuilder hcl = new StringBuilder();
        for (Grant g : grants.keySet()) {
            Set<Cap> caps = g.equals(withheld) ? EnumSet.complementOf(EnumSet.of(g.cap())) : EnumSet.of(g.cap());
            hcl.append("path \"").append(g.path(folder)).append("\" { capabilities = [")
                    .append(caps.stream().map(c -> "\"" + c.hcl() + "\"").collect(Collectors.joining(", ")))
                    .append("] }\n");
        }
        return hcl.toString();
    }

    private record Callers(SecretsManagerClient aws, String vaultToken) {
    }

    private static Callers callers(String folder, Map<Grant, VaultCall> grants, Grant withheld) {
        String name = unique("parity");
        fixture.writePolicy(name, policy(folder, grants, withheld));
        return new Callers(fixture.client(fixture.createKey(name)), fixture.createToken(name));
    }

    private static HttpResponse<String> callVault(String token, VaultCall call, String secret) {
        return fixture.vaultAs(token, call.method(), String.format(call.path(), secret), call.body());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void exactGrant_allowsBothDoors(Row row) {
        String folder = unique("parity");
        String awsSecret = folder + "/aws";
        String vaultSecret = folder + "/vault";
        row.setup().accept(awsSecret);
        row.setup().accept(vaultSecret);
        Callers c = callers(folder, row.vault(), null);
        try (SecretsManagerClient sm = c.aws()) {
            row.aws().run(sm, awsSecret);
        }
        for (Map.Entry<Grant, VaultCall> e : row.vault().entrySet()) {
            HttpResponse<String> reply = callVault(c.vaultToken(), e.getValue(), vaultSecret);
            assertThat(reply.statusCode()).as(row + " through Vault: " + e.getValue()).isBetween(200, 299);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void anyGrantWithheld_refusesBothDoors(Row row) {
        for (Grant withheld : row.vault().keySet()) {
            String folder = unique("parity");
            String awsSecret = folder + "/aws";
            String vaultSecret = folder + "/vault";
            row.setup().accept(awsSecret);
            row.setup().accept(vaultSecret);
            Callers c = callers(folder, row.vault(), withheld);
            try (SecretsManagerClient sm = c.aws()) {
                SecretsManagerException e = catchThrowableOfType(SecretsManagerException.class, () -> row.aws().run(sm, awsSecret));
                assertThat(e).as(row + " through AWS without " + withheld).isNotNull();
                assertThat(errorCode(e)).as(row + " without " + withheld).isEqualTo("AccessDeniedException");
            }
            // The Vault-door requests in order (a key's metadata is written after its first
            // version): those before the withheld grant pass, the one that needs it is refused.
            for (Map.Entry<Grant, VaultCall> e : row.vault().entrySet()) {
                HttpResponse<String> reply = callVault(c.vaultToken(), e.getValue(), vaultSecret);
                if (e.getKey().equals(withheld)) {
                    assertThat(reply.statusCode()).as(row + " through Vault without " + withheld).isEqualTo(403);
                    break;
                }
                assertThat(reply.statusCode()).as(row + " through Vault: " + e.getValue()).isBetween(200, 299);
            }
        }
    }

    @Test
    void getRandomPassword_touchesNoSecret_andNeedsNoGrant() {
        fixture.writePolicy("parity-nothing", "path \"sys/nothing\" { capabilities = [\"read\"] }");
        try (SecretsManagerClient sm = fixture.client(fixture.createKey("parity-nothing"))) {
            assertThat(sm.getRandomPassword(b -> b.passwordLength(20L)).randomPassword()).hasSize(20);
        }
    }

    @Test
    void metadataRightsAlone_cannotChangeWhatAKvReadReturns() throws Exception {
        String folder = unique("parity-labels");
        String name = folder + "/s";
        admin.createSecret(b -> b.name(name).secretString("{\"v\":\"one\"}"));
        admin.putSecretValue(b -> b.secretId(name).secretString("{\"v\":\"two\"}"));
        String policy = unique("parity-labels");
        fixture.writePolicy(policy, """
                path "secret/metadata/%1$s/*" { capabilities = ["create", "read", "update", "patch", "delete", "list"] }
                path "secret/data/%1$s/*" { capabilities = ["read"] }
                """.formatted(folder));
        String token = fixture.createToken(policy);
        try (SecretsManagerClient sm = fixture.client(fixture.createKey(policy))) {
            SecretsManagerException e = catchThrowableOfType(SecretsManagerException.class, () -> moveCurrentBack(sm, name));
            assertThat(e).isNotNull();
            assertThat(errorCode(e)).isEqualTo("AccessDeniedException");
        }
        JsonNode read = JSON.readTree(fixture.vaultAs(token, "GET", "/v1/secret/data/" + name, null).body());
        assertThat(read.path("data").path("data").path("v").asText()).isEqualTo("two");
    }

    // ------------------------------------------------------------------ listing: what each door shows

    @Test
    void listSecrets_showsNamesWithListAndDetailsOnlyWithRead() throws Exception {
        String folder = unique("parity-list");
        String open = folder + "/open";
        String closed = folder + "/closed";
        admin.createSecret(b -> b.name(open).secretString("v").description("open description"));
        admin.createSecret(b -> b.name(closed).secretString("v").description("closed description")
                .tags(Tag.builder().key("team").value("hidden").build()));
        String policy = unique("parity-list");
        fixture.writePolicy(policy, """
                path "secret/metadata" { capabilities = ["list"] }
                path "secret/metadata/%1$s/" { capabilities = ["list"] }
                path "secret/metadata/%1$s/open" { capabilities = ["read"] }
                """.formatted(folder));
        String token = fixture.createToken(policy);
        try (SecretsManagerClient sm = fixture.client(fixture.createKey(policy))) {
            List<SecretListEntry> listed = new ArrayList<>();
            sm.listSecretsPaginator(b -> b.filters(Filter.builder().key(FilterNameStringType.NAME).values(folder).build()))
                    .forEach(page -> listed.addAll(page.secretList()));
            assertThat(listed).extracting(SecretListEntry::name).containsExactlyInAnyOrder(open, closed);
            SecretListEntry reduced = listed.stream().filter(e -> e.name().equals(closed)).findFirst().orElseThrow();
            assertThat(reduced.arn()).contains(closed);
            assertThat(reduced.description()).isNull();
            assertThat(reduced.hasTags()).isFalse();
            assertThat(reduced.createdDate()).isNull();
            assertThat(reduced.hasSecretVersionsToStages()).isFalse();
            SecretListEntry full = listed.stream().filter(e -> e.name().equals(open)).findFirst().orElseThrow();
            assertThat(full.description()).isEqualTo("open description");

            // A tag filter cannot find what the caller may not read.
            List<SecretListEntry> byTag = sm.listSecrets(b -> b.filters(
                    Filter.builder().key(FilterNameStringType.TAG_VALUE).values("hidden").build())).secretList();
            assertThat(byTag).extracting(SecretListEntry::name).doesNotContain(closed);
        }
        // The Vault door agrees: the names are listable, the closed secret's metadata is not readable.
        JsonNode keys = JSON.readTree(fixture.vaultAs(token, "LIST", "/v1/secret/metadata/" + folder + "/", null).body());
        assertThat(keys.path("data").path("keys").toString()).contains("open", "closed");
        assertThat(fixture.vaultAs(token, "GET", "/v1/secret/metadata/" + open, null).statusCode()).isEqualTo(200);
        assertThat(fixture.vaultAs(token, "GET", "/v1/secret/metadata/" + closed, null).statusCode()).isEqualTo(403);
    }

    @Test
    void listSecrets_omitsFoldersTheCallerMayNotList() {
        String listed = unique("parity-folder-a");
        String unlisted = unique("parity-folder-b");
        admin.createSecret(b -> b.name(listed + "/s").secretString("v"));
        admin.createSecret(b -> b.name(unlisted + "/s").secretString("v"));
        String policy = unique("parity-folder");
        fixture.writePolicy(policy, """
                path "secret/metadata" { capabilities = ["list"] }
                path "secret/metadata/%s/" { capabilities = ["list"] }
                path "secret/metadata/%s/*" { capabilities = ["read"] }
                """.formatted(listed, unlisted));
        String token = fixture.createToken(policy);
        try (SecretsManagerClient sm = fixture.client(fixture.createKey(policy))) {
            List<String> names = new ArrayList<>();
            sm.listSecretsPaginator(b -> b.sortBy("name")).forEach(page -> page.secretList().forEach(e -> names.add(e.name())));
            assertThat(names).contains(listed + "/s").doesNotContain(unlisted + "/s");
        }
        assertThat(fixture.vaultAs(token, "LIST", "/v1/secret/metadata/" + listed + "/", null).statusCode()).isEqualTo(200);
        assertThat(fixture.vaultAs(token, "LIST", "/v1/secret/metadata/" + unlisted + "/", null).statusCode()).isEqualTo(403);
    }

    // ------------------------------------------------------------------ cas_required through the AWS door

    @Test
    void casRequired_refusesBlindWritesOfAwsCurrent_andAllowsTheLabelledRoute() {
        String name = unique("parity-cas");
        admin.createSecret(b -> b.name(name).secretString("v1"));
        assertThat(fixture.vaultAs(SuiteAccess.ROOT_TOKEN, "POST", "/v1/secret/metadata/" + name, "{\"cas_required\":true}")
                .statusCode()).isBetween(200, 299);
        // The Vault door refuses a write without cas ...
        assertThat(fixture.vaultAs(SuiteAccess.ROOT_TOKEN, "POST", "/v1/secret/data/" + name, "{\"data\":{\"k\":\"x\"}}")
                .statusCode()).isEqualTo(400);
        // ... and so does the AWS door for writes that would move AWSCURRENT without naming its holder.
        InvalidRequestException put = catchThrowableOfType(InvalidRequestException.class,
                () -> admin.putSecretValue(b -> b.secretId(name).secretString("v2")));
        assertThat(put).isNotNull();
        assertThat(put.awsErrorDetails().errorMessage()).contains("check-and-set").contains("AWSPENDING")
                .doesNotContain("v2");
        assertThat(catchThrowableOfType(InvalidRequestException.class,
                () -> admin.updateSecret(b -> b.secretId(name).secretString("v2")))).isNotNull();
        assertThat(admin.getSecretValue(b -> b.secretId(name)).secretString()).isEqualTo("v1");

        // Check-and-set in AWS's terms: stage the new version, then move AWSCURRENT from the one it replaces.
        String current = admin.getSecretValue(b -> b.secretId(name)).versionId();
        String pending = admin.putSecretValue(b -> b.secretId(name).secretString("v2").versionStages("AWSPENDING")).versionId();
        admin.updateSecretVersionStage(b -> b.secretId(name).versionStage("AWSCURRENT").moveToVersionId(pending)
                .removeFromVersionId(current));
        assertThat(admin.getSecretValue(b -> b.secretId(name)).secretString()).isEqualTo("v2");
    }

    @Test
    void casRequiredOnTheMount_refusesBlindAwsWrites() {
        String mountConfig = "/v1/secret/config";
        try {
            assertThat(fixture.vaultAs(SuiteAccess.ROOT_TOKEN, "POST", mountConfig, "{\"cas_required\":true}").statusCode())
                    .isBetween(200, 299);
            String name = unique("parity-cas-mount");
            // CreateSecret only creates: it is check-and-set with cas=0 and stays allowed.
            admin.createSecret(b -> b.name(name).secretString("v1"));
            assertThat(catchThrowableOfType(InvalidRequestException.class,
                    () -> admin.putSecretValue(b -> b.secretId(name).secretString("v2")))).isNotNull();
        } finally {
            fixture.vaultAs(SuiteAccess.ROOT_TOKEN, "POST", mountConfig, "{\"cas_required\":false}");
        }
    }
}
