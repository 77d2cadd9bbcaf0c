package io.coffer.core.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Policy sanitizing and globs, the building blocks of the create rules tested end to end elsewhere. */
class TokenPoliciesTest {

    @Test
    void sanitize_trimsLowersDedupesSortsAndLetsRootSwallowTheRest() {
        assertThat(TokenPolicies.sanitize(List.of(" B", "a", "b", ""), false)).containsExactly("a", "b");
        assertThat(TokenPolicies.sanitize(List.of("a"), true)).containsExactly("a", "default");
        assertThat(TokenPolicies.sanitize(List.of(), true)).containsExactly("default");
        assertThat(TokenPolicies.sanitize(List.of("a", "ROOT"), true)).containsExactly("root");
    }

    @Test
    void globs_matchStarsAnywhere() {
        assertThat(Globs.matches("team-*", "team-x")).isTrue();
        assertThat(Globs.matches("team-*", "team-")).isTrue();
        assertThat(Globs.matches("team-*", "teams")).isFalse();
        assertThat(Globs.matches("*-ro", "db-ro")).isTrue();
        assertThat(Globs.matches("a*b*c", "axxbyyc")).isTrue();
        assertThat(Globs.matches("a*b*c", "axxcyyb")).isFalse();
        assertThat(Globs.matches("ab*ba", "aba")).isFalse();
        assertThat(Globs.matches("*", "anything")).isTrue();
        assertThat(Globs.matches("exact", "exact")).isTrue();
        assertThat(Globs.anyMatches(List.of("x", "y*"), "yes")).isTrue();
        assertThat(Globs.anyMatches(List.of(), "yes")).isFalse();
    }
}
