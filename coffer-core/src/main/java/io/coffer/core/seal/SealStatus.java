package io.coffer.core.seal;

/**
 * A snapshot of the seal, as {@code sys/seal-status} and {@code sys/unseal} report it.
 *
 * @param initialized whether {@code sys/init} has run
 * @param sealed      whether key material is out of memory
 * @param threshold   shares needed ({@code t}), 0 when uninitialized
 * @param shares      shares handed out ({@code n}), 0 when uninitialized
 * @param progress    distinct shares given so far in this unseal attempt
 * @param nonce       identifies the current unseal attempt; empty when none is under way
 */
public record SealStatus(boolean initialized, boolean sealed, int threshold, int shares, int progress, String nonce) {
}
