package io.coffer.core.engine;

import io.coffer.core.logical.Operation;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * One path an engine serves: a pattern over the path relative to the mount, the handler of each
 * supported operation, and a one-line synopsis for help output. A matching path with no handler
 * for the requested operation is answered 405.
 *
 * <p>A route that tells creation from update declares an {@link ExistenceCheck}: a write to a
 * path that does not exist yet is then authorized as {@code create}, otherwise as {@code update},
 * which is how Vault's policies distinguish the two.
 *
 * <p>A route whose path names something the engine looks up case-insensitively (a role, a user)
 * declares that name's group with {@link Builder#caseInsensitive}: the core then authorizes the
 * path with the name in the form the engine uses, so that a policy written for
 * {@code role/admin} also governs {@code role/ADMIN}.
 *
 * @param pattern        matched against the whole relative path; named groups become
 *                       {@link EngineRequest#param(String)}
 * @param handlers       the operations this path supports
 * @param synopsis       one line of help
 * @param existenceCheck whether the target of a write exists; null when the route does not care
 * @param canonicalNames named groups whose value the engine canonicalizes, with the function it uses
 */
public record PathRoute(Pattern pattern, Map<Operation, PathHandler> handlers, String synopsis,
        ExistenceCheck existenceCheck, Map<String, UnaryOperator<String>> canonicalNames) {

    public PathRoute {
        Objects.requireNonNull(pattern, "pattern");
        handlers = Map.copyOf(handlers);
        Objects.requireNonNull(synopsis, "synopsis");
        canonicalNames = canonicalNames == null ? Map.of() : Map.copyOf(canonicalNames);
    }

    public PathRoute(Pattern pattern, Map<Operation, PathHandler> handlers, String synopsis) {
        this(pattern, handlers, synopsis, null, Map.of());
    }

    /** Answers whether the object a write request targets already exists. */
    @FunctionalInterface
    public interface ExistenceCheck {
        boolean exists(EngineRequest request);
    }

    /** Starts a route for {@code regex}, matched against the whole relative path. */
    public static Builder path(String regex) {
        return new Builder(Pattern.compile(regex));
    }

    /** Builds a {@link PathRoute} one operation at a time. */
    public static final class Builder {
        private final Pattern pattern;
        private final Map<Operation, PathHandler> handlers = new EnumMap<>(Operation.class);
        private ExistenceCheck existenceCheck;
        private final Map<String, UnaryOperator<String>> canonicalNames = new HashMap<>();

        private Builder(Pattern pattern) {
            this.pattern = pattern;
        }

        public Builder on(Operation operation, PathHandler handler) {
            if (handlers.put(operation, handler) != null) {
                throw new IllegalStateException("operation " + operation + " already set for " + pattern);
            }
            return this;
        }

        /** Declares how to tell a create from an update on this path. */
        public Builder existenceCheck(ExistenceCheck check) {
            this.existenceCheck = check;
            return this;
        }

        /**
         * Declares that the engine reads the named group {@code group} as {@code canonical} of it
         * (e.g. lower-cased): the path is authorized with the canonical form.
         */
        public Builder caseInsensitive(String group, UnaryOperator<String> canonical) {
            canonicalNames.put(group, canonical);
            return this;
        }

        public PathRoute synopsis(String synopsis) {
            return new PathRoute(pattern, handlers, synopsis, existenceCheck, canonicalNames);
        }
    }
}
