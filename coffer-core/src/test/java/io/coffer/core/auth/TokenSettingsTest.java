package io.coffer.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.coffer.core.error.CofferException;
import io.coffer.core.json.Json;
import io.coffer.core.logical.Login;
import io.coffer.core.logical.RequestData;
import io.coffer.core.mount.MountEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TokenSettingsTest {

    private static final List<TokenSettings.Alias> ALIASES = List.of(new TokenSettings.Alias("policies", "token_policies"),
            new TokenSettings.Alias("ttl", "token_ttl"));

    private static TokenSettings update(TokenSettings base, Map<String, Object> fields) {
        return base.update(new RequestData(fields), ALIASES, new ArrayList<>());
    }

    @Test
    void update_appliesOnlyGivenFields() {
        TokenSettings s = update(TokenSettings.DEFAULT, Map.of("token_ttl", "1h", "token_num_uses", "3"));
        TokenSettings t = update(s, Map.of("token_max_ttl", 7200));
        assertThat(t.ttl()).isEqualTo(3600);
        assertThat(t.numUses()).isEqualTo(3);
        assertThat(t.maxTtl()).isEqualTo(7200);
    }

    @Test
    void deprecatedName_isRememberedUntilTheCurrentNameIsUsed() {
        TokenSettings s = update(TokenSettings.DEFAULT, Map.of("ttl", 60));
        Map<String, Object> shown = new TreeMap<>();
        s.render(shown, ALIASES);
        assertThat(shown).containsEntry("ttl", 60L).containsEntry("token_ttl", 60L);

        TokenSettings t = update(s, Map.of("token_ttl", 30));
        Map<String, Object> after = new TreeMap<>();
        t.render(after, ALIASES);
        assertThat(after).doesNotContainKey("ttl").containsEntry("token_ttl", 30L);
    }

    @Test
    void currentName_winsWhenBothAreGiven() {
        TokenSettings s = update(TokenSettings.DEFAULT, Map.of("ttl", 60, "token_ttl", 90));
        assertThat(s.ttl()).isEqualTo(90);
    }

    @Test
    void deprecatedPolicies_areSorted_andEitherNameIsNormalizedAndDeduplicated() {
        assertThat(update(TokenSettings.DEFAULT, Map.of("policies", "B, a,b")).policies()).containsExactly("a", "b");
        // Stored as the ACL will resolve them, so a read shows what a login's token gets.
        assertThat(update(TokenSettings.DEFAULT, Map.of("token_policies", List.of("B", "a", "b"))).policies()).containsExactly("b", "a");
    }

    @Test
    void policyNamesThatAreNotPlainAscii_areRefused() {
        for (String name : List.of("root\u2003", "root\u00a0", "ro\u200bot", "r\u043eot", "dev team")) {
            CofferException e = catchThrowableOfType(CofferException.class,
                    () -> update(TokenSettings.DEFAULT, Map.of("token_policies", List.of("dev", name))));
            assertThat(e).as(name).isNotNull();
            assertThat(e.kind()).isEqualTo(CofferException.Kind.INVALID_REQUEST);
        }
    }

    @Test
    void login_grantsNormalizedNames_andRefusesRootHiddenInStoredData() {
        TokenSettings legacy = new TokenSettings(List.of("Dev", "root\u2003"), 0, 0, 0, 0, 0, List.of(), false, "default", null);
        assertThat(catchThrowableOfType(CofferException.class, () -> legacy.login("", Map.of(), "", List.of())).kind())
                .isEqualTo(CofferException.Kind.PERMISSION_DENIED);
        TokenSettings mixed = new TokenSettings(List.of("Dev", " ops "), 0, 0, 0, 0, 0, List.of(), false, "default", null);
        assertThat(mixed.login("", Map.of(), "", List.of()).policies()).containsExactly("dev", "ops");
    }

    @Test
    void rootPolicy_isRefusedInEitherSpelling() {
        for (Map<String, Object> f : List.<Map<String, Object>>of(Map.of("token_policies", "root"), Map.of("policies", "dev, Root"),
                Map.of("token_policies", List.of("ROOT")))) {
            CofferException e = catchThrowableOfType(CofferException.class, () -> update(TokenSettings.DEFAULT, f));
            assertThat(e).as(f.toString()).isNotNull();
            assertThat(e.kind()).isEqualTo(CofferException.Kind.INVALID_REQUEST);
        }
    }

    @Test
    void login_refusesStoredRootPolicyAndTakesTheStricterMaximum() {
        TokenSettings root = new TokenSettings(List.of("root"), 0, 0, 0, 0, 0, List.of(), false, "default", null);
        assertThat(catchThrowableOfType(CofferException.class, () -> root.login("", Map.of(), "", List.of())).kind())
                .isEqualTo(CofferException.Kind.PERMISSION_DENIED);

        TokenSettings s = new TokenSettings(List.of("p"), 10, 100, 50, 0, 0, List.of("10.0.0.0/8"), false, "default", null);
        Login login = s.login("n", Map.of("k", "v"), "alias", List.of());
        assertThat(login.maxTtl()).isEqualTo(50);
        assertThat(login.boundCidrs()).containsExactly("10.0.0.0/8");
        assertThat(s.login("n", Map.of(), "alias", List.of("10.1.0.0/16")).boundCidrs()).containsExactly("10.1.0.0/16");
    }

    @Test
    void storedForm_roundTripsThroughJson() {
        TokenSettings s = update(TokenSettings.DEFAULT, Map.of("policies", "a", "token_bound_cidrs", "127.0.0.1/32", "token_period", 5));
        assertThat(Json.read(Json.write(s), TokenSettings.class)).isEqualTo(s);
    }

    @Test
    void mountMaxTtl_fallsBackToTheSystemMaximum() {
        MountEntry unset = new MountEntry("a/", "approle", "", "u", "a", Map.of(), null, false, false);
        MountEntry set = new MountEntry("a/", "approle", "", "u", "a", Map.of(), new MountEntry.MountConfig(0, 60, false), false, false);
        assertThat(TokenSettings.mountMaxTtl(unset)).isEqualTo(768L * 3600);
        assertThat(TokenSettings.mountMaxTtl(set)).isEqualTo(60);
    }
}
