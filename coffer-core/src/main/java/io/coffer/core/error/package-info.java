/**
 * The single unchecked error type {@link io.coffer.core.error.CofferException} and its kinds, and
 * {@link io.coffer.core.error.ClientText}, the one safe form in which a message may name a value
 * taken from a request. Depends on nothing else in Coffer; every other package may depend on it.
 */
package io.coffer.core.error;
