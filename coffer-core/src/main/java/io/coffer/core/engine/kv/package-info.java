/**
 * The KV version 2 secrets engine: versioned key/value secrets with Vault's wire behaviour.
 *
 * <p>Two layers live here. {@link io.coffer.core.engine.kv.KvStore} is the domain: versions,
 * check-and-set, soft delete, undelete, destroy, key metadata and mount configuration, as a Java
 * API over a {@link io.coffer.core.barrier.SecureStorage} view. Any front door may call it
 * directly (the AWS Secrets Manager-compatible API does). {@link io.coffer.core.engine.kv.KvV2Engine}
 * and the {@code *Paths} classes are the Vault wire layer: they declare the engine's
 * {@link io.coffer.core.engine.PathRoute}s and translate request fields and responses, and hold no
 * rules of their own beyond field parsing.
 *
 * <p>Storage layout inside the mount's view: {@code config} (mount configuration),
 * {@code metadata/<key>} (key metadata, so that listing a folder is one storage list), and
 * {@code versions/<sha256 hex of key>/<n>} (the data of version {@code n}). All documents are JSON.
 *
 * <p>Depends on {@code engine}, {@code barrier}, {@code logical}, {@code mount}, {@code json} and
 * {@code error} only.
 */
package io.coffer.core.engine.kv;
