package io.coffer.core.auth.approle;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.coffer.core.net.CidrBlock;
import io.coffer.core.auth.TokenSettings;
import io.coffer.core.error.CofferException;
import io.coffer.core.logical.RequestData;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * An AppRole role as stored. The role ID is kept here in the clear (behind the barrier), because
 * {@code role/<name>/role-id} must show it; the index that login uses holds only its HMAC.
 *
 * @param name               lower-case name
 * @param roleId             the role's public identifier, presented at login
 * @param bindSecretId       whether login needs a secret ID
 * @param secretIdBoundCidrs where logins may come from; null when never set (Vault shows null)
 * @param secretIdNumUses    default and maximum uses of its secret IDs; 0 for unlimited
 * @param secretIdTtl        default and maximum TTL of its secret IDs, seconds; 0 for none
 * @param localSecretIds     kept for wire compatibility (there is no replication)
 * @param token              what its logins' tokens get
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record Role(
        @JsonProperty("name") String name,
        @JsonProperty("role_id") String roleId,
        @JsonProperty("bind_secret_id") boolean bindSecretId,
        @JsonProperty("secret_id_bound_cidrs") List<String> secretIdBoundCidrs,
        @JsonProperty("secret_id_num_uses") int secretIdNumUses,
        @JsonProperty("secret_id_ttl") long secretIdTtl,
        @JsonProperty("local_secret_ids") boolean localSecretIds,
        @JsonProperty("token") TokenSettings token) {

    /** Deprecated request fields of a role and the {@code token_*} fields they set. */
    static final List<TokenSettings.Alias> ALIASES = List.of(
            new TokenSettings.Alias("policies", "token_policies"),
            new TokenSettings.Alias("period", "token_period"));

    Role {
        token = token == null ? TokenSettings.DEFAULT : token;
    }

    /** Leaves the role ID out: it is half a credential and has no business in logs. */
    @Override
    public String toString() {
        return "Role[" + name + "]";
    }

    /** The bound CIDRs, empty when none are set. */
    List<String> boundCidrs() {
        return secretIdBoundCidrs == null ? List.of() : secretIdBoundCidrs;
    }

    /**
     * The role after a write of {@code f}: to {@code current}, or a new role {@code name} when
     * {@code current} is empty, with Vault's defaults for fields not given ({@code bind_secret_id}
     * true, a random role ID). Throws {@code INVALID_REQUEST} for a bad field.
     */
    static Role written(String name, Optional<Role> current, RequestData f, List<String> warnings) {
        boolean creating = current.isEmpty();
        Role base = current.orElseGet(() -> new Role(name, "", true, null, 0, 0, false, TokenSettings.DEFAULT));

        String roleId = base.roleId;
        if (f.has("role_id")) {
            roleId = f.string("role_id").orElse("");
        } else if (creating) {
            roleId = UUID.randomUUID().toString();
        }
        if (roleId.isEmpty()) {
            throw CofferException.invalid("invalid role_id supplied, or failed to generate a role_id");
        }

        boolean bind = f.bool("bind_secret_id").orElse(base.bindSecretId);

        List<String> cidrs = base.secretIdBoundCidrs;
        Optional<List<String>> given = f.has("secret_id_bound_cidrs") ? f.stringList("secret_id_bound_cidrs")
                : f.stringList("bound_cidr_list");
        if (given.isPresent()) {
            cidrs = CidrBlock.validate(f.has("secret_id_bound_cidrs") ? "secret_id_bound_cidrs" : "bound_cidr_list",
                    given.get(), false);
        }

        int numUses = TokenSettings.intField(f, "secret_id_num_uses").orElse(base.secretIdNumUses);
        if (numUses < 0) {
            throw CofferException.invalid("secret_id_num_uses cannot be negative");
        }
        long ttl = f.durationSeconds("secret_id_ttl").orElse(base.secretIdTtl);
        if (ttl < 0) {
            throw CofferException.invalid("secret_id_ttl cannot be negative");
        }

        boolean local = base.localSecretIds;
        if (f.has("local_secret_ids")) {
            if (!creating) {
                throw CofferException.invalid("local_secret_ids can only be modified during role creation");
            }
            local = f.bool("local_secret_ids").orElse(false);
        }

        TokenSettings token = base.token.update(f, ALIASES, warnings);
        return new Role(name, roleId, bind, cidrs, numUses, ttl, local, token);
    }

    /** Throws unless some constraint guards logins, as Vault requires of every role it stores. */
    void checkConstraints() {
        if (!bindSecretId && boundCidrs().isEmpty() && token.boundCidrs().isEmpty()) {
            throw CofferException.invalid("at least one constraint should be enabled on the role");
        }
    }

    /** The body of {@code GET role/<name>}: Vault's fields, sorted as Vault writes them. */
    Map<String, Object> render() {
        Map<String, Object> m = new TreeMap<>();
        m.put("bind_secret_id", bindSecretId);
        m.put("local_secret_ids", localSecretIds);
        m.put("secret_id_bound_cidrs", secretIdBoundCidrs);
        m.put("secret_id_num_uses", secretIdNumUses);
        m.put("secret_id_ttl", secretIdTtl);
        token.render(m, ALIASES);
        return m;
    }
}
