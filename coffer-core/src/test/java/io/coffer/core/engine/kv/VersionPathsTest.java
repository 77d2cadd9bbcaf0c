package io.coffer.core.engine.kv;

import static io.coffer.core.engine.kv.KvHarness.data;
import static io.coffer.core.engine.kv.KvHarness.failure;
import static io.coffer.core.engine.kv.KvHarness.map;
import static io.coffer.core.engine.kv.KvHarness.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.Response;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VersionPathsTest {

    private final KvHarness h = new KvHarness();

    private void putVersions(String key, int count) {
        for (int i = 1; i <= count; i++) {
            h.put(key, "{\"v\":" + i + "}");
        }
    }

    private Map<String, Object> version(String key, int n) {
        return map(map(data(h.read("metadata/" + key)).get("versions")).get(Integer.toString(n)));
    }

    private int readStatus(String key, int n) {
        try {
            return status(h.read("data/" + key, "version", Integer.toString(n)));
        } catch (CofferException e) {
            return e.kind() == CofferException.Kind.NOT_FOUND ? 404 : 400;
        }
    }

    // ------------------------------------------------------------------ delete

    @Test
    void delete_listedVersions_areSoftDeleted() {
        putVersions("app", 3);

        Response r = h.write("delete/app", "{\"versions\":[1,3]}");

        assertThat(status(r)).isEqualTo(204);
        assertThat(readStatus("app", 1)).isEqualTo(404);
        assertThat(readStatus("app", 2)).isEqualTo(200);
        assertThat(readStatus("app", 3)).isEqualTo(404);
        assertThat(version("app", 1)).containsEntry("deletion_time", "2026-03-22T02:24:06.945319214Z")
                .containsEntry("destroyed", false);
        assertThat(data(h.read("data/app", "version", "3")).get("data")).isNull();
    }

    @Test
    void delete_versionsAsStringsOrCommaList_areAccepted() {
        putVersions("app", 3);
        h.write("delete/app", "{\"versions\":[\"1\",\"2\"]}");
        assertThat(readStatus("app", 1)).isEqualTo(404);
        assertThat(readStatus("app", 2)).isEqualTo(404);
        h.write("undelete/app", "{\"versions\":\"1, 2\"}");
        assertThat(readStatus("app", 1)).isEqualTo(200);
        assertThat(readStatus("app", 2)).isEqualTo(200);
    }

    @Test
    void delete_noVersions_is400() {
        putVersions("app", 1);
        CofferException e = failure(() -> h.write("delete/app", "{}"));
        assertThat(e.kind()).isEqualTo(CofferException.Kind.INVALID_REQUEST);
        assertThat(e.messages()).containsExactly("No version number provided");
        assertThat(failure(() -> h.write("delete/app", "{\"versions\":[]}")).messages())
                .containsExactly("No version number provided");
    }

    @Test
    void delete_versionsNotIntegers_is400() {
        putVersions("app", 1);
        assertThat(failure(() -> h.write("delete/app", "{\"versions\":[\"one\"]}")).kind())
                .isEqualTo(CofferException.Kind.INVALID_REQUEST);
    }

    @Test
    void delete_missingKeyOrVersion_is204AndHarmless() {
        assertThat(status(h.write("delete/nope", "{\"versions\":[1]}"))).isEqualTo(204);
        putVersions("app", 1);
        assertThat(status(h.write("delete/app", "{\"versions\":[7,-1]}"))).isEqualTo(204);
        assertThat(readStatus("app", 1)).isEqualTo(200);
    }

    @Test
    void delete_createOperation_isAcceptedLikeUpdate() {
        putVersions("app", 1);
        h.call(Operation.CREATE, "delete/app", KvHarness.json("{\"versions\":[1]}"));
        assertThat(readStatus("app", 1)).isEqualTo(404);
    }

    @Test
    void delete_readOperation_isUnsupported() {
        assertThat(failure(() -> h.read("delete/app")).kind()).isEqualTo(CofferException.Kind.UNSUPPORTED_OPERATION);
    }

    // ------------------------------------------------------------------ undelete

    @Test
    void undelete_deletedVersion_isReadableAgain() {
        putVersions("app", 2);
        h.write("delete/app", "{\"versions\":[1]}");

        assertThat(status(h.write("undelete/app", "{\"versions\":[1]}"))).isEqualTo(204);

        assertThat(map(data(h.read("data/app", "version", "1")).get("data"))).containsEntry("v", 1);
        assertThat(version("app", 1)).containsEntry("deletion_time", "");
    }

    @Test
    void undelete_latestDeletedByDataDelete_isReadableAgain() {
        putVersions("app", 1);
        h.delete("data/app");
        h.write("undelete/app", "{\"versions\":[1]}");
        assertThat(status(h.read("data/app"))).isEqualTo(200);
    }

    @Test
    void undelete_destroyedVersion_isNotResurrected() {
        putVersions("app", 2);
        h.write("delete/app", "{\"versions\":[1]}");
        h.write("destroy/app", "{\"versions\":[1]}");

        h.write("undelete/app", "{\"versions\":[1]}");

        assertThat(readStatus("app", 1)).isEqualTo(404);
        assertThat(version("app", 1)).containsEntry("destroyed", true)
                .containsEntry("deletion_time", "2026-03-22T02:24:06.945319214Z");
    }

    @Test
    void undelete_withDeleteVersionAfter_setsAFreshDeletionTime() {
        h.write("config", "{\"delete_version_after\":\"10m\"}");
        putVersions("app", 1);
        h.clock.advance(Duration.ofMinutes(20));
        assertThat(readStatus("app", 1)).isEqualTo(404);

        h.write("undelete/app", "{\"versions\":[1]}");

        assertThat(readStatus("app", 1)).isEqualTo(200);
        assertThat(version("app", 1)).containsEntry("deletion_time", "2026-03-22T02:54:06.945319214Z");
    }

    @Test
    void undelete_noVersions_is400() {
        assertThat(failure(() -> h.write("undelete/app", "{\"versions\":[]}")).messages())
                .containsExactly("No version number provided");
    }

    @Test
    void undelete_missingKey_is204() {
        assertThat(status(h.write("undelete/nope", "{\"versions\":[1]}"))).isEqualTo(204);
    }

    // ------------------------------------------------------------------ destroy

    @Test
    void destroy_removesTheStoredValueAndMarksDestroyed() {
        putVersions("app", 3);
        assertThat(h.versionEntries("app")).hasSize(3);

        Response r = h.write("destroy/app", "{\"versions\":[2]}");

        assertThat(status(r)).isEqualTo(204);
        assertThat(h.versionEntries("app")).hasSize(2).noneMatch(k -> k.endsWith("/2"));
        assertThat(version("app", 2)).containsEntry("destroyed", true).containsEntry("deletion_time", "");
        Response read = h.read("data/app", "version", "2");
        assertThat(status(read)).isEqualTo(404);
        assertThat(data(read).get("data")).isNull();
        assertThat(map(data(read).get("metadata"))).containsEntry("destroyed", true).containsEntry("version", 2L);
        assertThat(readStatus("app", 3)).isEqualTo(200);
    }

    @Test
    void destroy_latest_makesDataRead404WithDestroyedMetadata() {
        putVersions("app", 1);
        h.write("destroy/app", "{\"versions\":[1]}");
        Response r = h.read("data/app");
        assertThat(status(r)).isEqualTo(404);
        assertThat(map(data(r).get("metadata"))).containsEntry("destroyed", true);
    }

    @Test
    void destroy_twice_isHarmless() {
        putVersions("app", 1);
        h.write("destroy/app", "{\"versions\":[1]}");
        assertThat(status(h.write("destroy/app", "{\"versions\":[1]}"))).isEqualTo(204);
        assertThat(version("app", 1)).containsEntry("destroyed", true);
    }

    @Test
    void destroy_noVersions_is400WithLowerCaseMessage() {
        assertThat(failure(() -> h.write("destroy/app", "{}")).messages()).containsExactly("no version number provided");
    }

    @Test
    void destroy_missingKey_is204() {
        assertThat(status(h.write("destroy/nope", "{\"versions\":[1]}"))).isEqualTo(204);
    }

    @Test
    void delete_destroyedVersion_isSkipped() {
        putVersions("app", 1);
        h.write("destroy/app", "{\"versions\":[1]}");
        h.write("delete/app", "{\"versions\":[1]}");
        assertThat(version("app", 1)).containsEntry("deletion_time", "");
    }
}
