/**
 * The single unchecked error type {@link io.coffer.core.error.CofferException} and its kinds.
 * Depends on nothing else in Coffer; every other package may depend on it.
 */
package io.coffer.core.error;
