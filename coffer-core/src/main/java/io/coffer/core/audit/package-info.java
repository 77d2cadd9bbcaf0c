/**
 * The audit log the request pipeline writes to, and its devices. Depends on {@code logical},
 * {@code token} and {@code error}; the pipeline depends on it, never the other way round.
 */
package io.coffer.core.audit;
