package io.coffer.core.aws.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.core.auth.TestClock;
import io.coffer.core.aws.AccessCheck;
import io.coffer.core.aws.AwsErrorType;
import io.coffer.core.aws.AwsServiceException;
import io.coffer.core.barrier.PlaintextSecureStorage;
import io.coffer.core.barrier.SecureStorage;
import io.coffer.core.engine.kv.KvStore;
import io.coffer.core.logical.Operation;
import io.coffer.core.storage.InMemoryStorage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ListSecrets at scale (a cursor, not an offset: a page reads about as many records as it
 * returns, whatever its number) and what a policy lets each caller see in a listing.
 */
class SecretListingTest {

    private static final int SECRETS = 20_000;
    private static final int PAGE = 100;

    /** Counts the records read from storage: each one a decryption behind a real barrier. */
    private static final class CountingStorage implements SecureStorage {
        final SecureStorage inner = new PlaintextSecureStorage(new InMemoryStorage());
        final AtomicLong reads = new AtomicLong();

        @Override
        public Optional<byte[]> get(String key) {
            reads.incrementAndGet();
            return inner.get(key);
        }

        @Override
        public void put(String key, byte[] value) {
            inner.put(key, value);
        }

        @Override
        public void delete(String key) {
            inner.delete(key);
        }

        @Override
        public List<String> list(String prefix) {
            return inner.list(prefix);
        }
    }

    private final CountingStorage storage = new CountingStorage();
    private final TestClock clock = new TestClock(SecretsHarness.START);
    private final KvStore kv = new KvStore(storage.view("logical/aws/"), clock);
    private final SecretsManagerService service = new SecretsManagerService(SecretsSettings.DEFAULT, () -> Optional.of(kv), clock);
    private final SecretsHarness.RecordingAccess access = new SecretsHarness.RecordingAccess();

    private ObjectNode call(String operation, String json) {
        return service.invoke(operation, SecretsHarness.parse(json), access);
    }

    /** Names spread over a root folder and nested folders, so the walk crosses folder boundaries. */
    private List<String> createSecrets(int count) {
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = switch (i % 4) {
                case 0 -> String.format("s%05d", i);
                case 1 -> String.format("team%02d/app%05d", i % 37, i);
                case 2 -> String.format("team%02d/db/%05d", i % 11, i);
                default -> String.format("s%05d-x", i - 3);
            };
            call("CreateSecret", "{\"Name\":\"" + name + "\"}");
            names.add(name);
            if (i % 500 == 0) {
                clock.advance(Duration.ofSeconds(1));
            }
        }
        access.checks.clear();
        return names;
    }

    private static String body(String sortBy, String order, String token) {
        return "{\"MaxResults\":" + PAGE + ",\"SortBy\":\"" + sortBy + "\",\"SortOrder\":\"" + order + "\""
                + (token == null ? "" : ",\"NextToken\":\"" + token + "\"") + "}";
    }

    @ParameterizedTest
    @ValueSource(strings = {"asc", "desc"})
    void listSecretsByName_20000Secrets_everyNameOnceAndPageCostDoesNotGrow(String order) {
        List<String> expected = new ArrayList<>(createSecrets(SECRETS));
        expected.sort(order.equals("asc") ? Comparator.naturalOrder() : Comparator.reverseOrder());

        List<String> seen = new ArrayList<>();
        List<Long> readsPerPage = new ArrayList<>();
        String token = null;
        do {
            long before = storage.reads.get();
            ObjectNode page = call("ListSecrets", body("name", order, token));
            readsPerPage.add(storage.reads.get() - before);
            page.get("SecretList").forEach(e -> seen.add(e.get("Name").asText()));
            token = page.hasNonNull("NextToken") ? page.get("NextToken").asText() : null;
            assertThat(readsPerPage.size()).as("pages").isLessThanOrEqualTo(SECRETS / PAGE + 1);
        } while (token != null);

        assertThat(seen).containsExactlyElementsOf(expected);
        // One metadata record per secret shown (and the mount configuration at most once), on the
        // first page as on the last: an offset would make page n read n * 100 records.
        assertThat(readsPerPage).allSatisfy(reads -> assertThat(reads).isLessThanOrEqualTo(PAGE + 1));
    }

    @Test
    void batchGetByFilters_manySecrets_pagesByCursorWithBoundedReads() {
        createSecrets(SECRETS / 4);
        Set<String> seen = new HashSet<>();
        long maxReads = 0;
        String token = null;
        int pages = 0;
        do {
            long before = storage.reads.get();
            ObjectNode page = call("BatchGetSecretValue", "{\"Filters\":[{\"Key\":\"name\",\"Values\":[\"team\"]}],"
                    + "\"MaxResults\":20" + (token == null ? "" : ",\"NextToken\":\"" + token + "\"") + "}");
            maxReads = Math.max(maxReads, storage.reads.get() - before);
            // Secrets without a value are reported per secret; each appears once.
            page.get("Errors").forEach(e -> assertThat(seen.add(e.get("SecretId").asText())).isTrue());
            token = page.hasNonNull("NextToken") ? page.get("NextToken").asText() : null;
            pages++;
        } while (token != null && pages < 1000);
        assertThat(seen).hasSize(SECRETS / 8);
        // A name filter skips the other names without reading them; the page stops once full.
        assertThat(maxReads).isLessThanOrEqualTo(2 * 20 + 1);
    }

    /** AWS's default order (CreatedDate, descending); ascending is the same code with the other comparator. */
    @Test
    void listSecretsByCreatedDate_20000Secrets_onlyTheFirstPageReadsEverySecret() {
        String order = "desc";
        List<String> names = createSecrets(SECRETS);
        List<String> seen = new ArrayList<>();
        List<Long> readsPerPage = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        String token = null;
        do {
            long before = storage.reads.get();
            ObjectNode page = call("ListSecrets", body("created-date", order, token));
            readsPerPage.add(storage.reads.get() - before);
            page.get("SecretList").forEach(e -> seen.add(e.get("Name").asText()));
            token = page.hasNonNull("NextToken") ? page.get("NextToken").asText() : null;
            tokens.add(token);
            assertThat(readsPerPage.size()).as("pages").isLessThanOrEqualTo(SECRETS / PAGE + 1);
        } while (token != null);

        assertThat(seen).containsExactlyInAnyOrderElementsOf(names).doesNotHaveDuplicates();
        // The first page reads every secret once to order them (and its own entries again) ...
        assertThat(readsPerPage.get(0)).isLessThanOrEqualTo(SECRETS + PAGE + 1);
        // ... and the pages after it only what they show.
        assertThat(readsPerPage.subList(1, readsPerPage.size()))
                .allSatisfy(reads -> assertThat(reads).isLessThanOrEqualTo(PAGE + 1));

        // A token whose kept order is gone (another server, expired) still resumes correctly.
        ObjectNode fresh = call("ListSecrets", body("created-date", order, null));
        String second = fresh.get("NextToken").asText();
        Pages.SecretCursor c = Pages.secretCursor(Optional.of(second), "created-date", order).orElseThrow();
        String withoutSnapshot = Pages.token(new Pages.SecretCursor(c.sortBy(), c.order(), c.value(), c.name(), null));
        String forgedSnapshot = Pages.token(new Pages.SecretCursor(c.sortBy(), c.order(), c.value(), c.name(), "AAAAAAAAAAAAAAAAAAAAAA"));
        JsonNode viaKept = call("ListSecrets", body("created-date", order, second)).get("SecretList");
        assertThat(call("ListSecrets", body("created-date", order, withoutSnapshot)).get("SecretList")).isEqualTo(viaKept);
        assertThat(call("ListSecrets", body("created-date", order, forgedSnapshot)).get("SecretList")).isEqualTo(viaKept);
        assertThat(viaKept.get(0).get("Name").asText()).isEqualTo(seen.get(PAGE));

        // The kept order serves the caller that made it: another access key's page is computed afresh.
        AccessCheck other = new AccessCheck() {
            @Override
            public void require(Operation operation, String path) {
                access.require(operation, path);
            }

            @Override
            public boolean allows(Operation operation, String path) {
                return access.allows(operation, path);
            }

            @Override
            public String caller() {
                return "AKIAOTHERCALLER00000";
            }
        };
        long before = storage.reads.get();
        JsonNode viaOther = service.invoke("ListSecrets", SecretsHarness.parse(body("created-date", order, second)), other)
                .get("SecretList");
        assertThat(storage.reads.get() - before).isGreaterThanOrEqualTo(SECRETS);
        assertThat(viaOther).isEqualTo(viaKept);
    }

    @ParameterizedTest
    @ValueSource(strings = {"created-date", "last-changed-date", "last-accessed-date"})
    void listSecretsByDate_pagesThroughEverySecretOnceInOrder(String sortBy) {
        List<String> names = createSecrets(1_000);
        for (String order : List.of("asc", "desc")) {
            List<JsonNode> seen = new ArrayList<>();
            String token = null;
            do {
                ObjectNode page = call("ListSecrets", body(sortBy, order, token));
                page.get("SecretList").forEach(seen::add);
                token = page.hasNonNull("NextToken") ? page.get("NextToken").asText() : null;
            } while (token != null);
            assertThat(seen.stream().map(e -> e.get("Name").asText()).toList())
                    .as(sortBy + " " + order).containsExactlyInAnyOrderElementsOf(names);
            String member = switch (sortBy) {
                case "created-date" -> "CreatedDate";
                case "last-changed-date" -> "LastChangedDate";
                default -> "LastAccessedDate";
            };
            Comparator<JsonNode> byDate = Comparator.comparing(e -> e.has(member) ? e.get(member).asDouble() : -1.0);
            Comparator<JsonNode> expected = (order.equals("asc") ? byDate : byDate.reversed())
                    .thenComparing(e -> e.get("Name").asText());
            assertThat(seen).as(sortBy + " " + order).isSortedAccordingTo(expected);
        }
    }

    @Test
    void nextToken_forgedOrFromAnotherOrder_isInvalidNextTokenAndNotEchoed() {
        createSecrets(300);
        String token = call("ListSecrets", body("name", "asc", null)).get("NextToken").asText();
        String offsetLike = Base64.getUrlEncoder().withoutPadding().encodeToString("coffer-page:100".getBytes(StandardCharsets.UTF_8));
        String badName = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("coffer-page-2\ns\nname\nasc\n-\n-\n../x".getBytes(StandardCharsets.UTF_8));
        String notBase64 = "<script>" + "A".repeat(20);
        for (String bad : List.of(offsetLike, badName, notBase64, token + "!!", token.substring(1))) {
            AwsServiceException e = SecretsHarness.catchAws(() -> call("ListSecrets", body("name", "asc", bad)));
            assertThat(e.type()).as(bad).isEqualTo(AwsErrorType.InvalidNextTokenException);
            assertThat(e.getMessage()).doesNotContain(bad).doesNotContain("script");
        }
        // A token of one sort order does not resume another.
        assertThat(SecretsHarness.catchAws(() -> call("ListSecrets", body("name", "desc", token))).type())
                .isEqualTo(AwsErrorType.InvalidNextTokenException);
        assertThat(SecretsHarness.catchAws(() -> call("ListSecrets", body("created-date", "asc", token))).type())
                .isEqualTo(AwsErrorType.InvalidNextTokenException);
        // An over-long token is refused without being quoted.
        String huge = "A".repeat(5000);
        AwsServiceException tooLong = SecretsHarness.catchAws(() -> call("ListSecrets", body("name", "asc", huge)));
        assertThat(tooLong.type()).isEqualTo(AwsErrorType.ValidationException);
        assertThat(tooLong.getMessage()).doesNotContain(huge);
    }

    @Test
    void listVersionIds_pagesByVersionCursor() {
        call("CreateSecret", "{\"Name\":\"v\",\"SecretString\":\"0\"}");
        for (int i = 1; i < 7; i++) {
            call("PutSecretValue", "{\"SecretId\":\"v\",\"SecretString\":\"" + i + "\"}");
        }
        List<String> ids = new ArrayList<>();
        String token = null;
        do {
            ObjectNode page = call("ListSecretVersionIds", "{\"SecretId\":\"v\",\"IncludeDeprecated\":true,\"MaxResults\":3"
                    + (token == null ? "" : ",\"NextToken\":\"" + token + "\"") + "}");
            page.get("Versions").forEach(v -> ids.add(v.get("VersionId").asText()));
            token = page.hasNonNull("NextToken") ? page.get("NextToken").asText() : null;
        } while (token != null);
        assertThat(ids).hasSize(7).doesNotHaveDuplicates();
    }

    // ------------------------------------------------------------------ what a policy shows

    private void createVisibilityFixture() {
        call("CreateSecret", "{\"Name\":\"open\",\"Description\":\"open desc\",\"Tags\":[{\"Key\":\"env\",\"Value\":\"prod\"}]}");
        call("CreateSecret", "{\"Name\":\"hidden-details\",\"Description\":\"private desc\","
                + "\"Tags\":[{\"Key\":\"env\",\"Value\":\"prod\"}]}");
        call("CreateSecret", "{\"Name\":\"team/a\",\"Description\":\"team desc\"}");
        access.checks.clear();
    }

    @Test
    void listSecrets_withListButNotRead_showsNameAndArnOnly() {
        createVisibilityFixture();
        access.denied.add("read secret/metadata/hidden-details");
        JsonNode list = call("ListSecrets", "{\"SortBy\":\"name\",\"SortOrder\":\"asc\"}").get("SecretList");
        assertThat(list).hasSize(3);
        JsonNode reduced = list.get(0);
        assertThat(reduced.get("Name").asText()).isEqualTo("hidden-details");
        List<String> members = new ArrayList<>();
        reduced.fieldNames().forEachRemaining(members::add);
        assertThat(members).containsExactlyInAnyOrder("ARN", "Name");
        assertThat(list.get(1).get("Description").asText()).isEqualTo("open desc");
        assertThat(list.toString()).doesNotContain("private desc");
    }

    @Test
    void listSecrets_withoutListOnAFolder_omitsItsSecrets() {
        createVisibilityFixture();
        access.denied.add("list secret/metadata/team/");
        JsonNode list = call("ListSecrets", "{\"SortBy\":\"name\",\"SortOrder\":\"asc\"}").get("SecretList");
        assertThat(list.findValuesAsText("Name")).containsExactly("hidden-details", "open");
    }

    @Test
    void listSecrets_withoutListOnTheRoot_isAccessDenied() {
        createVisibilityFixture();
        access.denied.add("list secret/metadata/");
        assertThat(SecretsHarness.catchAws(() -> call("ListSecrets", "{}")).type()).isEqualTo(AwsErrorType.AccessDeniedException);
        assertThat(SecretsHarness.catchAws(() -> call("BatchGetSecretValue", "{\"Filters\":[{\"Key\":\"name\",\"Values\":[\"o\"]}]}"))
                .type()).isEqualTo(AwsErrorType.AccessDeniedException);
    }

    @Test
    void filters_matchOnlyWhatTheCallerMayRead() {
        createVisibilityFixture();
        access.denied.add("read secret/metadata/hidden-details");
        for (String filter : List.of("{\"Key\":\"description\",\"Values\":[\"private\"]}",
                "{\"Key\":\"tag-value\",\"Values\":[\"prod\"]}", "{\"Key\":\"all\",\"Values\":[\"desc\"]}")) {
            JsonNode list = call("ListSecrets", "{\"Filters\":[" + filter + "]}").get("SecretList");
            assertThat(list.findValuesAsText("Name")).as(filter).doesNotContain("hidden-details");
        }
        JsonNode batch = call("BatchGetSecretValue", "{\"Filters\":[{\"Key\":\"description\",\"Values\":[\"private\"]}]}");
        assertThat(batch.toString()).doesNotContain("hidden-details");
    }

    @Test
    void sortByDate_ofSecretsWhoseDetailsAreHidden_usesNoDate() {
        call("CreateSecret", "{\"Name\":\"b-old\"}");
        clock.advance(Duration.ofHours(1));
        call("CreateSecret", "{\"Name\":\"a-new\"}");
        access.denied.add("read secret/metadata/b-old");
        access.denied.add("read secret/metadata/a-new");
        // Without the dates, the order is by name alone: creation order is not revealed.
        JsonNode asc = call("ListSecrets", "{\"SortOrder\":\"asc\"}").get("SecretList");
        JsonNode desc = call("ListSecrets", "{\"SortOrder\":\"desc\"}").get("SecretList");
        assertThat(asc.findValuesAsText("Name")).containsExactly("a-new", "b-old");
        assertThat(desc.findValuesAsText("Name")).containsExactly("a-new", "b-old");
    }
}
