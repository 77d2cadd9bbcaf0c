package io.coffer.server.aws;

import static io.coffer.server.aws.AwsFixture.errorCode;
import static io.coffer.server.aws.AwsFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.server.SuiteAccess;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DeleteSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.Filter;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.secretsmanager.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.RotateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.secretsmanager.model.SecretVersionsListEntry;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;
import software.amazon.awssdk.services.secretsmanager.model.SortOrderType;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/**
 * Every operation of the AWS door driven through the unmodified AWS SDK for Java v2, configured
 * only with an endpoint override, a region and static credentials: AWS's semantics and AWS's
 * error types as the SDK sees them.
 */
class AwsSdkCompatibilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ARN_PATTERN = "arn:aws:secretsmanager:us-east-1:\\d{12}:secret:%s-[A-Za-z0-9]{6}";
    private static final String POLICY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow",\
            "Principal":{"AWS":"arn:aws:iam::123456789012:root"},\
            "Action":"secretsmanager:GetSecretValue","Resource":"*"}]}""";

    static AwsFixture fixture;
    static SecretsManagerClient sm;
    static SecretsManagerClient readOnly;

    @BeforeAll
    static void start() {
        fixture = AwsFixture.start();
        sm = fixture.client(fixture.createFullAccessKey());
        fixture.writePolicy("aws-read-only", AwsFixture.READ_ONLY_POLICY);
        readOnly = fixture.client(fixture.createKey("aws-read-only"));
    }

    @AfterAll
    static void stop() {
        if (sm != null) {
            sm.close();
            readOnly.close();
        }
        fixture.close();
    }

    /**
     * A secret value; values long enough to be told apart from ordinary log text (request ids,
     * timestamps) are registered for the suite's log scan. Short ones such as "v2" keep the label
     * assertions readable and are covered by the long values other tests send the same way.
     */
    private static String value(String text) {
        return text.length() >= 8 ? SuiteAccess.registerSecret(text) : text;
    }

    private static String token() {
        return UUID.randomUUID().toString();
    }

    private static SecretsManagerException refused(String errorCode, ThrowingCallable call) {
        Throwable[] caught = new Throwable[1];
        assertThatThrownBy(call).isInstanceOfSatisfying(SecretsManagerException.class, e -> {
            assertThat(errorCode(e)).as("error code").isEqualTo(errorCode);
            assertThat(e.statusCode()).as("HTTP status of %s", errorCode).isEqualTo(400);
            caught[0] = e;
        });
        return (SecretsManagerException) caught[0];
    }

    private static CreateSecretResponse create(String name, String secretString) {
        return sm.createSecret(b -> b.name(name).secretString(value(secretString)));
    }

    private static Map<String, List<String>> stages(String secretId) {
        return sm.describeSecret(b -> b.secretId(secretId)).versionIdsToStages();
    }

    // --- CreateSecret / GetSecretValue -------------------------------------------------------

    @Test
    void createSecret_thenGetSecretValue_returnsTheStringAsCurrentVersion() {
        String name = unique("sdk/app/db");
        Instant before = Instant.now();
        CreateSecretResponse created = sm.createSecret(b -> b.name(name).description("the app's database")
                .secretString(value("{\"username\":\"app\",\"password\":\"pw-1\"}")));
        assertThat(created.name()).isEqualTo(name);
        assertThat(created.arn()).matches(String.format(ARN_PATTERN, java.util.regex.Pattern.quote(name)));
        assertThat(UUID.fromString(created.versionId())).isNotNull();

        GetSecretValueResponse got = sm.getSecretValue(b -> b.secretId(name));
        assertThat(got.secretString()).isEqualTo("{\"username\":\"app\",\"password\":\"pw-1\"}");
        assertThat(got.secretBinary()).isNull();
        assertThat(got.arn()).isEqualTo(created.arn());
        assertThat(got.name()).isEqualTo(name);
        assertThat(got.versionId()).isEqualTo(created.versionId());
        assertThat(got.versionStages()).containsExactly("AWSCURRENT");
        assertThat(got.createdDate()).isBetween(before.minusSeconds(5), Instant.now().plusSeconds(5));
    }

    @Test
    void getSecretValue_findsTheSecretByNameFullArnAndPartialArn() {
        String name = unique("sdk/lookup");
        CreateSecretResponse created = create(name, "lookup-value-1");
        String partialArn = created.arn().substring(0, created.arn().length() - 7);
        for (String id : List.of(name, created.arn(), partialArn)) {
            assertThat(sm.getSecretValue(b -> b.secretId(id)).secretString()).as(id).isEqualTo("lookup-value-1");
        }
    }

    @Test
    void createSecret_withBinary_roundTripsEveryByte() {
        String name = unique("sdk/binary");
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        sm.createSecret(b -> b.name(name).secretBinary(SdkBytes.fromByteArray(bytes)));
        GetSecretValueResponse got = sm.getSecretValue(b -> b.secretId(name));
        assertThat(got.secretBinary().asByteArray()).isEqualTo(bytes);
        assertThat(got.secretString()).isNull();
    }

    @Test
    void createSecret_plainStringIsPreservedExactly() {
        String name = unique("sdk/plain");
        String text = value("  not JSON: {\"a\":1} \u00e9\u20ac\n");
        create(name, text);
        assertThat(sm.getSecretValue(b -> b.secretId(name)).secretString()).isEqualTo(text);
    }

    @Test
    void createSecret_existingName_isResourceExists() {
        String name = unique("sdk/exists");
        create(name, "first");
        assertThatThrownBy(() -> create(name, "second")).isInstanceOf(ResourceExistsException.class);
        assertThat(sm.getSecretValue(b -> b.secretId(name)).secretString()).isEqualTo("first");
    }

    @Test
    void createSecret_clientRequestToken_becomesTheVersionId() {
        String name = unique("sdk/token-create");
        String token = token();
        CreateSecretResponse first = sm.createSecret(b -> b.name(name).clientRequestToken(token).secretString(value("same")));
        assertThat(first.versionId()).isEqualTo(token);
        assertThat(sm.getSecretValue(b -> b.secretId(name).versionId(token)).secretString()).isEqualTo("same");
    }

    @Test
    void getSecretValue_unknownSecret_isResourceNotFound() {
        assertThatThrownBy(() -> sm.getSecretValue(b -> b.secretId(unique("sdk/missing"))))
                .isInstanceOf(ResourceNotFoundException.class);
        refused("ResourceNotFoundException", () -> sm.describeSecret(b -> b.secretId(unique("sdk/missing"))));
    }

    @Test
    void invalidName_isAValidationError() {
        // Real AWS answers ValidationException "Invalid name. Must be a valid name containing ...".
        refused("ValidationException", () -> create("bad name#" + UUID.randomUUID(), "x"));
    }

    @Test
    void bothStringAndBinary_isInvalidParameter() {
        String name = unique("sdk/both");
        assertThatThrownBy(() -> sm.createSecret(b -> b.name(name).secretString(value("s"))
                .secretBinary(SdkBytes.fromUtf8String("b")))).isInstanceOf(InvalidParameterException.class);
        create(name, "ok");
        assertThatThrownBy(() -> sm.putSecretValue(b -> b.secretId(name).secretString("s")
                .secretBinary(SdkBytes.fromUtf8String("b")))).isInstanceOf(InvalidParameterException.class);
        assertThat(stages(name)).hasSize(1);
    }

    @Test
    void putSecretValue_withNeitherStringNorBinary_isRefusedAndCreatesNoVersion() {
        String name = unique("sdk/neither");
        create(name, "only");
        assertThatThrownBy(() -> sm.putSecretValue(b -> b.secretId(name)))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(stages(name)).hasSize(1);
    }

    @Test
    void valueOf64KiB_isAccepted_andOneByteMore_isRefused() {
        String name = unique("sdk/size");
        create(name, "x".repeat(65536));
        assertThat(sm.getSecretValue(b -> b.secretId(name)).secretString()).hasSize(65536);
        SecretsManagerException e = refused("ValidationException",
                () -> sm.putSecretValue(b -> b.secretId(name).secretString("y".repeat(65537))));
        assertThat(e.getMessage()).doesNotContain("yyyy");
        refused("ValidationException", () -> sm.putSecretValue(b -> b.secretId(name)
                .secretBinary(SdkBytes.fromByteArray(new byte[65537]))));
        assertThat(stages(name)).hasSize(1);
    }

    // --- PutSecretValue, labels, versions ------------------------------------------------------

    @Test
    void putSecretValue_movesAwsCurrentAndAwsPreviousFollows() {
        String name = unique("sdk/labels");
        String v1 = create(name, "v1").versionId();
        PutSecretValueResponse put = sm.putSecretValue(b -> b.secretId(name).secretString(value("v2")));
        String v2 = put.versionId();
        assertThat(put.versionStages()).containsExactly("AWSCURRENT");
        assertThat(stages(name)).containsOnlyKeys(v1, v2)
                .containsEntry(v1, List.of("AWSPREVIOUS"))
                .containsEntry(v2, List.of("AWSCURRENT"));
        assertThat(sm.getSecretValue(b -> b.secretId(name)).secretString()).isEqualTo("v2");
        assertThat(sm.getSecretValue(b -> b.secretId(name).versionStage("AWSPREVIOUS")).secretString()).isEqualTo("v1");
        assertThat(sm.getSecretValue(b -> b.secretId(name).versionId(v1)).secretString()).isEqualTo("v1");

        String v3 = sm.putSecretValue(b -> b.secretId(name).secretString(value("v3"))).versionId();
        assertThat(stages(name)).containsEntry(v2, List.of("AWSPREVIOUS")).containsEntry(v3, List.of("AWSCURRENT"));
        assertThat(stages(name).get(v1)).as("v1 lost its labels").isNullOrEmpty();
    }

    @Test
    void putSecretValue_clientRequestToken_sameValueIsTheSameVersion_otherValueIsRefused() {
        String name = unique("sdk/idem-put");
        create(name, "v1");
        String token = token();
        PutSecretValueResponse first = sm.putSecretValue(b -> b.secretId(name).clientRequestToken(token).secretString(value("v2")));
        PutSecretValueResponse again = sm.putSecretValue(b -> b.secretId(name).clientRequestToken(token).secretString("v2"));
        assertThat(first.versionId()).isEqualTo(token);
        assertThat(again.versionId()).isEqualTo(token);
        assertThat(stages(name)).hasSize(2);

        assertThatThrownBy(() -> sm.putSecretValue(b -> b.secretId(name).clientRequestToken(token).secretString(value("other"))))
                .isInstanceOf(ResourceExistsException.class);
        assertThat(sm.getSecretValue(b -> b.secretId(name)).secretString()).isEqualTo("v2");
    }

    @Test
    void putSecretValue_withCustomStages_leavesAwsCurrentWhereItWas() {
        String name = unique("sdk/custom-stage");
        String v1 = create(name, "v1").versionId();
        String v2 = sm.putSecretValue(b -> b.secretId(name).secretString(value("v2")).versionStages("BLUE")).versionId();
        assertThat(stages(name)).containsEntry(v1, List.of("AWSCURRENT")).containsEntry(v2, List.of("BLUE"));
        assertThat(sm.getSecretValue(b -> b.secretId(name).versionStage("BLUE")).secretString()).isEqualTo("v2");
        assertThat(sm.getSecretValue(b -> b.secretId(name)).secretString()).isEqualTo("v1");
    }

    @Test
    void updateSecretVersionStage_movesAwsCurrentBackAndCustomLabels() {
        String name = unique("sdk/move");
        String v1 = create(name, "v1").versionId();
        String v2 = sm.putSecretValue(b -> b.secretId(name).secretString(value("v2"))).versionId();

        sm.updateSecretVersionStage(b -> b.secretId(name).versionStage("AWSCURRENT").moveToVersionId(v1).removeFromVersionId(v2));
        assertThat(stages(name)).containsEntry(v1, List.of("AWSCURRENT")).containsEntry(v2, List.of("AWSPREVIOUS"));
        assertThat(sm.getSecretValue(b -> b.secretId(name)).secretString()).isEqualTo("v1");

        sm.updateSecretVersionStage(b -> b.secretId(name).versionStage("GREEN").moveToVersionId(v2));
        assertThat(stages(name).get(v2)).containsExactlyInAnyOrder("AWSPREVIOUS", "GREEN");
        sm.updateSecretVersionStage(b -> b.secretId(name).versionStage("GREEN").removeFromVersionId(v2));
        assertThat(stages(name).get(v2)).containsExactly("AWSPREVIOUS");

        // A label attached elsewhere cannot be moved without naming where it is removed from.
        refused("InvalidParameterException", () -> sm.updateSecretVersionStage(
                b -> b.secretId(name).versionStage("AWSCURRENT").moveToVersionId(v2)));
    }

    @Test
    void listSecretVersionIds_hidesVersionsWithoutLabelsUnlessIncludeDeprecated() {
        String name = unique("sdk/versions");
        String v1 = create(name, "v1").versionId();
        String v2 = sm.putSecretValue(b -> b.secretId(name).secretString(value("v2"))).versionId();
        String v3 = sm.putSecretValue(b -> b.secretId(name).secretString(value("v3"))).versionId();

        List<SecretVersionsListEntry> labelled = sm.listSecretVersionIds(b -> b.secretId(name)).versions();
        assertThat(labelled).extracting(SecretVersionsListEntry::versionId).containsExactlyInAnyOrder(v2, v3);
        List<SecretVersionsListEntry> all = sm.listSecretVersionIds(b -> b.secretId(name).includeDeprecated(true)).versions();
        assertThat(all).extracting(SecretVersionsListEntry::versionId).containsExactlyInAnyOrder(v1, v2, v3);
        assertThat(all).filteredOn(v -> v.versionId().equals(v3)).singleElement()
                .satisfies(v -> assertThat(v.versionStages()).containsExactly("AWSCURRENT"));
    }

    @Test
    void updateSecret_descriptionOnly_makesNoVersion_withValue_makesTheCurrentOne() {
        String name = unique("sdk/update");
        String v1 = create(name, "v1").versionId();
        sm.updateSecret(b -> b.secretId(name).description("new description"));
        DescribeSecretResponse described = sm.describeSecret(b -> b.secretId(name));
        assertThat(described.description()).isEqualTo("new description");
        assertThat(described.versionIdsToStages()).containsOnlyKeys(v1);

        String v2 = sm.updateSecret(b -> b.secretId(name).secretString(value("v2"))).versionId();
        assertThat(stages(name)).containsEntry(v2, List.of("AWSCURRENT")).containsEntry(v1, List.of("AWSPREVIOUS"));
    }

    // --- DescribeSecret, tags ----------------------------------------------------------------

    @Test
    void describeSecret_showsMetadataAndOnlyFieldsThatHaveAValue() {
        String name = unique("sdk/describe");
        Instant before = Instant.now();
        CreateSecretResponse created = sm.createSecret(b -> b.name(name).secretString(value("d1"))
                .tags(Tag.builder().key("team").value("payments").build(), Tag.builder().key("env").value("prod").build()));
        DescribeSecretResponse d = sm.describeSecret(b -> b.secretId(created.arn()));
        assertThat(d.arn()).isEqualTo(created.arn());
        assertThat(d.name()).isEqualTo(name);
        assertThat(d.description()).isNull();
        assertThat(d.deletedDate()).isNull();
        assertThat(d.rotationLambdaARN()).isNull();
        assertThat(d.tags()).extracting(Tag::key, Tag::value)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("team", "payments"),
                        org.assertj.core.groups.Tuple.tuple("env", "prod"));
        assertThat(d.versionIdsToStages()).containsExactly(Map.entry(created.versionId(), List.of("AWSCURRENT")));
        assertThat(d.createdDate()).isBetween(before.minusSeconds(5), Instant.now().plusSeconds(5));
        assertThat(d.lastChangedDate()).isNotNull();
    }

    @Test
    void tagResource_addsAndReplaces_untagResource_removes() {
        String name = unique("sdk/tags");
        sm.createSecret(b -> b.name(name).secretString(value("t")).tags(Tag.builder().key("a").value("1").build()));
        sm.tagResource(b -> b.secretId(name).tags(Tag.builder().key("a").value("2").build(), Tag.builder().key("b").value("3").build()));
        assertThat(sm.describeSecret(b -> b.secretId(name)).tags()).extracting(Tag::key, Tag::value)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("a", "2"), org.assertj.core.groups.Tuple.tuple("b", "3"));
        sm.untagResource(b -> b.secretId(name).tagKeys("a"));
        assertThat(sm.describeSecret(b -> b.secretId(name)).tags()).extracting(Tag::key).containsExactly("b");
        assertThatThrownBy(() -> sm.tagResource(b -> b.secretId(unique("sdk/no-such")).tags(Tag.builder().key("k").value("v").build())))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    // --- ListSecrets, BatchGetSecretValue -------------------------------------------------------

    @Test
    void listSecrets_pagesWithMaxResultsAndNextToken() {
        String prefix = unique("sdk-page") + "/";
        Set<String> names = new java.util.TreeSet<>();
        for (int i = 0; i < 5; i++) {
            names.add(create(prefix + "s" + i, "page-" + i).name());
        }
        List<String> seen = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            String token = next;
            ListSecretsResponse page = sm.listSecrets(b -> b.maxResults(2).nextToken(token)
                    .filters(Filter.builder().key(FilterNameStringType.NAME).values(prefix).build()));
            assertThat(page.secretList()).hasSizeLessThanOrEqualTo(2);
            page.secretList().forEach(s -> seen.add(s.name()));
            next = page.nextToken();
            pages++;
        } while (next != null && pages < 10);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(names);
        assertThat(pages).isEqualTo(3);

        for (SortOrderType order : List.of(SortOrderType.ASC, SortOrderType.DESC)) {
            assertThat(sm.listSecrets(b -> b.sortOrder(order).filters(Filter.builder().key("name").values(prefix).build()))
                    .secretList()).extracting(SecretListEntry::name).containsExactlyInAnyOrderElementsOf(names);
        }
        refused("InvalidNextTokenException", () -> sm.listSecrets(b -> b.nextToken("not-a-token")));
    }

    @Test
    void listSecrets_filtersByNameDescriptionTagsAndAll_withNegation() {
        String prefix = unique("sdkfilter") + "/";
        sm.createSecret(b -> b.name(prefix + "alpha").description("Payments database").secretString(value("f1"))
                .tags(Tag.builder().key("Production").value("team-payments").build()));
        sm.createSecret(b -> b.name(prefix + "beta").description("Search index").secretString(value("f2"))
                .tags(Tag.builder().key("dev").value("team-search").build()));
        Filter underPrefix = Filter.builder().key("name").values(prefix).build();

        assertThat(names(underPrefix, Filter.builder().key("tag-key").values("Prod").build())).containsExactly(prefix + "alpha");
        assertThat(names(underPrefix, Filter.builder().key("tag-key").values("prod").build())).isEmpty();
        assertThat(names(underPrefix, Filter.builder().key("tag-value").values("team-s").build())).containsExactly(prefix + "beta");
        assertThat(names(underPrefix, Filter.builder().key("description").values("database").build())).containsExactly(prefix + "alpha");
        assertThat(names(underPrefix, Filter.builder().key("all").values("search").build())).containsExactly(prefix + "beta");
        assertThat(names(underPrefix, Filter.builder().key("name").values("!" + prefix + "a").build())).containsExactly(prefix + "beta");
        assertThat(names(Filter.builder().key("name").values(prefix + "alpha", prefix + "beta").build()))
                .containsExactlyInAnyOrder(prefix + "alpha", prefix + "beta");

        refused("ValidationException", () -> sm.listSecrets(b -> b.filters(Filter.builder().key("bogus").values("x").build())));
        refused("InvalidParameterException", () -> sm.listSecrets(b -> b.filters(Filter.builder().key("name").build())));
    }

    private static List<String> names(Filter... filters) {
        return sm.listSecrets(b -> b.filters(filters)).secretList().stream().map(SecretListEntry::name).toList();
    }

    @Test
    void listSecrets_showsVersionsToStages_andIncludePlannedDeletionShowsDeletedOnes() {
        String prefix = unique("sdk-planned") + "/";
        String keep = create(prefix + "keep", "k").versionId();
        create(prefix + "gone", "g");
        sm.deleteSecret(b -> b.secretId(prefix + "gone").recoveryWindowInDays(7L));
        Filter underPrefix = Filter.builder().key("name").values(prefix).build();

        List<SecretListEntry> live = sm.listSecrets(b -> b.filters(underPrefix)).secretList();
        assertThat(live).extracting(SecretListEntry::name).containsExactly(prefix + "keep");
        assertThat(live.get(0).secretVersionsToStages()).containsEntry(keep, List.of("AWSCURRENT"));

        List<SecretListEntry> all = sm.listSecrets(b -> b.filters(underPrefix).includePlannedDeletion(true)).secretList();
        assertThat(all).extracting(SecretListEntry::name).containsExactlyInAnyOrder(prefix + "keep", prefix + "gone");
        assertThat(all).filteredOn(s -> s.name().endsWith("gone")).singleElement()
                .satisfies(s -> assertThat(s.deletedDate()).isNotNull());
    }

    @Test
    void batchGetSecretValue_byIds_returnsValuesAndAnErrorPerMissingSecret() {
        String a = unique("sdk/batch-a");
        String b2 = unique("sdk/batch-b");
        String missing = unique("sdk/batch-missing");
        create(a, "batch-1");
        create(b2, "batch-2");
        BatchGetSecretValueResponse r = sm.batchGetSecretValue(b -> b.secretIdList(a, b2, missing));
        assertThat(r.secretValues()).extracting(v -> v.name() + "=" + v.secretString())
                .containsExactlyInAnyOrder(a + "=batch-1", b2 + "=batch-2");
        assertThat(r.secretValues()).allSatisfy(v -> assertThat(v.versionStages()).contains("AWSCURRENT"));
        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.secretId()).isEqualTo(missing);
            assertThat(e.errorCode()).isEqualTo("ResourceNotFoundException");
        });
    }

    @Test
    void batchGetSecretValue_byFilters_returnsTheMatchingSecrets() {
        String prefix = unique("sdk-batchf") + "/";
        create(prefix + "one", "bf-1");
        create(prefix + "two", "bf-2");
        BatchGetSecretValueResponse r = sm.batchGetSecretValue(b -> b.filters(Filter.builder().key("name").values(prefix).build()));
        assertThat(r.secretValues()).extracting(v -> v.secretString()).containsExactlyInAnyOrder("bf-1", "bf-2");
        refused("InvalidParameterException", () -> sm.batchGetSecretValue(b -> b.secretIdList(prefix + "one")
                .filters(Filter.builder().key("name").values(prefix).build())));
    }

    // --- DeleteSecret, RestoreSecret --------------------------------------------------------

    @Test
    void deleteSecret_withRecoveryWindow_blocksReads_untilRestoreSecret() {
        String name = unique("sdk/delete");
        create(name, "del-1");
        DeleteSecretResponse deleted = sm.deleteSecret(b -> b.secretId(name).recoveryWindowInDays(7L));
        assertThat(deleted.name()).isEqualTo(name);
        assertThat(Duration.between(Instant.now(), deleted.deletionDate()).toHours())
                .isCloseTo(7 * 24, within(1L));

        assertThatThrownBy(() -> sm.getSecretValue(b -> b.secretId(name))).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> sm.putSecretValue(b -> b.secretId(name).secretString("x"))).isInstanceOf(InvalidRequestException.class);
        assertThat(sm.describeSecret(b -> b.secretId(name)).deletedDate()).isNotNull();
        assertThatThrownBy(() -> sm.deleteSecret(b -> b.secretId(name))).isInstanceOf(InvalidRequestException.class);

        assertThat(sm.restoreSecret(b -> b.secretId(name)).name()).isEqualTo(name);
        assertThat(sm.getSecretValue(b -> b.secretId(name)).secretString()).isEqualTo("del-1");
        assertThat(sm.describeSecret(b -> b.secretId(name)).deletedDate()).isNull();
    }

    @Test
    void deleteSecret_defaultWindowIsThirtyDays() {
        String name = unique("sdk/delete-default");
        create(name, "d");
        DeleteSecretResponse deleted = sm.deleteSecret(b -> b.secretId(name));
        assertThat(Duration.between(Instant.now(), deleted.deletionDate()).toHours()).isCloseTo(30 * 24, within(1L));
    }

    @Test
    void deleteSecret_forceWithoutRecovery_removesTheSecretForGood() {
        String name = unique("sdk/force");
        create(name, "f");
        sm.deleteSecret(b -> b.secretId(name).forceDeleteWithoutRecovery(true));
        assertThatThrownBy(() -> sm.getSecretValue(b -> b.secretId(name))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> sm.restoreSecret(b -> b.secretId(name))).isInstanceOf(ResourceNotFoundException.class);
        // The name is free again.
        assertThat(create(name, "again").name()).isEqualTo(name);
    }

    @Test
    void deleteSecret_badWindowOrBothOptions_isInvalidParameter() {
        String name = unique("sdk/delete-bad");
        create(name, "b");
        assertThatThrownBy(() -> sm.deleteSecret(b -> b.secretId(name).recoveryWindowInDays(6L))).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> sm.deleteSecret(b -> b.secretId(name).recoveryWindowInDays(31L))).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> sm.deleteSecret(b -> b.secretId(name).recoveryWindowInDays(7L).forceDeleteWithoutRecovery(true)))
                .isInstanceOf(InvalidParameterException.class);
        assertThat(sm.getSecretValue(b -> b.secretId(name)).secretString()).isEqualTo("b");
    }

    // --- Resource policies ------------------------------------------------------------------

    @Test
    void resourcePolicy_isStoredReturnedValidatedAndDeleted() throws Exception {
        String name = unique("sdk/policy");
        create(name, "p");
        assertThat(sm.getResourcePolicy(b -> b.secretId(name)).resourcePolicy()).isNull();
        sm.putResourcePolicy(b -> b.secretId(name).resourcePolicy(POLICY));
        String stored = sm.getResourcePolicy(b -> b.secretId(name)).resourcePolicy();
        assertThat(JSON.readTree(stored)).isEqualTo(JSON.readTree(POLICY));
        assertThat(sm.validateResourcePolicy(b -> b.secretId(name).resourcePolicy(POLICY)).policyValidationPassed()).isTrue();

        sm.deleteResourcePolicy(b -> b.secretId(name));
        assertThat(sm.getResourcePolicy(b -> b.secretId(name)).resourcePolicy()).isNull();

        assertThatThrownBy(() -> sm.putResourcePolicy(b -> b.secretId(name).resourcePolicy("{not json")))
                .isInstanceOf(MalformedPolicyDocumentException.class);
    }

    // --- Rotation ---------------------------------------------------------------------------

    @Test
    void rotateSecret_storesSettingsAndAValuelessPendingVersion_cancelTurnsRotationOff() {
        String name = unique("sdk/rotate");
        String v1 = create(name, "r1").versionId();
        String lambda = "arn:aws:lambda:us-east-1:123456789012:function:rotate-db";
        RotateSecretResponse rotated = sm.rotateSecret(b -> b.secretId(name).rotationLambdaARN(lambda)
                .rotationRules(r -> r.automaticallyAfterDays(30L)));
        String pending = rotated.versionId();
        assertThat(pending).isNotEqualTo(v1);

        DescribeSecretResponse d = sm.describeSecret(b -> b.secretId(name));
        assertThat(d.rotationEnabled()).isTrue();
        assertThat(d.rotationLambdaARN()).isEqualTo(lambda);
        assertThat(d.rotationRules().automaticallyAfterDays()).isEqualTo(30L);
        assertThat(d.versionIdsToStages()).containsEntry(pending, List.of("AWSPENDING")).containsEntry(v1, List.of("AWSCURRENT"));
        // AWSPENDING has no value until a rotation writes one; AWSCURRENT is untouched.
        assertThatThrownBy(() -> sm.getSecretValue(b -> b.secretId(name).versionStage("AWSPENDING")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(sm.getSecretValue(b -> b.secretId(name)).secretString()).isEqualTo("r1");

        sm.cancelRotateSecret(b -> b.secretId(name));
        assertThat(sm.describeSecret(b -> b.secretId(name)).rotationEnabled()).isFalse();
    }

    @Test
    void rotateSecret_withoutLambdaOnASecretThatHasNone_isInvalidRequest() {
        String name = unique("sdk/rotate-none");
        create(name, "n");
        assertThatThrownBy(() -> sm.rotateSecret(b -> b.secretId(name))).isInstanceOf(InvalidRequestException.class);
    }

    // --- GetRandomPassword ------------------------------------------------------------------

    @Test
    void getRandomPassword_honoursItsOptions() {
        String p = sm.getRandomPassword(b -> b.passwordLength(40L).excludePunctuation(true).excludeCharacters("abc"))
                .randomPassword();
        assertThat(p).hasSize(40).matches("[A-Za-z0-9]+").doesNotContain("a", "b", "c");
        assertThat(sm.getRandomPassword(b -> { }).randomPassword()).hasSize(32);
        refused("InvalidParameterException", () -> sm.getRandomPassword(b -> b.passwordLength(3L)));
    }

    // --- Authorization and authentication as the SDK sees them -----------------------------

    @Test
    void readOnlyKey_readsButCannotWrite_sameAsItsVaultPolicy() {
        String name = unique("sdk/ro");
        create(name, "ro-1");
        assertThat(readOnly.getSecretValue(b -> b.secretId(name)).secretString()).isEqualTo("ro-1");
        refused("AccessDeniedException", () -> readOnly.putSecretValue(b -> b.secretId(name).secretString("x")));
        refused("AccessDeniedException", () -> readOnly.createSecret(b -> b.name(unique("sdk/ro-new")).secretString("x")));
        refused("AccessDeniedException", () -> readOnly.deleteSecret(b -> b.secretId(name)));
        assertThat(sm.getSecretValue(b -> b.secretId(name)).secretString()).isEqualTo("ro-1");
    }

    @Test
    void unknownKey_isUnrecognizedClient_wrongSecret_isInvalidSignature() {
        try (SecretsManagerClient stranger = fixture.client("AKIAUNKNOWNKEY000000", "not-a-real-secret-access-key-0000000000")) {
            refused("UnrecognizedClientException", () -> stranger.listSecrets());
        }
        AwsFixture.AccessKey real = fixture.createFullAccessKey();
        try (SecretsManagerClient forger = fixture.client(real.id(), real.secret() + "x")) {
            refused("InvalidSignatureException", () -> forger.listSecrets());
        }
    }

    @Test
    void timestamps_areSentAsEpochSecondsWithMilliseconds() {
        String name = unique("sdk/time");
        create(name, "t");
        Instant created = sm.describeSecret(b -> b.secretId(name)).createdDate();
        assertThat(created.getNano() % 1_000_000).as("no precision below milliseconds").isZero();
    }
}
