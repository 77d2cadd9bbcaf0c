package io.coffer.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.coffer.core.error.CofferException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyNamesTest {

    private static CofferException refusal(String name) {
        CofferException e = catchThrowableOfType(CofferException.class, () -> PolicyNames.normalize(name));
        assertThat(e).as("refusal of %s", escaped(name)).isNotNull();
        assertThat(e.kind()).isEqualTo(CofferException.Kind.INVALID_REQUEST);
        return e;
    }

    private static String escaped(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(cp -> b.append(cp >= 0x20 && cp < 0x7f ? String.valueOf((char) cp) : String.format("\\u%04x", cp)));
        return b.toString();
    }

    @Test
    void normalize_trimsAsciiWhitespaceAndLowerCasesAsVaultDoes() {
        assertThat(PolicyNames.normalize(" Dev-Team_1 ")).isEqualTo("dev-team_1");
        assertThat(PolicyNames.normalize("\t\r\n ROOT \u000B\f")).isEqualTo("root");
        assertThat(PolicyNames.normalize("team/app.read@prod+x=y:z")).isEqualTo("team/app.read@prod+x=y:z");
        assertThat(PolicyNames.normalize("   ")).isEmpty();
    }

    @Test
    void normalize_returnsAnAlreadyNormalizedNameAsTheSameInstance() {
        String name = "already-normal";
        assertThat(PolicyNames.normalize(name)).isSameAs(name);
    }

    @Test
    void normalize_refusesWhitespaceControlFormatAndLookalikeCharacters() {
        for (String name : List.of("root\u00a0", "root\u2003", "\u3000root", "ro\u200bot", "root\u200d", "root\ufeff",
                "r\u043eot", "\uff52oot", "adm\u0131n", "root\u0301", "\u212aey", "dev team", "root\u0000", "root\u0085",
                "a,b", "a*", "a\\b", "a\"b", "a%20b", "root\u2028", "\ud835\udc2boot")) {
            refusal(name);
        }
    }

    @Test
    void normalize_refusesEmptyAndDotSegments() {
        for (String name : List.of("/a", "a/", "a//b", "a/./b", "a/../b", ".", "..")) {
            refusal(name);
        }
        assertThat(PolicyNames.normalize("a.b/c..d")).isEqualTo("a.b/c..d");
    }

    @Test
    void refusal_namesTheCharacterByCodePointWithoutEchoingTheName() {
        CofferException e = refusal("root\u2003and-more");
        assertThat(e.getMessage()).contains("U+2003").contains("position 5").doesNotContain("root").doesNotContain("\u2003");
        assertThat(refusal("x\ud835\udc2b").getMessage()).contains("U+1D42B");
    }

    @Test
    void globs_allowTheStarAndNothingElseMore() {
        assertThat(PolicyNames.normalizeGlob(" Team-* ")).isEqualTo("team-*");
        assertThat(catchThrowableOfType(CofferException.class, () -> PolicyNames.normalizeGlob("team\u2003*")).kind())
                .isEqualTo(CofferException.Kind.INVALID_REQUEST);
    }

    @Test
    void normalizeAll_dropsBlanksAndDuplicatesInGivenOrder() {
        assertThat(PolicyNames.normalizeAll(List.of("B", " ", "a", "b "))).containsExactly("b", "a");
    }

    @Test
    void resolvable_leavesOutWhatIsNotAValidName() {
        assertThat(PolicyNames.resolvable("Dev")).contains("dev");
        assertThat(PolicyNames.resolvable("root\u2003")).isEmpty();
        assertThat(PolicyNames.resolvable("")).isEmpty();
    }
}
