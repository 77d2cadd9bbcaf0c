package io.coffer.core.auth.kubernetes;

import io.coffer.core.auth.TokenSettings;
import io.coffer.core.auth.workload.RoleFields;
import io.coffer.core.auth.workload.RoleStore;
import io.coffer.core.engine.EngineRequest;
import io.coffer.core.engine.PathRoute;
import io.coffer.core.error.ClientText;
import io.coffer.core.error.CofferException;
import io.coffer.core.logical.RequestData;
import io.coffer.core.logical.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code role/} (LIST) and {@code role/<name>} (read, write, delete) with Vault's fields and checks.
 * A namespace label selector needs namespace reads from the Kubernetes API and is refused as not
 * supported yet.
 */
final class KubernetesRolePaths {

    private final RoleStore<KubernetesRole> roles;

    KubernetesRolePaths(RoleStore<KubernetesRole> roles) {
        this.roles = roles;
    }

    List<PathRoute> routes() {
        return roles.routes(this::read, this::write);
    }

    private Response read(EngineRequest req) {
        KubernetesRole r = roles.get(req.param("name")).orElseThrow(RoleFields::notFound);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("alias_name_source", r.aliasNameSource());
        if (!r.audience().isEmpty()) {
            d.put("audience", r.audience());
        }
        d.put("bound_service_account_names", r.serviceAccountNames());
        d.put("bound_service_account_namespace_selector", "");
        d.put("bound_service_account_namespaces", r.serviceAccountNamespaces());
        r.token().render(d, RoleFields.TOKEN_ALIASES);
        return Response.of(d);
    }

    private Response write(EngineRequest req) {
        String name = req.param("name");
        RequestData f = req.fields();
        KubernetesRole current = roles.get(name).orElse(KubernetesRole.NEW);
        List<String> warnings = new ArrayList<>();
        TokenSettings token = RoleFields.tokenSettings(current.token(), f, req.mount(), warnings);

        List<String> names = f.stringList("bound_service_account_names").orElse(current.serviceAccountNames());
        if (names.isEmpty()) {
            throw CofferException.invalid("\"bound_service_account_names\" can not be empty");
        }
        if (names.size() > 1 && names.contains("*")) {
            throw CofferException.invalid("can not mix \"*\" with values");
        }
        if (!f.string("bound_service_account_namespace_selector").orElse("").isBlank()) {
            throw CofferException.invalid("bound_service_account_namespace_selector needs to read namespaces from the "
                    + "Kubernetes API, which Coffer does not do yet; list the namespaces in bound_service_account_namespaces");
        }
        List<String> namespaces = f.stringList("bound_service_account_namespaces").orElse(current.serviceAccountNamespaces());
        if (namespaces.isEmpty()) {
            throw CofferException.invalid("\"bound_service_account_namespaces\" can not be empty if "
                    + "\"bound_service_account_namespace_selector\" is not set");
        }
        if (namespaces.size() > 1 && namespaces.contains("*")) {
            throw CofferException.invalid("can not mix \"*\" with values");
        }
        String audience = f.string("audience").orElse(current.audience());
        String aliasSource = f.string("alias_name_source").filter(s -> !s.isEmpty())
                .orElse(current.aliasNameSource().isEmpty() ? KubernetesRole.ALIAS_BY_UID : current.aliasNameSource());
        if (!aliasSource.equals(KubernetesRole.ALIAS_BY_UID) && !aliasSource.equals(KubernetesRole.ALIAS_BY_NAME)) {
            throw CofferException.invalid("invalid alias_name_source, must be one of: serviceaccount_uid, serviceaccount_name");
        }
        roles.put(name, new KubernetesRole(names, namespaces, audience, aliasSource, token));

        Response response = Response.empty();
        warnings.forEach(response::withWarning);
        if (token.maxTtl() > TokenSettings.mountMaxTtl(req.mount())) {
            response.withWarning("max_ttl is greater than the system or backend mount's maximum TTL value; issued tokens' "
                    + "max TTL value will be truncated");
        }
        if (audience.isBlank()) {
            response.withWarning("Role " + ClientText.escape(RoleStore.key(name)) + " does not have an audience configured. While audiences are "
                    + "not required, consider specifying one if your use case would benefit from additional JWT claim "
                    + "verification.");
        }
        return response;
    }
}
