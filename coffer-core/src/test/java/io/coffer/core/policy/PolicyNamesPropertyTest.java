package io.coffer.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.core.error.CofferException;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * What the checks see is what the ACL resolves: for any string, either {@link PolicyNames#normalize}
 * refuses it and the ACL lookup ignores it, or both give the same plain-ASCII name, which is a
 * fixed point of the normalization.
 */
class PolicyNamesPropertyTest {

    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> ascii = Arbitraries.strings().ascii().ofMaxLength(12);
        Arbitrary<String> anyChars = Arbitraries.strings().all().ofMaxLength(12);
        Arbitrary<String> nameLike = Arbitraries.strings().withChars("rootadminROOTADMIN-_./ \t").ofMaxLength(12);
        return Arbitraries.oneOf(ascii, anyChars, nameLike);
    }

    @Property(tries = 5000)
    void acceptedNames_areFixedPointsThatTheAclResolvesUnchanged(@ForAll("names") String given) {
        String normalized;
        try {
            normalized = PolicyNames.normalize(given);
        } catch (CofferException refused) {
            assertThat(refused.kind()).isEqualTo(CofferException.Kind.INVALID_REQUEST);
            assertThat(PolicyNames.resolvable(given)).isEmpty();
            return;
        }
        if (normalized.isEmpty()) {
            assertThat(given.isBlank()).isTrue();
            assertThat(PolicyNames.resolvable(given)).isEmpty();
            return;
        }
        assertThat(normalized.chars().allMatch(c -> c > 0x20 && c < 0x7f && !(c >= 'A' && c <= 'Z'))).isTrue();
        assertThat(PolicyNames.normalize(normalized)).isEqualTo(normalized);
        assertThat(PolicyNames.isNormalized(normalized)).isTrue();
        assertThat(PolicyNames.resolvable(given)).isEqualTo(Optional.of(normalized));
        assertThat(PolicyStore.effectiveNames(java.util.List.of(given))).containsExactly(normalized);
    }
}
