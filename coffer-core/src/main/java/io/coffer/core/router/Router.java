package io.coffer.core.router;

import io.coffer.core.barrier.SecureStorage;
import io.coffer.core.engine.EngineRequest;
import io.coffer.core.engine.PathRoute;
import io.coffer.core.engine.SecretsEngine;
import io.coffer.core.error.ClientText;
import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Request;
import io.coffer.core.mount.MountEntry;
import io.coffer.core.mount.MountTable;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves a request path to a mounted engine (longest mount prefix) and a route within it (first
 * matching pattern). The answers for misses are Vault's: no mount is 404 "no handler for route",
 * a mount without a matching route is 404 "unsupported path"; a route without the operation is
 * 405 when invoked.
 *
 * <p>Two tables feed it: secrets engines mounted at their path, and auth methods under
 * {@code auth/}.
 */
public final class Router {

    private static final Pattern GROUP_NAME = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");
    static final String AUTH_PREFIX = "auth/";

    private final MountTable secrets;
    private final MountTable auth;

    public Router(MountTable secrets, MountTable auth) {
        this.secrets = secrets;
        this.auth = auth;
    }

    /** Resolves {@code request} to the route that serves it. */
    public RouteTarget resolve(Request request) {
        String path = request.path();
        boolean isAuth = path.startsWith(AUTH_PREFIX);
        MountTable table = isAuth ? auth : secrets;
        String tablePath = isAuth ? path.substring(AUTH_PREFIX.length()) : path;
        MountTable.Match match = table.match(tablePath).orElseThrow(() -> CofferException.notFound(
                "no handler for route " + ClientText.quote(path) + ". route entry not found."));
        MountTable.Mounted mounted = match.mount();
        return resolve(mounted.engine(), request, match.relativePath(), mounted.entry(), mounted.storage());
    }

    /** Resolves {@code relativePath} within {@code engine}, mounted as {@code mount}. */
    public static RouteTarget resolve(SecretsEngine engine, Request request, String relativePath, MountEntry mount,
            SecureStorage storage) {
        for (PathRoute route : engine.routes()) {
            Matcher m = route.pattern().matcher(relativePath);
            if (m.matches()) {
                return new RouteTarget(engine, route,
                        new EngineRequest(request, relativePath, groups(route.pattern(), m), mount, storage));
            }
        }
        throw CofferException.notFound("unsupported path");
    }

    private static Map<String, String> groups(Pattern pattern, Matcher m) {
        Map<String, String> out = new HashMap<>();
        Matcher names = GROUP_NAME.matcher(pattern.pattern());
        while (names.find()) {
            String name = names.group(1);
            String value = m.group(name);
            if (value != null) {
                out.put(name, value);
            }
        }
        return out;
    }
}
