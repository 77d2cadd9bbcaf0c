/**
 * The Shamir seal: splits the unseal key into shares, collects them to unseal, and guards the root
 * key. Depends on {@code barrier}, {@code storage}, {@code json} and {@code error}; knows nothing
 * of tokens or mounts (they register as {@link io.coffer.core.seal.ShamirSeal.Listener}s).
 */
package io.coffer.core.seal;
