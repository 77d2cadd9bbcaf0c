/**
 * Plumbing shared by the client-side commands ({@code operator}, {@code kv}, {@code login},
 * {@code token}, {@code policy}, {@code auth}, {@code audit}, {@code read}/{@code write}/...): the
 * injectable {@link io.coffer.cli.command.CliRuntime} (environment, stdin, terminal), the picocli
 * factory that hands it to commands, the common flags as mixins ({@code -address}, {@code -format},
 * ...) and flag parsing ({@link io.coffer.cli.command.DurationFlag}), the vault CLI's data arguments
 * ({@link io.coffer.cli.command.KeyValueArguments}: {@code k=v}, {@code k=@file}, {@code -}), the
 * {@link io.coffer.cli.command.ApiCommand} base that maps failures to the vault CLI's exit codes,
 * {@link io.coffer.cli.command.SecretFields}, which picks a {@code -field} out of an envelope, and
 * {@link io.coffer.cli.command.CommandOutput}, which writes tables or JSON to the command's writers.
 *
 * <p>Depends on picocli, {@link io.coffer.cli.client} and {@link io.coffer.cli.output}; never on a
 * concrete command package.
 */
package io.coffer.cli.command;
