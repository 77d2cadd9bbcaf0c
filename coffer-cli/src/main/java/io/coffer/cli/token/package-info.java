/**
 * {@code coffer token create|lookup|renew|revoke}: the token auth method's endpoints under
 * {@code auth/token/} with the vault CLI's flags, request bodies, output and exit codes. A created
 * or renewed token's {@code auth} block prints as the vault CLI's token table
 * ({@link io.coffer.cli.output.SecretTables}); token values are printed only where the vault CLI
 * prints them (the new token of {@code create}, the {@code id} field of a lookup).
 *
 * <p>Depends on {@link io.coffer.cli.command} and {@link io.coffer.cli.client}.
 */
package io.coffer.cli.token;
