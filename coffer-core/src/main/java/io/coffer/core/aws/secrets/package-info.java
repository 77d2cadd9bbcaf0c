/**
 * The Secrets Manager operations over the KV v2 store: the pieces that give each AWS operation its
 * AWS semantics (random passwords, list filters, ...) on top of the protocol-neutral contract in
 * {@code io.coffer.core.aws}. Depends on {@code io.coffer.core.aws} and {@code io.coffer.core.json};
 * never on HTTP.
 */
package io.coffer.core.aws.secrets;
