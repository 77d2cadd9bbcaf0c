package io.coffer.core.engine.kv;

import static io.coffer.core.engine.kv.KvHarness.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonValuesTest {

    private static String text(Object value) {
        return new String(Json.write(value), StandardCharsets.UTF_8);
    }

    private static String merge(String target, String patch) {
        return text(JsonValues.mergePatch(json("{\"t\":" + target + "}").get("t"), json("{\"p\":" + patch + "}").get("p")));
    }

    @Test
    void mergePatch_rfc7396Examples_giveTheRfcResults() {
        assertThat(merge("{\"a\":\"b\"}", "{\"a\":\"c\"}")).isEqualTo("{\"a\":\"c\"}");
        assertThat(merge("{\"a\":\"b\"}", "{\"b\":\"c\"}")).isEqualTo("{\"a\":\"b\",\"b\":\"c\"}");
        assertThat(merge("{\"a\":\"b\"}", "{\"a\":null}")).isEqualTo("{}");
        assertThat(merge("{\"a\":\"b\",\"b\":\"c\"}", "{\"a\":null}")).isEqualTo("{\"b\":\"c\"}");
        assertThat(merge("{\"a\":[\"b\"]}", "{\"a\":\"c\"}")).isEqualTo("{\"a\":\"c\"}");
        assertThat(merge("{\"a\":\"c\"}", "{\"a\":[\"b\"]}")).isEqualTo("{\"a\":[\"b\"]}");
        assertThat(merge("{\"a\":{\"b\":\"c\"}}", "{\"a\":{\"b\":\"d\",\"c\":null}}")).isEqualTo("{\"a\":{\"b\":\"d\"}}");
        assertThat(merge("{\"a\":[{\"b\":\"c\"}]}", "{\"a\":[1]}")).isEqualTo("{\"a\":[1]}");
        assertThat(merge("[\"a\",\"b\"]", "[\"c\",\"d\"]")).isEqualTo("[\"c\",\"d\"]");
        assertThat(merge("{\"a\":\"b\"}", "[\"c\"]")).isEqualTo("[\"c\"]");
        assertThat(merge("{\"a\":\"foo\"}", "null")).isEqualTo("null");
        assertThat(merge("{\"a\":\"foo\"}", "\"bar\"")).isEqualTo("\"bar\"");
        assertThat(merge("{\"e\":null}", "{\"a\":1}")).isEqualTo("{\"a\":1,\"e\":null}");
        assertThat(merge("[1,2]", "{\"a\":\"b\",\"c\":null}")).isEqualTo("{\"a\":\"b\"}");
        assertThat(merge("{}", "{\"a\":{\"bb\":{\"ccc\":null}}}")).isEqualTo("{\"a\":{\"bb\":{}}}");
    }

    @Test
    void mergePatch_inputs_areNotModified() {
        Map<String, Object> target = json("{\"a\":{\"b\":1}}");
        Map<String, Object> patch = json("{\"a\":{\"b\":null,\"c\":2}}");
        JsonValues.mergePatch(target, patch);
        assertThat(text(target)).isEqualTo("{\"a\":{\"b\":1}}");
        assertThat(text(patch)).isEqualTo("{\"a\":{\"b\":null,\"c\":2}}");
    }

    @Test
    void canonical_objects_sortKeysByCodePointAtEveryLevel() {
        Object c = JsonValues.canonical(json("{\"b\":1,\"a\":{\"z\":[{\"y\":1,\"x\":2}],\"\uFFFD\":1,\"\uD83D\uDE00\":2,\"B\":3}}"));
        // U+1F600 (a surrogate pair in UTF-16) sorts after U+FFFD in UTF-8 byte order, unlike String.compareTo.
        assertThat(List.copyOf(((Map<?, ?>) c).keySet())).isEqualTo(List.of("a", "b"));
        Map<?, ?> a = (Map<?, ?>) ((Map<?, ?>) c).get("a");
        assertThat(List.copyOf(a.keySet())).isEqualTo(List.of("B", "z", "\uFFFD", "\uD83D\uDE00"));
        assertThat(text(a.get("z"))).isEqualTo("[{\"x\":2,\"y\":1}]");
    }

    @Test
    void canonical_nonJsonValue_isRejected() {
        assertThatThrownBy(() -> JsonValues.canonical(Map.of("a", new Object())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonValues.canonical(Map.of("a", Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class);
        List<Object> withNull = new ArrayList<>();
        withNull.add(null);
        assertThat(JsonValues.canonical(withNull)).isEqualTo(withNull);
    }

    @Test
    void subkeys_noDepthLimit_replacesEveryLeafWithNull() {
        Map<String, Object> data = json("{\"foo\":\"abc\",\"bar\":{\"baz\":\"def\",\"qux\":{}},\"quux\":[1,{\"x\":1}],\"n\":null}");
        assertThat(text(JsonValues.subkeys(data, 0)))
                .isEqualTo("{\"foo\":null,\"bar\":{\"baz\":null,\"qux\":null},\"quux\":null,\"n\":null}");
    }

    @Test
    void subkeys_depthOne_keepsTopLevelKeysOnly() {
        Map<String, Object> data = json("{\"a\":{\"b\":{\"c\":1}},\"d\":2}");
        assertThat(text(JsonValues.subkeys(data, 1))).isEqualTo("{\"a\":null,\"d\":null}");
        assertThat(text(JsonValues.subkeys(data, 2))).isEqualTo("{\"a\":{\"b\":null},\"d\":null}");
        assertThat(text(JsonValues.subkeys(data, 3))).isEqualTo("{\"a\":{\"b\":{\"c\":null}},\"d\":null}");
    }
}
