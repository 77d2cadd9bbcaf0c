package io.coffer.core.logical;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A request as the core sees it, whichever front door it came through: an operation on a path
 * with a data map. Built once by an adapter; the core only reads it.
 *
 * <p>The client token is a credential: never log or echo it. {@link #toString()} omits it.
 */
public final class Request {

    private final String id;
    private final Operation operation;
    private final String path;
    private final Map<String, Object> data;
    private final Map<String, List<String>> query;
    private final String clientToken;
    private final String remoteAddress;

    private Request(Builder b) {
        this.id = Objects.requireNonNull(b.id, "id");
        this.operation = Objects.requireNonNull(b.operation, "operation");
        this.path = Objects.requireNonNull(b.path, "path");
        this.data = b.data == null ? Map.of() : b.data;
        this.query = b.query == null ? Map.of() : Map.copyOf(b.query);
        this.clientToken = b.clientToken;
        this.remoteAddress = b.remoteAddress == null ? "" : b.remoteAddress;
    }

    public static Builder builder(Operation operation, String path) {
        return new Builder(operation, path);
    }

    /** A unique id for this request, echoed as {@code request_id}. */
    public String id() {
        return id;
    }

    public Operation operation() {
        return operation;
    }

    /** The path below {@code /v1/}, without a leading slash, e.g. {@code secret/data/app}. */
    public String path() {
        return path;
    }

    /** The body fields (for writes) merged with the query parameters (for reads), never null. */
    public Map<String, Object> data() {
        return data;
    }

    /** Raw query parameters, for the few endpoints that read them literally. */
    public Map<String, List<String>> query() {
        return query;
    }

    /** The first value of query parameter {@code name}. */
    public Optional<String> queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public Optional<String> clientToken() {
        return Optional.ofNullable(clientToken);
    }

    public String remoteAddress() {
        return remoteAddress;
    }

    /** A copy of this request with another path and operation, for internal forwarding. */
    public Request withPath(String newPath) {
        Builder b = new Builder(operation, newPath);
        b.id = id;
        b.data = data;
        b.query = query;
        b.clientToken = clientToken;
        b.remoteAddress = remoteAddress;
        return b.build();
    }

    @Override
    public String toString() {
        return "Request[" + id + " " + operation.wireName() + " " + path + "]";
    }

    /** Builds a {@link Request}. */
    public static final class Builder {
        /** Drawn in {@link #build()} only when no id was given: a random UUID costs a SecureRandom call. */
        private String id;
        private final Operation operation;
        private final String path;
        private Map<String, Object> data;
        private Map<String, List<String>> query;
        private String clientToken;
        private String remoteAddress;

        private Builder(Operation operation, String path) {
            this.operation = operation;
            this.path = path;
        }

        public Builder id(String id) {
            this.id = Objects.requireNonNull(id, "id");
            return this;
        }

        public Builder data(Map<String, Object> data) {
            this.data = data == null ? null : new LinkedHashMap<>(data);
            return this;
        }

        public Builder query(Map<String, List<String>> query) {
            this.query = query;
            return this;
        }

        public Builder clientToken(String clientToken) {
            this.clientToken = clientToken;
            return this;
        }

        public Builder remoteAddress(String remoteAddress) {
            this.remoteAddress = remoteAddress;
            return this;
        }

        public Request build() {
            if (id == null) {
                id = java.util.UUID.randomUUID().toString();
            }
            return new Request(this);
        }
    }
}
