package io.coffer.core.auth.approle;

import io.coffer.core.error.ClientText;
import io.coffer.core.net.CidrBlock;
import io.coffer.core.auth.TokenSettings;
import io.coffer.core.engine.EngineRequest;
import io.coffer.core.engine.PathRoute;
import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.RequestData;
import io.coffer.core.logical.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A role's secret IDs: {@code secret-id} (generate; LIST for the accessors), {@code custom-secret-id},
 * {@code secret-id/lookup}, {@code secret-id/destroy}, {@code secret-id-accessor/lookup},
 * {@code secret-id-accessor/destroy}, and {@code tidy/secret-id}, which removes expired ones.
 */
final class SecretIdPaths {

    private final RoleStore roles;
    private final SecretIdStore secretIds;

    SecretIdPaths(RoleStore roles, SecretIdStore secretIds) {
        this.roles = roles;
        this.secretIds = secretIds;
    }

    List<PathRoute> routes() {
        return List.of(
                RolePaths.rolePath("/secret-id/?")
                        .on(Operation.UPDATE, r -> issue(r, UUID.randomUUID().toString()))
                        .on(Operation.LIST, this::listAccessors)
                        .synopsis("Generates a new secret ID for the role, or lists the accessors of its secret IDs."),
                RolePaths.rolePath("/custom-secret-id")
                        .on(Operation.UPDATE, r -> issue(r, trimmed(r.fields(), "secret_id")))
                        .synopsis("Assigns a secret ID of the caller's choosing to the role."),
                RolePaths.rolePath("/secret-id/lookup")
                        .on(Operation.UPDATE, this::lookup)
                        .synopsis("Reads the properties of a secret ID."),
                RolePaths.rolePath("/secret-id/destroy")
                        .on(Operation.UPDATE, this::destroy)
                        .on(Operation.DELETE, this::destroy)
                        .synopsis("Invalidates a secret ID."),
                RolePaths.rolePath("/secret-id-accessor/lookup")
                        .on(Operation.UPDATE, this::lookupByAccessor)
                        .synopsis("Reads the properties of the secret ID an accessor names."),
                RolePaths.rolePath("/secret-id-accessor/destroy")
                        .on(Operation.UPDATE, this::destroyByAccessor)
                        .on(Operation.DELETE, this::destroyByAccessor)
                        .synopsis("Invalidates the secret ID an accessor names."),
                PathRoute.path("tidy/secret-id")
                        .on(Operation.UPDATE, r -> tidy())
                        .synopsis("Removes expired secret IDs."));
    }

    private Response issue(EngineRequest r, String secretId) {
        String name = RolePaths.name(r);
        if (secretId.isEmpty()) {
            throw CofferException.invalid("missing secret_id");
        }
        RequestData f = r.fields();
        SecretIdStore.Issued issued = roles.reading(() -> {
            Role role = roles.require(name);
            if (!role.bindSecretId()) {
                throw CofferException.invalid("bind_secret_id is not set on the role");
            }
            return secretIds.issue(name, secretId, spec(role, f), TokenSettings.mountMaxTtl(r.mount()));
        });
        Map<String, Object> data = new TreeMap<>();
        data.put("secret_id", issued.secretId());
        data.put("secret_id_accessor", issued.accessor());
        data.put("secret_id_num_uses", issued.numUses());
        data.put("secret_id_ttl", issued.effectiveTtl());
        return Response.of(data);
    }

    /** The request's secret ID settings, checked against the role's as Vault checks them. */
    private static SecretIdStore.Spec spec(Role role, RequestData f) {
        List<String> cidrs = CidrBlock.validate("cidr_list", f.stringList("cidr_list").orElse(List.of()), false);
        if (!CidrBlock.isSubset(role.boundCidrs(), cidrs)) {
            throw CofferException.invalid("failed to verify subset relationship between CIDR blocks on the role "
                    + role.boundCidrs() + " and CIDR blocks on the secret ID " + ClientText.escape(cidrs.toString()));
        }
        List<String> tokenCidrs = CidrBlock.validate("token_bound_cidrs", f.stringList("token_bound_cidrs").orElse(List.of()),
                true);
        if (!CidrBlock.isSubset(role.token().boundCidrs(), tokenCidrs)) {
            throw CofferException.invalid("failed to verify subset relationship between CIDR blocks on the role "
                    + role.token().boundCidrs() + " and CIDR blocks on the secret ID " + ClientText.escape(tokenCidrs.toString()));
        }
        int numUses = role.secretIdNumUses();
        Optional<Integer> givenUses = TokenSettings.intField(f, "num_uses");
        if (givenUses.isPresent()) {
            numUses = givenUses.get();
            if (numUses < 0) {
                throw CofferException.invalid("num_uses cannot be negative");
            }
            int max = role.secretIdNumUses();
            if (max > 0 && (numUses == 0 || numUses > max)) {
                throw CofferException.invalid("num_uses cannot be higher than the role's secret_id_num_uses");
            }
        }
        long ttl = role.secretIdTtl();
        Optional<Long> givenTtl = f.durationSeconds("ttl");
        if (givenTtl.isPresent()) {
            ttl = givenTtl.get();
            long max = role.secretIdTtl();
            if (ttl < 0 || (max > 0 && (ttl == 0 || ttl > max))) {
                throw CofferException.invalid("ttl cannot be longer than the role's secret_id_ttl");
            }
        }
        Map<String, String> metadata = SecretIdMetadata.parse(f.string("metadata").orElse(""));
        return new SecretIdStore.Spec(numUses, ttl, metadata, cidrs, tokenCidrs);
    }

    private Response listAccessors(EngineRequest r) {
        String name = RolePaths.name(r);
        List<String> accessors = roles.reading(() -> {
            if (roles.find(name).isEmpty()) {
                // Vault answers this one 400, not 404.
                throw CofferException.invalid("role " + ClientText.quote(name) + " does not exist");
            }
            return secretIds.accessors(name);
        });
        if (accessors.isEmpty()) {
            throw RolePaths.nothing();
        }
        return Response.of(Map.of("keys", accessors));
    }

    private Response lookup(EngineRequest r) {
        String name = RolePaths.name(r);
        String secretId = required(r.fields(), "secret_id");
        Optional<SecretIdEntry> entry = roles.reading(() -> {
            roles.require(name);
            return secretIds.lookup(name, secretId);
        });
        // Vault answers a lookup of an unknown secret ID with 204 and no body.
        return entry.map(e -> Response.of(e.render())).orElseGet(Response::empty);
    }

    private Response destroy(EngineRequest r) {
        String name = RolePaths.name(r);
        String secretId = required(r.fields(), "secret_id");
        roles.reading(() -> {
            roles.require(name);
            secretIds.destroy(name, secretId);
            return null;
        });
        return Response.empty();
    }

    private Response lookupByAccessor(EngineRequest r) {
        String name = RolePaths.name(r);
        String accessor = required(r.fields(), "secret_id_accessor");
        Optional<SecretIdEntry> entry = roles.reading(() -> {
            roles.require(name);
            return secretIds.lookupByAccessor(name, accessor);
        });
        return entry.map(e -> Response.of(e.render())).orElseGet(Response::empty);
    }

    private Response destroyByAccessor(EngineRequest r) {
        String name = RolePaths.name(r);
        String accessor = required(r.fields(), "secret_id_accessor");
        roles.reading(() -> {
            roles.require(name);
            secretIds.destroyByAccessor(name, accessor);
            return null;
        });
        return Response.empty();
    }

    private Response tidy() {
        int removed = roles.reading(() -> roles.names().stream().mapToInt(secretIds::deleteExpired).sum());
        return Response.empty().withWarning("tidy of secret IDs finished: " + removed + " expired secret ID(s) removed")
                .withStatus(202);
    }

    private static String trimmed(RequestData f, String field) {
        return f.string(field).map(String::trim).orElse("");
    }

    private static String required(RequestData f, String field) {
        String v = trimmed(f, field);
        if (v.isEmpty()) {
            throw CofferException.invalid("missing " + field);
        }
        return v;
    }
}
