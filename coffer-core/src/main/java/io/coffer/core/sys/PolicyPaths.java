package io.coffer.core.sys;

import io.coffer.core.engine.EngineRequest;
import io.coffer.core.engine.PathRoute;
import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.RequestData;
import io.coffer.core.logical.Response;
import io.coffer.core.policy.Policy;
import io.coffer.core.policy.PolicyNames;
import io.coffer.core.policy.PolicyStore;
import io.coffer.core.token.TokenEntry;
import io.coffer.core.token.TokenStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ACL policy management and capability queries with Vault's wire shapes:
 * <ul>
 *   <li>{@code sys/policies/acl} (LIST {@code {keys}}), {@code sys/policies/acl/:name} (GET
 *       {@code {name, policy}}, PUT {@code {policy}}, DELETE);</li>
 *   <li>the older {@code sys/policy} (GET or LIST {@code {keys, policies}}) and
 *       {@code sys/policy/:name} (GET {@code {name, rules}}, PUT {@code {policy}} or
 *       {@code {rules}}, DELETE), which Spring Vault and node-vault still call;</li>
 *   <li>{@code sys/capabilities-self} and {@code sys/capabilities} ({@code {paths}}, or the older
 *       {@code {path}}), answering a capability list per path plus {@code capabilities} when one
 *       path was asked.</li>
 * </ul>
 * Like every {@code sys/} answer, the data keys are repeated at the top level of the envelope.
 */
final class PolicyPaths {

    private final PolicyStore policies;
    private final TokenStore tokens;

    PolicyPaths(PolicyStore policies, TokenStore tokens) {
        this.policies = policies;
        this.tokens = tokens;
    }

    List<PathRoute> routes() {
        return List.of(
                PathRoute.path("policy/?").on(Operation.READ, r -> list(true))
                        .on(Operation.LIST, r -> list(true))
                        .synopsis("Lists the ACL policies (legacy endpoint)."),
                PathRoute.path("policy/(?<name>.+)").on(Operation.READ, r -> read(r, "rules"))
                        .on(Operation.UPDATE, r -> write(r, true))
                        .on(Operation.DELETE, this::delete)
                        .synopsis("Reads, writes or deletes an ACL policy (legacy endpoint)."),
                PathRoute.path("policies/acl/?").on(Operation.LIST, r -> list(false))
                        .synopsis("Lists the ACL policies."),
                PathRoute.path("policies/acl/(?<name>.+)").on(Operation.READ, r -> read(r, "policy"))
                        .on(Operation.UPDATE, r -> write(r, false))
                        .on(Operation.DELETE, this::delete)
                        .synopsis("Reads, writes or deletes an ACL policy."),
                PathRoute.path("capabilities-self").on(Operation.UPDATE, r -> capabilitiesOf(r, selfToken(r)))
                        .synopsis("The calling token's capabilities on the given paths."),
                PathRoute.path("capabilities").on(Operation.UPDATE, r -> capabilitiesOf(r, namedToken(r)))
                        .synopsis("A given token's capabilities on the given paths."));
    }

    /** Stored names plus the virtual {@code root}, appended last as Vault does. */
    private Response list(boolean legacy) {
        List<String> names = new ArrayList<>(policies.names());
        names.add(PolicyStore.ROOT);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("keys", names);
        if (legacy) {
            data.put("policies", names);
        }
        return Response.of(data).copyingDataToTopLevel();
    }

    private Response read(EngineRequest r, String documentField) {
        Policy policy = policies.get(r.param("name"))
                // Vault answers a missing policy with an empty 404.
                .orElseThrow(() -> new CofferException(CofferException.Kind.NOT_FOUND, List.of()));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", policy.name());
        data.put(documentField, policy.raw());
        return Response.of(data).copyingDataToTopLevel();
    }

    private Response write(EngineRequest r, boolean legacy) {
        String name = r.param("name");
        RequestData fields = r.fields();
        List<String> warnings = new ArrayList<>();
        String normalized = PolicyNames.normalize(name);
        if (!normalized.isEmpty() && !name.equals(normalized)) {
            warnings.add("policy name was converted to " + normalized);
        }
        String document = fields.string("policy").orElse("");
        if (document.isEmpty() && legacy) {
            document = fields.string("rules").orElse("");
            warnings.add("'rules' is deprecated, please use 'policy' instead");
        }
        if (document.isEmpty()) {
            throw CofferException.invalid("'policy' parameter not supplied or empty");
        }
        policies.put(name, unwrapBase64(document));
        Response response = Response.empty();
        warnings.forEach(response::withWarning);
        return response;
    }

    private Response delete(EngineRequest r) {
        policies.delete(r.param("name"));
        return Response.empty();
    }

    /**
     * Vault accepts a policy document sent base64-encoded: text that decodes as standard, padded
     * base64 (line breaks ignored) is replaced by what it decodes to.
     */
    static String unwrapBase64(String document) {
        String compact = document.replace("\r", "").replace("\n", "");
        if (compact.isEmpty() || compact.length() % 4 != 0) {
            return document;
        }
        try {
            return new String(Base64.getDecoder().decode(compact), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return document;
        }
    }

    private TokenEntry selfToken(EngineRequest r) {
        return r.request().clientToken().flatMap(tokens::lookup).orElseThrow(CofferException::permissionDenied);
    }

    /** The token named in the body; the token is a credential and is never echoed. */
    private TokenEntry namedToken(EngineRequest r) {
        String token = r.fields().string("token").filter(t -> !t.isEmpty())
                .orElseThrow(() -> CofferException.invalid("missing token"));
        return tokens.lookup(token).orElseThrow(() -> CofferException.invalid("invalid token"));
    }

    private Response capabilitiesOf(EngineRequest r, TokenEntry token) {
        RequestData fields = r.fields();
        List<String> paths = fields.stringList("paths").filter(p -> !p.isEmpty())
                .or(() -> fields.stringList("path")).orElse(List.of());
        if (paths.isEmpty()) {
            throw CofferException.invalid("paths must be supplied");
        }
        if (paths.stream().anyMatch(String::isEmpty)) {
            throw CofferException.invalid("missing path");
        }
        var acl = policies.acl(token.policies());
        Map<String, Object> data = new LinkedHashMap<>();
        for (String path : paths) {
            data.put(path, acl.capabilities(path));
        }
        // Older clients read the answer for a single path from "capabilities".
        if (paths.size() == 1) {
            data.put("capabilities", data.get(paths.get(0)));
        }
        return Response.of(data).copyingDataToTopLevel();
    }
}
