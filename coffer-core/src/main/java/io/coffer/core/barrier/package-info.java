/**
 * The security barrier: AES-256-GCM encryption of every stored value with the storage path as
 * associated data, under a rotatable keyring encrypted by the root key; and the
 * {@link io.coffer.core.barrier.SecureStorage} view engines use. Depends on {@code storage},
 * {@code json} and {@code error}. See docs/security.md for the format and its implications.
 */
package io.coffer.core.barrier;
