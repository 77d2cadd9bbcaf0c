package io.coffer.core.engine.kv;

import io.coffer.core.error.CofferException;

/**
 * A write refused by check-and-set: an {@code INVALID_REQUEST} with Vault's message, and a
 * {@link Reason} for front doors that answer CAS failures in their own words.
 */
public final class CasException extends CofferException {

    /** Why the write was refused. */
    public enum Reason {
        /** {@code cas} was given and is not the key's current version. */
        MISMATCH,
        /** {@code cas} was not given but the mount or the key requires it. */
        REQUIRED
    }

    private final Reason reason;

    private CasException(Reason reason, String message) {
        super(Kind.INVALID_REQUEST, message);
        this.reason = reason;
    }

    static CasException mismatch() {
        return new CasException(Reason.MISMATCH, "check-and-set parameter did not match the current version");
    }

    static CasException required() {
        return new CasException(Reason.REQUIRED, "check-and-set parameter required for this call");
    }

    public Reason reason() {
        return reason;
    }
}
