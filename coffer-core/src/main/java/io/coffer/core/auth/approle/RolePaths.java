package io.coffer.core.auth.approle;

import io.coffer.core.auth.Names;
import io.coffer.core.auth.TokenSettings;
import io.coffer.core.engine.EngineRequest;
import io.coffer.core.engine.PathRoute;
import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.RequestData;
import io.coffer.core.logical.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code role/} (LIST), {@code role/<name>} (read, create/update, delete), {@code role/<name>/role-id}
 * and the one-field paths such as {@code role/<name>/token-ttl} that Vault offers so that ACL
 * policies can delegate single settings.
 */
final class RolePaths {

    /** A route fragment naming a role, captured as {@code role}. */
    static final String ROLE = "role/(?<role>" + Names.PATTERN + ")";

    /** One single-setting path: the fields a read shows, the fields a write takes, what a delete restores. */
    private record FieldPath(String suffix, List<String> shown, List<String> inputs, Map<String, Object> reset) {
    }

    private static final List<FieldPath> FIELD_PATHS = List.of(
            new FieldPath("policies", List.of("policies", "token_policies"), List.of("token_policies", "policies"),
                    Map.of("token_policies", List.of())),
            new FieldPath("secret-id-num-uses", List.of("secret_id_num_uses"), List.of("secret_id_num_uses"),
                    Map.of("secret_id_num_uses", 0)),
            new FieldPath("secret-id-ttl", List.of("secret_id_ttl"), List.of("secret_id_ttl"), Map.of("secret_id_ttl", 0)),
            new FieldPath("token-ttl", List.of("token_ttl"), List.of("token_ttl"), Map.of("token_ttl", 0)),
            new FieldPath("token-max-ttl", List.of("token_max_ttl"), List.of("token_max_ttl"), Map.of("token_max_ttl", 0)),
            new FieldPath("token-num-uses", List.of("token_num_uses"), List.of("token_num_uses"), Map.of("token_num_uses", 0)),
            new FieldPath("bind-secret-id", List.of("bind_secret_id"), List.of("bind_secret_id"), Map.of("bind_secret_id", true)),
            new FieldPath("secret-id-bound-cidrs", List.of("secret_id_bound_cidrs"), List.of("secret_id_bound_cidrs"),
                    Map.of("secret_id_bound_cidrs", List.of())),
            new FieldPath("token-bound-cidrs", List.of("token_bound_cidrs"), List.of("token_bound_cidrs"),
                    Map.of("token_bound_cidrs", List.of())),
            new FieldPath("period", List.of("period", "token_period"), List.of("token_period", "period"),
                    Map.of("token_period", 0)),
            new FieldPath("local-secret-ids", List.of("local_secret_ids"), List.of(), Map.of()));

    private final RoleStore roles;

    RolePaths(RoleStore roles) {
        this.roles = roles;
    }

    List<PathRoute> routes() {
        List<PathRoute> out = new ArrayList<>();
        out.add(PathRoute.path("role/?").on(Operation.LIST, r -> list())
                .synopsis("Lists all the roles registered with the backend."));
        out.add(rolePath("")
                .on(Operation.READ, this::read)
                .on(Operation.UPDATE, this::write)
                .on(Operation.DELETE, this::delete)
                .existenceCheck(r -> roles.find(name(r)).isPresent())
                .synopsis("Register a role with the backend."));
        out.add(rolePath("/role-id")
                .on(Operation.READ, this::readRoleId)
                .on(Operation.UPDATE, this::writeRoleId)
                .synopsis("Returns the 'role_id' of the role."));
        for (FieldPath field : FIELD_PATHS) {
            PathRoute.Builder b = rolePath("/" + field.suffix()).on(Operation.READ, r -> readField(r, field));
            if (!field.inputs().isEmpty()) {
                b.on(Operation.UPDATE, r -> writeField(r, field)).on(Operation.DELETE, r -> resetField(r, field));
            }
            out.add(b.synopsis("Reads or changes the role's " + field.shown().get(field.shown().size() - 1) + "."));
        }
        return out;
    }

    /** A route under {@code role/<name>}; the name is authorized in the stored form {@link #name} reads. */
    static PathRoute.Builder rolePath(String suffix) {
        return PathRoute.path(ROLE + suffix).caseInsensitive("role", Names::canonical);
    }

    /** The role name of the request, in stored (lower-case) form. */
    static String name(EngineRequest r) {
        String name = r.param("role");
        if (name.getBytes(StandardCharsets.UTF_8).length > Names.MAX_BYTES) {
            throw CofferException.invalid("role_name is longer than maximum of " + Names.MAX_BYTES + " bytes");
        }
        return Names.canonical(name);
    }

    /** Vault's answer to a read of nothing: 404 with an empty error list. */
    static CofferException nothing() {
        return new CofferException(CofferException.Kind.NOT_FOUND, List.of());
    }

    private Response list() {
        List<String> names = roles.names();
        if (names.isEmpty()) {
            throw nothing();
        }
        return Response.of(Map.of("keys", names));
    }

    private Response read(EngineRequest r) {
        return Response.of(roles.find(name(r)).orElseThrow(RolePaths::nothing).render());
    }

    private Response write(EngineRequest r) {
        String name = name(r);
        List<String> warnings = new ArrayList<>();
        Role role = roles.update(name, current -> Role.written(name, current, r.fields(), warnings));
        if (role.token().maxTtl() > TokenSettings.mountMaxTtl(r.mount())) {
            warnings.add("token_max_ttl is greater than the backend mount's maximum TTL value; issued tokens' max TTL "
                    + "value will be truncated");
        }
        Response response = Response.empty();
        warnings.forEach(response::withWarning);
        return response;
    }

    private Response delete(EngineRequest r) {
        roles.delete(name(r));
        return Response.empty();
    }

    private Response readRoleId(EngineRequest r) {
        Role role = roles.find(name(r)).orElseThrow(RolePaths::nothing);
        return Response.of(Map.of("role_id", role.roleId()));
    }

    private Response writeRoleId(EngineRequest r) {
        String name = name(r);
        String roleId = r.fields().string("role_id").orElse("");
        if (roleId.isEmpty()) {
            throw CofferException.invalid("missing role_id");
        }
        roles.update(name, current -> Role.written(name, Optional.of(existing(current)), new RequestData(Map.of("role_id", roleId)),
                new ArrayList<>()));
        return Response.empty();
    }

    private Response readField(EngineRequest r, FieldPath field) {
        Map<String, Object> all = roles.find(name(r)).orElseThrow(RolePaths::nothing).render();
        Map<String, Object> shown = new TreeMap<>();
        for (String key : field.shown()) {
            if (all.containsKey(key)) {
                shown.put(key, all.get(key));
            }
        }
        return Response.of(shown);
    }

    private Response writeField(EngineRequest r, FieldPath field) {
        String name = name(r);
        RequestData f = r.fields();
        Map<String, Object> given = new LinkedHashMap<>();
        for (String input : field.inputs()) {
            f.raw(input).ifPresent(v -> given.put(input, v));
        }
        if (given.isEmpty()) {
            throw CofferException.invalid("missing " + field.inputs().get(0));
        }
        roles.update(name, current -> Role.written(name, Optional.of(existing(current)), new RequestData(given),
                new ArrayList<>()));
        return Response.empty();
    }

    private Response resetField(EngineRequest r, FieldPath field) {
        String name = name(r);
        if (roles.find(name).isEmpty()) {
            return Response.empty();
        }
        roles.update(name, current -> Role.written(name, Optional.of(existing(current)), new RequestData(field.reset()),
                new ArrayList<>()));
        return Response.empty();
    }

    /** The role a single-setting write changes; Vault answers a write to a missing role with 404. */
    private static Role existing(Optional<Role> current) {
        return current.orElseThrow(() -> CofferException.notFound("unsupported path"));
    }
}
