/**
 * The physical storage SPI ({@link io.coffer.core.storage.StorageBackend}) and the in-memory
 * backend. Backends see only ciphertext produced by the barrier. Depends on {@code error} only;
 * database backends live in sub-packages so their drivers stay out of this package.
 */
package io.coffer.core.storage;
