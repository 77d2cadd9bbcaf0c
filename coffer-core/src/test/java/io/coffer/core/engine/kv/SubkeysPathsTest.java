package io.coffer.core.engine.kv;

import static io.coffer.core.engine.kv.KvHarness.data;
import static io.coffer.core.engine.kv.KvHarness.dataJson;
import static io.coffer.core.engine.kv.KvHarness.failure;
import static io.coffer.core.engine.kv.KvHarness.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Response;
import org.junit.jupiter.api.Test;

class SubkeysPathsTest {

    private final KvHarness h = new KvHarness();

    private static final String SECRET = "{\"foo\":\"abc\",\"bar\":{\"baz\":\"def\",\"qux\":{\"deep\":1},\"empty\":{}},"
            + "\"list\":[{\"a\":1}],\"nil\":null}";

    @Test
    void read_noDepth_returnsWholeStructureWithNullLeaves() {
        h.put("app", SECRET);

        Response r = h.read("subkeys/app");

        assertThat(status(r)).isEqualTo(200);
        assertThat(dataJson(r)).isEqualTo("{\"metadata\":{\"created_time\":\"2026-03-22T02:24:06.945319214Z\","
                + "\"custom_metadata\":null,\"deletion_time\":\"\",\"destroyed\":false,\"version\":1},"
                + "\"subkeys\":{\"bar\":{\"baz\":null,\"empty\":null,\"qux\":{\"deep\":null}},\"foo\":null,\"list\":null,\"nil\":null}}");
        assertThat(dataJson(r)).doesNotContain("abc").doesNotContain("def");
    }

    @Test
    void read_depth_limitsNesting() {
        h.put("app", SECRET);
        assertThat(dataJson(h.read("subkeys/app", "depth", "1"))).endsWith(
                "\"subkeys\":{\"bar\":null,\"foo\":null,\"list\":null,\"nil\":null}}");
        assertThat(dataJson(h.read("subkeys/app", "depth", "2"))).endsWith(
                "\"subkeys\":{\"bar\":{\"baz\":null,\"empty\":null,\"qux\":null},\"foo\":null,\"list\":null,\"nil\":null}}");
        assertThat(dataJson(h.read("subkeys/app", "depth", "0"))).contains("\"qux\":{\"deep\":null}");
    }

    @Test
    void read_version_selectsThatVersion() {
        h.put("app", "{\"one\":1}");
        h.put("app", "{\"two\":2}");
        assertThat(dataJson(h.read("subkeys/app", "version", "1"))).endsWith("\"subkeys\":{\"one\":null}}");
        assertThat(dataJson(h.read("subkeys/app"))).endsWith("\"subkeys\":{\"two\":null}}");
    }

    @Test
    void read_deletedVersion_is404WithNullSubkeys() {
        h.put("app", SECRET);
        h.delete("data/app");
        Response r = h.read("subkeys/app");
        assertThat(status(r)).isEqualTo(404);
        assertThat(data(r)).containsEntry("subkeys", null);
    }

    @Test
    void read_missingKeyOrVersion_is404WithNoErrors() {
        CofferException e = failure(() -> h.read("subkeys/nope"));
        assertThat(e.kind()).isEqualTo(CofferException.Kind.NOT_FOUND);
        assertThat(e.messages()).isEmpty();
        h.put("app", "{}");
        assertThat(failure(() -> h.read("subkeys/app", "version", "9")).messages()).isEmpty();
    }
}
