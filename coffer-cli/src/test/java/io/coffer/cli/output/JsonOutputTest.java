package io.coffer.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.cli.client.JsonCodec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonOutputTest {

    @Test
    void indentsLikeGoMarshalIndent() {
        Map<String, Object> value = JsonCodec.decodeObject("""
                {"request_id":"r","data":{"keys":["a","b/"],"empty":{},"none":[]},"warnings":null,"ratio":1.50}
                """.getBytes());
        assertThat(JsonOutput.pretty(value)).isEqualTo("""
                {
                  "request_id": "r",
                  "data": {
                    "keys": [
                      "a",
                      "b/"
                    ],
                    "empty": {},
                    "none": []
                  },
                  "warnings": null,
                  "ratio": 1.50
                }""");
    }

    @Test
    void topLevelArraysToo() {
        assertThat(JsonOutput.pretty(List.of("a"))).isEqualTo("[\n  \"a\"\n]");
        assertThat(JsonOutput.pretty(Map.of())).isEqualTo("{}");
    }
}
