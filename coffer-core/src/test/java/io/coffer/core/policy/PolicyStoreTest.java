package io.coffer.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.core.barrier.AesGcm;
import io.coffer.core.barrier.AesGcmBarrier;
import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Operation;
import io.coffer.core.storage.InMemoryStorage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PolicyStoreTest {

    private static final String READ_APP = "path \"secret/data/app/*\" { capabilities = [\"read\"] }\n";

    private final InMemoryStorage physical = new InMemoryStorage();
    private final AesGcmBarrier barrier = new AesGcmBarrier(physical, Clock.systemUTC());
    private final PolicyStore store = new PolicyStore(barrier);
    private byte[] rootKey;

    @BeforeEach
    void unseal() {
        rootKey = AesGcm.newKey();
        barrier.initialize(rootKey.clone());
        store.afterUnseal();
    }

    private void sealAndUnseal() {
        store.beforeSeal();
        barrier.seal();
        barrier.unseal(rootKey.clone());
        store.afterUnseal();
    }

    @Test
    void unseal_createsDefaultPolicyWithVaultsContent() {
        Policy p = store.get("default").orElseThrow();
        assertThat(p.raw()).isEqualTo(DefaultPolicy.TEXT);
        assertThat(store.names()).containsExactly("default");
        Acl acl = store.acl(List.of("default"));
        assertThat(acl.allows(Operation.READ, "auth/token/lookup-self")).isTrue();
        assertThat(acl.allows(Operation.UPDATE, "auth/token/renew-self")).isTrue();
        assertThat(acl.allows(Operation.UPDATE, "auth/token/revoke-self")).isTrue();
        assertThat(acl.allows(Operation.UPDATE, "sys/capabilities-self")).isTrue();
        assertThat(acl.allows(Operation.READ, "sys/internal/ui/resultant-acl")).isTrue();
        assertThat(acl.allows(Operation.UPDATE, "sys/leases/renew")).isTrue();
        assertThat(acl.allows(Operation.UPDATE, "sys/leases/lookup")).isTrue();
        assertThat(acl.allows(Operation.UPDATE, "sys/renew")).isTrue();
        assertThat(acl.allows(Operation.CREATE, "cubbyhole/mine")).isTrue();
        assertThat(acl.allows(Operation.LIST, "cubbyhole/")).isTrue();
        assertThat(acl.allows(Operation.UPDATE, "sys/wrapping/unwrap")).isTrue();
        assertThat(acl.allows(Operation.UPDATE, "sys/tools/hash/sha2-256")).isTrue();
        assertThat(acl.allows(Operation.UPDATE, "sys/control-group/request")).isTrue();
        assertThat(acl.allows(Operation.READ, "identity/oidc/provider/p1/authorize")).isTrue();
        // Nothing else: no secrets, no sys administration.
        assertThat(acl.allows(Operation.READ, "secret/data/app")).isFalse();
        assertThat(acl.allows(Operation.READ, "sys/policy")).isFalse();
        assertThat(acl.allows(Operation.UPDATE, "sys/capabilities")).isFalse();
        assertThat(acl.allows(Operation.READ, "sys/mounts")).isFalse();
    }

    @Test
    void unseal_neverOverwritesAnEditedDefault() {
        store.put("default", READ_APP);
        sealAndUnseal();
        assertThat(store.get("default").orElseThrow().raw()).isEqualTo(READ_APP);
    }

    @Test
    void default_isEditableButNotDeletable() {
        store.put("DEFAULT", READ_APP);
        assertThat(store.acl(List.of("default")).allows(Operation.READ, "secret/data/app/x")).isTrue();
        assertThatThrownBy(() -> store.delete("default")).isInstanceOf(CofferException.class)
                .hasMessage("cannot delete default policy")
                .satisfies(e -> assertThat(((CofferException) e).kind()).isEqualTo(CofferException.Kind.INVALID_REQUEST));
        assertThat(store.get("default")).isPresent();
    }

    @Test
    void root_isVirtualAndImmutable() {
        assertThat(store.get("root")).hasValueSatisfying(p -> {
            assertThat(p.name()).isEqualTo("root");
            assertThat(p.raw()).isEmpty();
        });
        assertThat(store.names()).doesNotContain("root");
        assertThatThrownBy(() -> store.put("Root", READ_APP)).hasMessage("cannot update \"root\" policy");
        assertThatThrownBy(() -> store.delete("root")).hasMessage("cannot delete \"root\" policy");
        assertThat(store.acl(List.of("nothing", "root")).capabilities("any/path")).containsExactly("root");
    }

    @Test
    void names_areTrimmedAndLowerCased() {
        store.put("  App-Read ", READ_APP);
        assertThat(store.names()).containsExactly("app-read", "default");
        assertThat(store.get("APP-READ")).hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("app-read"));
        assertThat(store.acl(List.of("App-Read")).allows(Operation.READ, "secret/data/app/x")).isTrue();
    }

    @Test
    void names_withSlashesAreStoredAndListed() {
        store.put("team/dev", READ_APP);
        store.put("team/ops/oncall", READ_APP);
        assertThat(store.names()).containsExactly("default", "team/dev", "team/ops/oncall");
        store.delete("team/dev");
        assertThat(store.names()).containsExactly("default", "team/ops/oncall");
    }

    @Test
    void names_withEmptyOrRelativeSegmentsAreRefused() {
        for (String bad : List.of("a//b", "a/../b", "./a", "a/", "", "a\u0001")) {
            assertThatThrownBy(() -> store.put(bad, READ_APP)).as(bad).isInstanceOf(CofferException.class)
                    .satisfies(e -> assertThat(((CofferException) e).kind()).isEqualTo(CofferException.Kind.INVALID_REQUEST));
        }
        assertThat(store.names()).containsExactly("default");
    }

    @Test
    void put_unparsableDocumentStoresNothing() {
        store.put("app", READ_APP);
        assertThatThrownBy(() -> store.put("app", "path \"x\" { capabilities = [\"reed\"] }"))
                .isInstanceOf(PolicyParseException.class).hasMessageContaining("invalid capability \"reed\"");
        assertThatThrownBy(() -> store.put("other", "path \"x\" {")).isInstanceOf(PolicyParseException.class);
        assertThat(store.get("app").orElseThrow().raw()).isEqualTo(READ_APP);
        assertThat(store.names()).containsExactly("app", "default");
    }

    @Test
    void delete_missingPolicySucceeds() {
        store.delete("never-existed");
        assertThat(store.get("never-existed")).isEmpty();
    }

    @Test
    void acl_unknownPoliciesGrantNothing() {
        assertThat(store.acl(List.of("ghost")).capabilities("secret/data/app/x")).containsExactly("deny");
    }

    @Test
    void acl_isCachedPerPolicySetAndRecompiledAfterAChange() {
        store.put("app", READ_APP);
        Acl first = store.acl(List.of("app", "default"));
        assertThat(store.acl(List.of("default", "APP", "app"))).isSameAs(first);
        assertThat(first.allows(Operation.UPDATE, "secret/data/app/x")).isFalse();

        store.put("app", "path \"secret/data/app/*\" { capabilities = [\"read\", \"update\"] }");
        Acl second = store.acl(List.of("app", "default"));
        assertThat(second).isNotSameAs(first);
        assertThat(second.allows(Operation.UPDATE, "secret/data/app/x")).isTrue();

        store.delete("app");
        assertThat(store.acl(List.of("app", "default")).allows(Operation.READ, "secret/data/app/x")).isFalse();
    }

    @Test
    void policies_surviveSealAndUnseal() {
        store.put("app", READ_APP);
        sealAndUnseal();
        assertThat(store.acl(List.of("app")).allows(Operation.READ, "secret/data/app/x")).isTrue();
    }

    @Test
    void storage_holdsPoliciesOnlyEncrypted() {
        store.put("app", "path \"secret/data/very-distinctive-marker/*\" { capabilities = [\"read\"] }");
        assertThat(barrier.get(PolicyStore.STORAGE_PREFIX + "app")).isPresent();
        for (String key : physical.list(PolicyStore.STORAGE_PREFIX)) {
            String plain = new String(physical.get(PolicyStore.STORAGE_PREFIX + key).orElseThrow(), StandardCharsets.ISO_8859_1);
            assertThat(plain).doesNotContain("very-distinctive-marker").doesNotContain("capabilities");
        }
        assertThat(physical.list(PolicyStore.STORAGE_PREFIX)).contains("app", "default");
    }

    @Test
    void sealed_storeRefusesToWork() {
        store.beforeSeal();
        barrier.seal();
        assertThatThrownBy(() -> store.acl(List.of("default"))).isInstanceOf(CofferException.class)
                .satisfies(e -> assertThat(((CofferException) e).kind()).isEqualTo(CofferException.Kind.SEALED));
    }

    @Test
    void acl_resolvesStoredNamesThroughTheSameNormalization_andInvalidOnesGrantNothing() {
        store.put("app", READ_APP);
        assertThat(store.acl(List.of("App ")).allows(Operation.READ, "secret/data/app/x")).isTrue();
        // Tokens issued before names were validated may hold such names: never root, never another policy.
        assertThat(store.acl(List.of("root\u2003"))).isNotSameAs(Acl.root());
        assertThat(store.acl(List.of("root\u2003")).allows(Operation.READ, "sys/policies/acl/app")).isFalse();
        assertThat(store.acl(List.of("app\u200b")).allows(Operation.READ, "secret/data/app/x")).isFalse();
        assertThat(PolicyStore.effectiveNames(List.of("b", "root\u2003", "A"))).containsExactly("a", "b");
        List<String> canonical = List.of("a", "default");
        assertThat(PolicyStore.effectiveNames(canonical)).isSameAs(canonical);
    }

    @Test
    void put_refusesNamesThatAreNotPlainAscii() {
        for (String name : List.of("admin\u200b", "root\u2003", "adm\u0131n")) {
            assertThatThrownBy(() -> store.put(name, READ_APP)).isInstanceOfSatisfying(CofferException.class,
                    e -> assertThat(e.kind()).isEqualTo(CofferException.Kind.INVALID_REQUEST));
        }
        assertThat(store.names()).containsExactly("default");
    }

    @Test
    void delete_removesAPolicyStoredUnderANameNowRefused_byItsExactListedName() {
        // As an older version stored it: any name without control characters.
        barrier.put(PolicyStore.STORAGE_PREFIX + "old policy\u2003", io.coffer.core.json.Json.write(
                new PolicyStore.Stored("old policy\u2003", READ_APP)));
        assertThat(store.names()).contains("old policy\u2003");
        assertThatThrownBy(() -> store.delete("old policy")).isInstanceOf(CofferException.class);
        store.delete("old policy\u2003");
        assertThat(store.names()).containsExactly("default");
    }
}
