/**
 * A small HTTP client for Coffer's Vault-compatible {@code /v1/} API, built on
 * {@link java.net.http.HttpClient}.
 *
 * <p>Holds: where to connect and with which token ({@link io.coffer.cli.client.ClientSettings},
 * resolved from flags and an injectable {@link io.coffer.cli.client.Environment}), the token helper
 * file {@code ~/.coffer-token} ({@link io.coffer.cli.client.TokenFile}), TLS trust
 * ({@link io.coffer.cli.client.TlsTrust}), the request methods ({@link io.coffer.cli.client.CofferClient})
 * and the Vault response envelope ({@link io.coffer.cli.client.Secret}). Failures surface as
 * {@link io.coffer.cli.client.ClientException} subtypes whose messages mirror the vault CLI and never
 * contain the token.
 *
 * <p>Depends on the JDK and Jackson only; nothing here knows about picocli or output formatting.
 */
package io.coffer.cli.client;
