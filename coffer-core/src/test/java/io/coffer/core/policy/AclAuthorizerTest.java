package io.coffer.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.core.barrier.AesGcm;
import io.coffer.core.barrier.AesGcmBarrier;
import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.Request;
import io.coffer.core.storage.InMemoryStorage;
import io.coffer.core.token.TokenEntry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AclAuthorizerTest {

    private final AesGcmBarrier barrier = new AesGcmBarrier(new InMemoryStorage(), Clock.systemUTC());
    private final PolicyStore policies = new PolicyStore(barrier);
    /** Two mounts exist: secret/ and team/kv/. */
    private final AclAuthorizer authorizer = new AclAuthorizer(policies, p -> p.startsWith("secret/") ? Optional.of("secret/")
            : p.startsWith("team/kv/") ? Optional.of("team/kv/") : Optional.empty());

    @BeforeEach
    void unseal() {
        barrier.initialize(AesGcm.newKey());
        policies.afterUnseal();
    }

    private static TokenEntry token(String... policyNames) {
        return new TokenEntry("acc", List.of(policyNames), "auth/token/create", Map.of(), "token", 0, 0, 0, 0, "", false, 0,
                "service");
    }

    private static Request request(Operation op, String path, Map<String, Object> data) {
        return Request.builder(op, path).data(data).build();
    }

    private void allowed(TokenEntry token, Operation op, String path) {
        assertThatCode(() -> authorizer.authorize(token, request(op, path, Map.of()), op)).as(op + " " + path)
                .doesNotThrowAnyException();
    }

    private void denied(TokenEntry token, Operation op, String path) {
        assertThatThrownBy(() -> authorizer.authorize(token, request(op, path, Map.of()), op)).as(op + " " + path)
                .isInstanceOf(CofferException.class)
                .hasMessage("permission denied")
                .satisfies(e -> assertThat(((CofferException) e).kind()).isEqualTo(CofferException.Kind.PERMISSION_DENIED));
    }

    @Test
    void mountPreflight_isOpenToTokensThatReachSomethingInTheMount() {
        policies.put("one-secret", "path \"secret/data/app/db\" { capabilities = [\"read\"] }");
        policies.put("team-glob", "path \"team/+/data/*\" { capabilities = [\"list\"] }");
        policies.put("denier", "path \"secret/*\" { capabilities = [\"deny\"] }");
        allowed(token("one-secret"), Operation.READ, "sys/internal/ui/mounts/secret/app/db");
        denied(token("one-secret"), Operation.READ, "sys/internal/ui/mounts/team/kv/x");
        allowed(token("team-glob"), Operation.READ, "sys/internal/ui/mounts/team/kv/x");
        denied(token("denier"), Operation.READ, "sys/internal/ui/mounts/secret/app");
        denied(token("one-secret"), Operation.READ, "sys/internal/ui/mounts/nomount/x");
        denied(token("one-secret"), Operation.READ, "secret/data/app/other");
    }

    @Test
    void rootToken_mayDoAnything() {
        TokenEntry root = token("root");
        allowed(root, Operation.UPDATE, "sys/seal");
        allowed(root, Operation.DELETE, "sys/audit/file");
        allowed(root, Operation.READ, "anything/at/all");
    }

    @Test
    void tokenWithoutPolicies_isDeniedEverywhere() {
        denied(token(), Operation.READ, "secret/data/app");
        denied(token(), Operation.UPDATE, "sys/capabilities-self");
    }

    @Test
    void defaultPolicy_grantsSelfServiceOnly() {
        TokenEntry t = token("default");
        allowed(t, Operation.UPDATE, "sys/capabilities-self");
        denied(t, Operation.READ, "secret/data/app");
    }

    @Test
    void operationPassedIn_decidesCreateVersusUpdate() {
        policies.put("creator", "path \"secret/data/*\" { capabilities = [\"create\"] }");
        TokenEntry t = token("creator");
        // The pipeline passes CREATE when the route's existence check found nothing at the path.
        allowed(t, Operation.CREATE, "secret/data/new");
        denied(t, Operation.UPDATE, "secret/data/existing");
    }

    @Test
    void listChecks_appendTheTrailingSlashLikeVault() {
        policies.put("lister", "path \"secret/metadata/app/*\" { capabilities = [\"list\"] }");
        TokenEntry t = token("lister");
        allowed(t, Operation.LIST, "secret/metadata/app");
        allowed(t, Operation.LIST, "secret/metadata/app/");
        denied(t, Operation.READ, "secret/metadata/app");
        denied(t, Operation.LIST, "secret/metadata/other");
    }

    @Test
    void sudoPaths_needSudoInAddition() {
        policies.put("ops", """
                path "sys/rotate" { capabilities = ["update"] }
                path "sys/seal" { capabilities = ["update", "sudo"] }
                path "sys/audit/*" { capabilities = ["create", "update", "read", "delete", "sudo"] }
                path "sys/policies/acl/*" { capabilities = ["create", "update", "read", "delete"] }
                path "sys/mounts/*" { capabilities = ["create", "update"] }
                """);
        TokenEntry t = token("ops");
        denied(t, Operation.UPDATE, "sys/rotate");
        allowed(t, Operation.UPDATE, "sys/seal");
        allowed(t, Operation.UPDATE, "sys/audit/file");
        // Not root-protected in Vault: ordinary capabilities suffice.
        allowed(t, Operation.UPDATE, "sys/policies/acl/app");
        allowed(t, Operation.UPDATE, "sys/mounts/kv2");
    }

    @Test
    void sudoAlone_grantsNothing() {
        policies.put("sudo-only", "path \"sys/*\" { capabilities = [\"sudo\"] }");
        denied(token("sudo-only"), Operation.UPDATE, "sys/rotate");
    }

    @Test
    void requestData_isCheckedAgainstParameterConstraints() {
        policies.put("restricted", """
                path "secret/data/app" {
                  capabilities = ["create", "update"]
                  allowed_parameters = { "data" = [], "options" = [] }
                }
                """);
        TokenEntry t = token("restricted");
        assertThatCode(() -> authorizer.authorize(t, request(Operation.UPDATE, "secret/data/app", Map.of("data", Map.of("k", "v"))),
                Operation.UPDATE)).doesNotThrowAnyException();
        assertThatThrownBy(() -> authorizer.authorize(t, request(Operation.UPDATE, "secret/data/app", Map.of("smuggled", 1)),
                Operation.UPDATE)).hasMessage("permission denied");
    }

    @Test
    void policyChanges_takeEffectOnTheNextRequest() {
        TokenEntry t = token("late");
        denied(t, Operation.READ, "secret/data/app");
        policies.put("late", "path \"secret/data/app\" { capabilities = [\"read\"] }");
        allowed(t, Operation.READ, "secret/data/app");
        policies.delete("late");
        denied(t, Operation.READ, "secret/data/app");
    }
}
