/**
 * Network address helpers: CIDR blocks for the client-address bindings of roles, secret IDs and
 * tokens. Addresses are literals only; nothing here resolves a name. Depends on nothing in Coffer.
 */
package io.coffer.core.net;
