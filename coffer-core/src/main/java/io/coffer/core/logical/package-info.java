/**
 * Transport-neutral request and response types: what every front door turns its wire format
 * into, and what handlers return. Depends on {@code error} only.
 */
package io.coffer.core.logical;
