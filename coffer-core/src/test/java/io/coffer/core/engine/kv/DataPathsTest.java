package io.coffer.core.engine.kv;

import static io.coffer.core.engine.kv.KvHarness.data;
import static io.coffer.core.engine.kv.KvHarness.dataJson;
import static io.coffer.core.engine.kv.KvHarness.failure;
import static io.coffer.core.engine.kv.KvHarness.map;
import static io.coffer.core.engine.kv.KvHarness.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.Response;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataPathsTest {

    private final KvHarness h = new KvHarness();

    private static void assertNotFoundWithNoErrors(CofferException e) {
        assertThat(e.kind()).isEqualTo(CofferException.Kind.NOT_FOUND);
        assertThat(e.messages()).isEmpty();
    }

    private static void assertInvalid(CofferException e, String message) {
        assertThat(e.kind()).isEqualTo(CofferException.Kind.INVALID_REQUEST);
        assertThat(e.messages()).containsExactly(message);
    }

    // ------------------------------------------------------------------ write

    @Test
    void write_newKey_returnsVersionMetadataInVaultShape() {
        Response r = h.put("app", "{\"password\":\"hunter2\"}");

        assertThat(status(r)).isEqualTo(200);
        assertThat(dataJson(r)).isEqualTo("{\"created_time\":\"2026-03-22T02:24:06.945319214Z\",\"custom_metadata\":null,"
                + "\"deletion_time\":\"\",\"destroyed\":false,\"version\":1}");
    }

    @Test
    void write_existingKey_incrementsVersion() {
        h.put("app", "{\"a\":1}");
        h.clock.advance(Duration.ofSeconds(1));
        Response r = h.put("app", "{\"a\":2}");

        assertThat(data(r).get("version")).isEqualTo(2L);
        assertThat(data(r).get("created_time")).isEqualTo("2026-03-22T02:24:07.945319214Z");
    }

    @Test
    void write_createOperation_behavesAsUpdate() {
        Response r = h.call(Operation.CREATE, "data/app", KvHarness.json("{\"data\":{\"a\":1}}"));
        assertThat(data(r).get("version")).isEqualTo(1L);
    }

    @Test
    void write_missingData_is400NoDataProvided() {
        assertInvalid(failure(() -> h.write("data/app", "{}")), "no data provided");
        assertInvalid(failure(() -> h.write("data/app", "{\"options\":{}}")), "no data provided");
    }

    @Test
    void write_nonObjectData_is400NoDataProvided() {
        assertInvalid(failure(() -> h.write("data/app", "{\"data\":\"s3cret\"}")), "no data provided");
        assertInvalid(failure(() -> h.write("data/app", "{\"data\":[1]}")), "no data provided");
        assertInvalid(failure(() -> h.write("data/app", "{\"data\":null}")), "no data provided");
    }

    @Test
    void write_emptyData_isAVersion() {
        h.put("app", "{}");
        assertThat(dataJson(h.read("data/app"))).startsWith("{\"data\":{},");
    }

    @Test
    void write_optionsNotAnObject_is400() {
        CofferException e = failure(() -> h.write("data/app", "{\"data\":{},\"options\":5}"));
        assertThat(e.kind()).isEqualTo(CofferException.Kind.INVALID_REQUEST);
        assertThat(e.getMessage()).contains("options");
    }

    // ------------------------------------------------------------------ read

    @Test
    void read_latest_returnsDataAndMetadataEnvelope() {
        h.put("app", "{\"user\":\"admin\",\"password\":\"hunter2\"}");

        Response r = h.read("data/app");

        assertThat(status(r)).isEqualTo(200);
        assertThat(dataJson(r)).isEqualTo("{\"data\":{\"password\":\"hunter2\",\"user\":\"admin\"},"
                + "\"metadata\":{\"created_time\":\"2026-03-22T02:24:06.945319214Z\",\"custom_metadata\":null,"
                + "\"deletion_time\":\"\",\"destroyed\":false,\"version\":1}}");
    }

    @Test
    void read_missingKey_is404WithNoErrors() {
        assertNotFoundWithNoErrors(failure(() -> h.read("data/nope")));
    }

    @Test
    void read_versionParameter_selectsThatVersion() {
        h.put("app", "{\"v\":\"one\"}");
        h.put("app", "{\"v\":\"two\"}");
        h.put("app", "{\"v\":\"three\"}");

        assertThat(map(data(h.read("data/app", "version", "2")).get("data"))).containsEntry("v", "two");
        assertThat(map(data(h.read("data/app", "version", "1")).get("metadata"))).containsEntry("version", 1L);
        assertThat(map(data(h.call(Operation.READ, "data/app", Map.of("version", 2))).get("data"))).containsEntry("v", "two");
    }

    @Test
    void read_versionZeroOrNegative_meansCurrent() {
        h.put("app", "{\"v\":\"one\"}");
        h.put("app", "{\"v\":\"two\"}");

        assertThat(map(data(h.read("data/app", "version", "0")).get("data"))).containsEntry("v", "two");
        assertThat(map(data(h.read("data/app", "version", "-1")).get("data"))).containsEntry("v", "two");
    }

    @Test
    void read_versionBeyondCurrent_is404WithNoErrors() {
        h.put("app", "{\"v\":1}");
        assertNotFoundWithNoErrors(failure(() -> h.read("data/app", "version", "2")));
    }

    @Test
    void read_versionNotANumber_is400() {
        h.put("app", "{\"v\":1}");
        CofferException e = failure(() -> h.read("data/app", "version", "latest"));
        assertThat(e.kind()).isEqualTo(CofferException.Kind.INVALID_REQUEST);
        assertThat(e.getMessage()).contains("version");
    }

    @Test
    void read_keyWithMetadataOnly_is404WithNoErrors() {
        h.write("metadata/app", "{\"max_versions\":3}");
        assertNotFoundWithNoErrors(failure(() -> h.read("data/app")));
    }

    @Test
    void read_nestedJsonAndBigNumbers_roundTripExactly() {
        String value = "{\"array\":[1,\"two\",null,true,{\"deep\":[[]]}],\"big\":123456789012345678901234567890,"
                + "\"float\":3.141592653589793238462643383279,\"long\":9007199254740993,\"negative\":-0.5,"
                + "\"nested\":{\"a\":{\"b\":{\"c\":\"d\"}},\"empty\":{}},\"nothing\":null,\"small\":1.0E-400,\"yes\":false}";
        h.put("app", value);

        assertThat(dataJson(h.read("data/app"))).startsWith("{\"data\":" + value + ",\"metadata\":");
    }

    @Test
    void read_data_keysComeBackSortedAsVaultDoes() {
        h.put("app", "{\"zeta\":1,\"alpha\":{\"y\":1,\"x\":2},\"Mid\":3}");
        assertThat(dataJson(h.read("data/app"))).startsWith("{\"data\":{\"Mid\":3,\"alpha\":{\"x\":2,\"y\":1},\"zeta\":1},");
    }

    @Test
    void read_unicodeAndSlashesInKey_work() {
        h.put("team/ü/s p a c e", "{\"k\":\"v\"}");
        assertThat(map(data(h.read("data/team/ü/s p a c e")).get("data"))).containsEntry("k", "v");
    }

    // ------------------------------------------------------------------ check-and-set

    @Test
    void write_casMatchingCurrent_succeeds() {
        h.put("app", "{\"v\":1}");
        Response r = h.write("data/app", "{\"options\":{\"cas\":1},\"data\":{\"v\":2}}");
        assertThat(data(r).get("version")).isEqualTo(2L);
    }

    @Test
    void write_casNotMatching_is400AndWritesNothing() {
        h.put("app", "{\"v\":1}");
        CofferException e = failure(() -> h.write("data/app", "{\"options\":{\"cas\":0},\"data\":{\"v\":\"s3cret\"}}"));

        assertInvalid(e, "check-and-set parameter did not match the current version");
        assertThat(e).isInstanceOf(CasException.class);
        assertThat(((CasException) e).reason()).isEqualTo(CasException.Reason.MISMATCH);
        assertThat(e.getMessage()).doesNotContain("s3cret");
        assertThat(map(data(h.read("data/app")).get("metadata"))).containsEntry("version", 1L);
    }

    @Test
    void write_casZero_writesOnlyIfAbsent() {
        assertThat(data(h.write("data/app", "{\"options\":{\"cas\":0},\"data\":{\"v\":1}}")).get("version")).isEqualTo(1L);
        assertInvalid(failure(() -> h.write("data/app", "{\"options\":{\"cas\":0},\"data\":{\"v\":2}}")),
                "check-and-set parameter did not match the current version");
    }

    @Test
    void write_casAsStringOrNull_isDecodedWeakly() {
        h.write("data/app", "{\"options\":{\"cas\":null},\"data\":{\"v\":1}}");
        assertThat(data(h.write("data/app", "{\"options\":{\"cas\":\"1\"},\"data\":{\"v\":2}}")).get("version")).isEqualTo(2L);
    }

    @Test
    void write_casUnparseable_is400() {
        assertInvalid(failure(() -> h.write("data/app", "{\"options\":{\"cas\":\"one\"},\"data\":{}}")),
                "error parsing check-and-set parameter");
        assertInvalid(failure(() -> h.write("data/app", "{\"options\":{\"cas\":[1]},\"data\":{}}")),
                "error parsing check-and-set parameter");
    }

    @Test
    void write_casRequiredByMountConfig_rejectsWritesWithoutCas() {
        h.write("config", "{\"cas_required\":true}");

        CofferException e = failure(() -> h.put("app", "{\"v\":1}"));
        assertInvalid(e, "check-and-set parameter required for this call");
        assertThat(((CasException) e).reason()).isEqualTo(CasException.Reason.REQUIRED);
        assertThat(data(h.write("data/app", "{\"options\":{\"cas\":0},\"data\":{\"v\":1}}")).get("version")).isEqualTo(1L);
    }

    @Test
    void write_casRequiredByKeyMetadata_rejectsWritesWithoutCas() {
        h.write("metadata/app", "{\"cas_required\":true}");

        assertInvalid(failure(() -> h.put("app", "{\"v\":1}")), "check-and-set parameter required for this call");
        assertThat(data(h.write("data/app", "{\"options\":{\"cas\":0},\"data\":{\"v\":1}}")).get("version")).isEqualTo(1L);
        h.put("other", "{\"v\":1}");
    }

    @Test
    void write_keyWithMetadataOnly_acceptsCasZero() {
        h.write("metadata/app", "{\"max_versions\":2}");
        assertThat(data(h.write("data/app", "{\"options\":{\"cas\":0},\"data\":{\"v\":1}}")).get("version")).isEqualTo(1L);
    }

    // ------------------------------------------------------------------ delete (soft)

    @Test
    void delete_latest_softDeletesOnlyTheLatestVersion() {
        h.put("app", "{\"v\":1}");
        h.put("app", "{\"v\":2}");
        h.clock.advance(Duration.ofSeconds(5));

        Response d = h.delete("data/app");
        assertThat(status(d)).isEqualTo(204);
        h.clock.advance(Duration.ofNanos(1));

        Response r = h.read("data/app");
        assertThat(status(r)).isEqualTo(404);
        assertThat(dataJson(r)).isEqualTo("{\"data\":null,\"metadata\":{\"created_time\":\"2026-03-22T02:24:06.945319214Z\","
                + "\"custom_metadata\":null,\"deletion_time\":\"2026-03-22T02:24:11.945319214Z\",\"destroyed\":false,\"version\":2}}");
        assertThat(map(data(h.read("data/app", "version", "1")).get("data"))).containsEntry("v", 1);
    }

    @Test
    void delete_missingKey_is204() {
        assertThat(status(h.delete("data/nope"))).isEqualTo(204);
    }

    @Test
    void delete_alreadyDeleted_keepsTheFirstDeletionTime() {
        h.put("app", "{\"v\":1}");
        h.delete("data/app");
        String first = (String) map(data(h.read("data/app")).get("metadata")).get("deletion_time");
        h.clock.advance(Duration.ofMinutes(1));
        h.delete("data/app");
        assertThat(map(data(h.read("data/app")).get("metadata"))).containsEntry("deletion_time", first);
    }

    @Test
    void delete_thenWrite_newVersionIsLive() {
        h.put("app", "{\"v\":1}");
        h.delete("data/app");
        h.clock.advance(Duration.ofSeconds(1));
        h.put("app", "{\"v\":2}");
        assertThat(status(h.read("data/app"))).isEqualTo(200);
    }

    // ------------------------------------------------------------------ delete_version_after

    @Test
    void write_deleteVersionAfterOnMount_setsFutureDeletionTime() {
        h.write("config", "{\"delete_version_after\":\"1h\"}");

        Response w = h.put("app", "{\"v\":1}");
        assertThat(data(w).get("deletion_time")).isEqualTo("2026-03-22T03:24:06.945319214Z");

        assertThat(status(h.read("data/app"))).isEqualTo(200);
        h.clock.advance(Duration.ofHours(1).plusNanos(1));
        Response r = h.read("data/app");
        assertThat(status(r)).isEqualTo(404);
        assertThat(data(r).get("data")).isNull();
    }

    @Test
    void write_deleteVersionAfterOnKeyAndMount_theShorterWins() {
        h.write("config", "{\"delete_version_after\":\"1h\"}");
        h.write("metadata/short", "{\"delete_version_after\":\"30m\"}");
        h.write("metadata/long", "{\"delete_version_after\":\"2h\"}");

        assertThat(data(h.put("short", "{}")).get("deletion_time")).isEqualTo("2026-03-22T02:54:06.945319214Z");
        assertThat(data(h.put("long", "{}")).get("deletion_time")).isEqualTo("2026-03-22T03:24:06.945319214Z");
    }

    @Test
    void write_deleteVersionAfterOnKeyOnly_applies() {
        h.write("metadata/app", "{\"delete_version_after\":90}");
        assertThat(data(h.put("app", "{}")).get("deletion_time")).isEqualTo("2026-03-22T02:25:36.945319214Z");
    }

    @Test
    void write_deleteVersionAfterDisabledOnMount_ignoresKeySetting() {
        h.write("metadata/app", "{\"delete_version_after\":\"30m\"}");
        h.write("config", "{\"delete_version_after\":\"-1s\"}");
        assertThat(data(h.put("app", "{}")).get("deletion_time")).isEqualTo("");
    }

    @Test
    void delete_versionWithFutureDeletionTime_deletesNow() {
        h.write("config", "{\"delete_version_after\":\"1h\"}");
        h.put("app", "{}");
        h.clock.advance(Duration.ofSeconds(10));
        h.delete("data/app");
        h.clock.advance(Duration.ofNanos(1));
        Response r = h.read("data/app");
        assertThat(status(r)).isEqualTo(404);
        assertThat(map(data(r).get("metadata"))).containsEntry("deletion_time", "2026-03-22T02:24:16.945319214Z");
    }

    // ------------------------------------------------------------------ patch

    @Test
    void patch_mergesIntoLatestVersionAsNewVersion() {
        h.put("app", "{\"user\":\"admin\",\"password\":\"old\",\"nested\":{\"a\":1,\"b\":2},\"drop\":\"me\"}");

        Response p = h.patch("data/app", "{\"data\":{\"password\":\"new\",\"nested\":{\"b\":null,\"c\":3},\"drop\":null,\"added\":[1]}}");

        assertThat(status(p)).isEqualTo(200);
        assertThat(data(p).get("version")).isEqualTo(2L);
        assertThat(dataJson(h.read("data/app"))).startsWith(
                "{\"data\":{\"added\":[1],\"nested\":{\"a\":1,\"c\":3},\"password\":\"new\",\"user\":\"admin\"},");
        assertThat(map(data(h.read("data/app", "version", "1")).get("data"))).containsEntry("password", "old");
    }

    @Test
    void patch_missingKey_is404WithoutBody() {
        Response r = h.patch("data/nope", "{\"data\":{\"a\":1}}");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.data()).isEmpty();
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void patch_keyWithMetadataOnly_is404WithoutBody() {
        h.write("metadata/app", "{\"max_versions\":2}");
        Response r = h.patch("data/app", "{\"data\":{\"a\":1}}");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.data()).isEmpty();
    }

    @Test
    void patch_deletedLatest_is404WithVersionMetadata() {
        h.put("app", "{\"a\":1}");
        h.delete("data/app");
        h.clock.advance(Duration.ofSeconds(1));

        Response r = h.patch("data/app", "{\"data\":{\"a\":2}}");
        assertThat(status(r)).isEqualTo(404);
        assertThat(dataJson(r)).isEqualTo("{\"created_time\":\"2026-03-22T02:24:06.945319214Z\",\"custom_metadata\":null,"
                + "\"deletion_time\":\"2026-03-22T02:24:06.945319214Z\",\"destroyed\":false,\"version\":1}");
        assertThat(data(h.read("metadata/app")).get("current_version")).isEqualTo(1L);
    }

    @Test
    void patch_destroyedLatest_is404WithVersionMetadata() {
        h.put("app", "{\"a\":1}");
        h.write("destroy/app", "{\"versions\":[1]}");
        Response r = h.patch("data/app", "{\"data\":{\"a\":2}}");
        assertThat(status(r)).isEqualTo(404);
        assertThat(data(r)).containsEntry("destroyed", true);
    }

    @Test
    void patch_withCas_checksCurrentVersion() {
        h.put("app", "{\"a\":1}");
        assertInvalid(failure(() -> h.patch("data/app", "{\"options\":{\"cas\":2},\"data\":{\"a\":2}}")),
                "check-and-set parameter did not match the current version");
        assertThat(data(h.patch("data/app", "{\"options\":{\"cas\":1},\"data\":{\"a\":2}}")).get("version")).isEqualTo(2L);
    }

    @Test
    void patch_casRequiredWithoutCas_is400() {
        h.put("app", "{\"a\":1}");
        h.write("metadata/app", "{\"cas_required\":true}");
        assertInvalid(failure(() -> h.patch("data/app", "{\"data\":{\"a\":2}}")), "check-and-set parameter required for this call");
    }

    @Test
    void patch_withoutData_is400NoDataProvided() {
        h.put("app", "{\"a\":1}");
        assertInvalid(failure(() -> h.patch("data/app", "{\"options\":{\"cas\":1}}")), "no data provided");
    }

    @Test
    void patch_preservesExactNumbers() {
        h.put("app", "{\"big\":123456789012345678901234567890,\"f\":0.10}");
        h.patch("data/app", "{\"data\":{\"x\":1}}");
        assertThat(dataJson(h.read("data/app"))).startsWith("{\"data\":{\"big\":123456789012345678901234567890,\"f\":0.10,\"x\":1},");
    }

    // ------------------------------------------------------------------ routing details

    @Test
    void read_dataPathWithTrailingSlash_isTheInvalidPathAnswer() {
        h.put("app", "{\"a\":1}");
        Response r = h.read("data/app/");
        assertThat(status(r)).isEqualTo(404);
        assertThat(r.warnings()).singleElement().asString().contains("vault kv get");
    }

    @Test
    void list_dataPath_isTheInvalidPathAnswerForList() {
        Response r = h.list("data/app");
        assertThat(status(r)).isEqualTo(404);
        assertThat(r.warnings()).singleElement().asString().contains("vault kv list");
    }

    @Test
    void write_requestDataMap_isNotModified() {
        Map<String, Object> body = KvHarness.json("{\"data\":{\"b\":1,\"a\":2}}");
        Map<String, Object> copy = new HashMap<>(body);
        h.call(Operation.UPDATE, "data/app", body);
        assertThat(body).isEqualTo(copy);
    }
}
