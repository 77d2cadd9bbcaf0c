/**
 * {@code coffer login}: authenticates with an auth method, stores the resulting token in the token
 * helper file ({@link io.coffer.cli.client.TokenFile}, {@code ~/.coffer-token}) and prints the
 * token table, as {@code vault login} does. {@link io.coffer.cli.login.LoginCommand} holds the flow
 * and the vault CLI's flags ({@code -method}, {@code -path}, {@code -no-store}, {@code -no-print},
 * {@code -token-only}); each {@link io.coffer.cli.login.LoginMethod} knows one method's request
 * ({@code token}, {@code userpass}, {@code approle}). Secrets the user types at a prompt are read
 * without echo and never printed; the new token is printed because that is the command's result.
 *
 * <p>Depends on {@link io.coffer.cli.command} and {@link io.coffer.cli.client}.
 */
package io.coffer.cli.login;
