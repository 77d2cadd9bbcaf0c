/**
 * The mount table: which engine serves which path prefix, persisted behind the barrier. Depends
 * on {@code barrier}, {@code json} and {@code error}.
 */
package io.coffer.core.mount;
