/**
 * The Netty HTTP front door with the Vault-compatible adapter: request decoding, envelope and
 * error rendering, body limits. Depends on coffer-core's {@code handler}, {@code logical},
 * {@code error} and {@code json} packages only.
 */
package io.coffer.server.http;
