package io.coffer.core.auth.token;

import io.coffer.core.engine.EngineRequest;
import io.coffer.core.engine.PathRoute;
import io.coffer.core.error.ClientText;
import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.RequestData;
import io.coffer.core.logical.Response;
import io.coffer.core.policy.PolicyNames;
import io.coffer.core.token.LeaseTtl;
import io.coffer.core.token.TokenEntry;
import io.coffer.core.token.TokenStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code create}, {@code create-orphan} and {@code create/<role>}: a child of the calling token
 * (or an orphan), with Vault's fields ({@code policies}, {@code meta}, {@code no_parent},
 * {@code no_default_policy}, {@code renewable}, {@code ttl}, {@code explicit_max_ttl},
 * {@code period}, {@code display_name}, {@code num_uses}, {@code id}, {@code type}) and rules.
 * The answer is the {@code auth} block of the new token.
 */
final class CreatePaths {

    static final String ROLE_NAME = "\\w(?:[\\w.-]*\\w)?";

    private static final Set<String> FIELDS = Set.of("display_name", "explicit_max_ttl", "entity_alias", "num_uses",
            "period", "renewable", "ttl", "lease", "type", "no_default_policy", "id", "meta", "no_parent", "policies",
            "role_name");

    private final TokenStore tokens;
    private final TokenRoles roles;

    CreatePaths(TokenStore tokens, TokenRoles roles) {
        this.tokens = tokens;
        this.roles = roles;
    }

    List<PathRoute> routes() {
        return List.of(
                PathRoute.path("create-orphan").on(Operation.UPDATE, r -> create(r, true, null))
                        .synopsis("Creates a token without a parent."),
                PathRoute.path("create/(?<role>" + ROLE_NAME + ")").on(Operation.UPDATE, this::createAgainstRole)
                        .synopsis("Creates a token under the rules of a token role."),
                PathRoute.path("create").on(Operation.UPDATE, r -> create(r, false, null))
                        .synopsis("Creates a child of the calling token."));
    }

    private Response createAgainstRole(EngineRequest r) {
        String name = r.param("role");
        TokenRole role = roles.get(name).orElseThrow(() -> CofferException.invalid("unknown role " + ClientText.escape(name)));
        return create(r, false, role);
    }

    private Response create(EngineRequest r, boolean orphanPath, TokenRole role) {
        RequestData f = r.fields();
        Caller caller = Caller.of(r, tokens);
        TokenEntry parent = tokens.lookup(caller.token())
                .orElseThrow(() -> CofferException.invalid("the calling token can no longer create tokens"));
        if (parent.numUses() > 0) {
            // Each child would be a way around the parent's use limit.
            throw CofferException.invalid("a token with a limited number of uses cannot create child tokens");
        }
        boolean sudo = caller.isSudo();
        checkTokenType(f.string("type").orElse(""), role);
        if (f.string("entity_alias").filter(s -> !s.isBlank()).isPresent()) {
            throw CofferException.invalid("entity_alias is not supported: Coffer has no identity store");
        }
        long requestedUses = f.integer("num_uses").orElse(0L);
        if (requestedUses < 0) {
            throw CofferException.invalid("number of uses cannot be negative");
        }
        int numUses = Math.toIntExact(Math.min(requestedUses, Integer.MAX_VALUE));
        boolean renewable = f.bool("renewable").orElse(true);
        String path = "auth/" + r.mount().path() + r.relativePath();
        if (role != null) {
            renewable = renewable && role.renewable();
            if (role.tokenNumUses() != 0 && (numUses == 0 || role.tokenNumUses() < numUses)) {
                numUses = role.tokenNumUses();
            }
            if (!role.pathSuffix().isEmpty()) {
                path = path + "/" + role.pathSuffix();
            }
        }
        String displayName = displayName(f.string("display_name").orElse(""));
        Optional<String> requestedId = f.string("id").filter(s -> !s.isEmpty());
        if (requestedId.isPresent() && !sudo) {
            throw CofferException.invalid("only a root or sudo caller may choose the token id");
        }

        List<String> policies = TokenPolicies.resolve(f.stringList("policies").orElse(List.of()),
                f.bool("no_default_policy").orElse(false), role, parent, sudo);
        if (policies.contains(PolicyNames.ROOT) && !parent.isRoot()) {
            throw CofferException.invalid("only a root token can create a token with the root policy");
        }

        boolean orphan;
        if (role != null) {
            orphan = role.orphan();
        } else if (f.bool("no_parent").orElse(false)) {
            if (!sudo) {
                throw CofferException.invalid("only a root or sudo caller may set no_parent; others can use create-orphan");
            }
            orphan = true;
        } else {
            orphan = orphanPath;
        }

        List<String> warnings = new ArrayList<>();
        long explicitMax = Fields.seconds(f, "explicit_max_ttl");
        long period = Fields.seconds(f, "period");
        if (period > 0 && !sudo) {
            throw CofferException.invalid("only a root or sudo caller may create a periodic token");
        }
        long ttl = f.has("ttl") ? Fields.seconds(f, "ttl") : Fields.seconds(f, "lease");
        if (role != null) {
            if (role.effectiveExplicitMaxTtl() != 0) {
                if (explicitMax != 0) {
                    warnings.add("explicit_max_ttl is set both in the request and in the role; the smaller applies");
                }
                explicitMax = explicitMax == 0 ? role.effectiveExplicitMaxTtl() : Math.min(explicitMax, role.effectiveExplicitMaxTtl());
            }
            if (role.effectivePeriod() != 0) {
                if (period != 0) {
                    warnings.add("period is set both in the request and in the role; the smaller applies");
                }
                period = period == 0 ? role.effectivePeriod() : Math.min(period, role.effectivePeriod());
            }
        }

        // Root tokens asked for without a TTL never expire; everything else gets Vault's TTL rules.
        if (period > 0 || ttl > 0 || !policies.contains(PolicyNames.ROOT)) {
            long now = tokens.clock().instant().getEpochSecond();
            LeaseTtl.Result granted = LeaseTtl.calculate(LeaseTtl.Limits.of(r.mount().config()),
                    new LeaseTtl.Request(0, ttl, period, 0, explicitMax), now, now);
            ttl = granted.ttl();
            warnings.addAll(granted.warnings());
        }
        if (ttl == 0 && explicitMax > 0) {
            ttl = explicitMax;
        }
        if (ttl == 0) {
            if (parent.expireTime() != 0) {
                throw CofferException.invalid("a root token that expires cannot create a root token that never expires; set a ttl");
            }
            // A token that never expires has no lease to renew.
            renewable = false;
        }

        TokenStore.IssuedToken issued = tokens.create(new TokenStore.NewToken(policies, path,
                Fields.stringMap(f, "meta"), displayName, ttl, explicitMax, numUses, renewable, period,
                role == null ? "" : role.name(), orphan ? Optional.empty() : Optional.of(caller.token()), requestedId,
                r.mount().uuid()));
        Response response = Response.empty().withAuth(TokenStore.authBlock(issued));
        warnings.forEach(response::withWarning);
        Fields.warnAboutUnknown(response, r.request().data(), FIELDS);
        return response;
    }

    private static void checkTokenType(String requested, TokenRole role) {
        if (role != null && !role.tokenType().equals("default-service") && !role.tokenType().equals("service")) {
            throw CofferException.invalid("the role's token_type is not supported by Coffer");
        }
        switch (requested) {
            case "", "service" -> {
            }
            case "batch" -> throw CofferException.invalid("batch tokens are not supported by Coffer; use service tokens");
            default -> throw CofferException.invalid("invalid 'type' value: expected service");
        }
    }

    /** Vault's display name: {@code token}, or {@code token-<name>} with anything unusual as {@code -}. */
    static String displayName(String requested) {
        if (requested.isEmpty()) {
            return "token";
        }
        String full = ("token-" + requested).replaceAll("[^a-zA-Z0-9-]", "-");
        return full.endsWith("-") ? full.substring(0, full.length() - 1) : full;
    }
}
