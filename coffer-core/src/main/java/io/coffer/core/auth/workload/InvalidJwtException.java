package io.coffer.core.auth.workload;

/**
 * A JWT failed validation. The message says which check failed in Vault's words and is safe to
 * show a client: it never quotes the token or any part of it.
 */
public final class InvalidJwtException extends Exception {

    private final boolean badSignature;

    private InvalidJwtException(String message, boolean badSignature) {
        // No stack trace: this is an expected outcome of untrusted input, not a bug.
        super(message, null, false, false);
        this.badSignature = badSignature;
    }

    /** A claim, the algorithm or the token's shape is wrong. */
    public static InvalidJwtException invalid(String message) {
        return new InvalidJwtException(message, false);
    }

    /** No trusted key produced the token's signature. */
    public static InvalidJwtException badSignature(String message) {
        return new InvalidJwtException(message, true);
    }

    /** True when the signature did not verify, which the kubernetes method answers with a bare 403. */
    public boolean isBadSignature() {
        return badSignature;
    }
}
