package io.coffer.core.logical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.coffer.core.error.CofferException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestDataTest {

    private static RequestData with(String field, Object value) {
        Map<String, Object> data = new HashMap<>();
        data.put(field, value);
        return new RequestData(data);
    }

    /** Found by the wire fuzzer: {"versions":[null]} on secret/delete was a 500 (NullPointerException). */
    @Test
    void integerList_jsonNullElement_is400() {
        CofferException e = catchThrowableOfType(CofferException.class,
                () -> with("versions", Arrays.asList(null, null, 1)).integerList("versions"));

        assertThat(e).isNotNull();
        assertThat(e.kind()).isEqualTo(CofferException.Kind.INVALID_REQUEST);
        assertThat(e.getMessage()).isEqualTo("field \"versions\" must be a list of integers");
    }

    @Test
    void stringList_jsonNullElement_is400() {
        CofferException e = catchThrowableOfType(CofferException.class,
                () -> with("policies", Arrays.asList("a", null)).stringList("policies"));

        assertThat(e).isNotNull();
        assertThat(e.kind()).isEqualTo(CofferException.Kind.INVALID_REQUEST);
    }

    @Test
    void integerList_numbersStringsAndCommaSeparated_stillDecode() {
        assertThat(with("versions", List.of(1, "2", 3L)).integerList("versions")).contains(List.of(1L, 2L, 3L));
        assertThat(with("versions", "4, 5").integerList("versions")).contains(List.of(4L, 5L));
    }
}
