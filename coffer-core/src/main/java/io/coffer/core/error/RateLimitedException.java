package io.coffer.core.error;

/**
 * A request refused because its client sent too many of its kind (429). Carries how long the
 * client should wait, which HTTP front doors send as {@code Retry-After}.
 */
public final class RateLimitedException extends CofferException {

    private final long retryAfterSeconds;

    public RateLimitedException(String message, long retryAfterSeconds) {
        super(Kind.RATE_LIMITED, message);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** Whole seconds to wait before trying again; at least 1. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
