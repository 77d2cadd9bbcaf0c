/**
 * {@code coffer auth enable|list|disable}: the auth method mount table at {@code sys/auth/}, with
 * the vault CLI's flags, request bodies, tables and exit codes. Logging in with a method is
 * {@link io.coffer.cli.login}'s business, not this package's.
 *
 * <p>Depends on {@link io.coffer.cli.command}, {@link io.coffer.cli.client} and {@link io.coffer.cli.output}.
 */
package io.coffer.cli.auth;
