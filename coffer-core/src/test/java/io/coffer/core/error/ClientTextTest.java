package io.coffer.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ClientTextTest {

    @Property(tries = 2000)
    void escape_anyText_isShortPrintableAsciiWithoutQuotes(@ForAll String text) {
        String safe = ClientText.escape(text);

        assertThat(safe.length()).isLessThanOrEqualTo(ClientText.MAX_CHARS + ClientText.TRUNCATED.length());
        assertThat(safe.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '"' && c != '\'')).as(safe).isTrue();
    }

    @Property(tries = 1000)
    void escape_shortText_isLosslessAndUncut(@ForAll String text) {
        String safe = ClientText.escape(text);
        if (safe.endsWith(ClientText.TRUNCATED)) {
            return;
        }
        StringBuilder back = new StringBuilder();
        for (int i = 0; i < safe.length(); i++) {
            if (safe.charAt(i) == '\\') {
                back.append((char) Integer.parseInt(safe.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                back.append(safe.charAt(i));
            }
        }
        assertThat(back.toString()).isEqualTo(text);
    }

    @Test
    void quote_plainName_isItselfInQuotes() {
        assertThat(ClientText.quote("app/db-1")).isEqualTo("\"app/db-1\"");
        assertThat(ClientText.quote(null)).isEqualTo("null");
    }

    @Test
    void escape_controlQuotesAndUnicode_areEscaped() {
        assertThat(ClientText.escape("a\n\u001b[31m\"'\\\u202eb")).isEqualTo("a\\u000a\\u001b[31m\\u0022\\u0027\\u005c\\u202eb");
    }

    @Test
    void escape_longText_isCutAndMarked() {
        String safe = ClientText.escape("x".repeat(1000));

        assertThat(safe).isEqualTo("x".repeat(ClientText.MAX_CHARS) + ClientText.TRUNCATED);
        assertThat(ClientText.escape("x".repeat(ClientText.MAX_CHARS))).isEqualTo("x".repeat(ClientText.MAX_CHARS));
    }
}
