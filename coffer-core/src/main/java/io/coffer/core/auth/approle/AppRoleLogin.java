package io.coffer.core.auth.approle;

import io.coffer.core.error.ClientText;
import io.coffer.core.net.CidrBlock;
import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Login;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks AppRole credentials and says what token they earn. Unknown role IDs, unknown, used-up
 * and expired secret IDs all get the same 400 {@code invalid role or secret ID}, so the answer
 * never tells which of the two was wrong; a refused login changes nothing (an expired secret ID
 * is deleted, it was dead already).
 */
final class AppRoleLogin {

    private final RoleStore roles;
    private final SecretIdStore secretIds;

    AppRoleLogin(RoleStore roles, SecretIdStore secretIds) {
        this.roles = roles;
        this.secretIds = secretIds;
    }

    static CofferException invalidCredentials() {
        return CofferException.invalid("invalid role or secret ID");
    }

    /** The login for {@code roleId} and {@code secretId} (ignored when the role binds none) from {@code remoteAddress}. */
    Login login(String roleId, String secretId, String remoteAddress) {
        if (roleId.isEmpty()) {
            throw CofferException.invalid("missing role_id");
        }
        return roles.reading(() -> {
            Role role = roles.findByRoleId(roleId).orElseThrow(AppRoleLogin::invalidCredentials);
            // The role's CIDRs before the secret ID: a client outside them learns nothing about
            // the secret ID and spends none of its uses.
            if (!role.boundCidrs().isEmpty() && !CidrBlock.anyContains(role.boundCidrs(), remoteAddress)) {
                throw CofferException.invalid("source address " + ClientText.quote(remoteAddress)
                        + " unauthorized by CIDR restrictions on the role");
            }
            Map<String, String> metadata = new LinkedHashMap<>();
            List<String> tokenCidrs = List.of();
            if (role.bindSecretId()) {
                if (secretId.isEmpty()) {
                    throw CofferException.invalid("missing secret_id");
                }
                Optional<SecretIdEntry> spent = secretIds.spend(role.name(), secretId, remoteAddress);
                SecretIdEntry entry = spent.orElseThrow(AppRoleLogin::invalidCredentials);
                metadata.putAll(entry.metadata());
                tokenCidrs = entry.tokenBoundCidrs();
            }
            // Always present, so that tokens can be traced back to their role.
            metadata.put("role_name", role.name());
            return role.token().login("", metadata, role.roleId(), tokenCidrs);
        });
    }
}
