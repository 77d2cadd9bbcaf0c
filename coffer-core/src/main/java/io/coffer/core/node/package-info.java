/**
 * Wiring of one node from storage, barrier, seal, token store, mounts, router and system
 * backend. The only package that knows all the others; it contains no request logic.
 */
package io.coffer.core.node;
