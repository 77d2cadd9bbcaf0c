/**
 * {@code coffer operator}: init, unseal, seal, status and rotate against the {@code sys/} API, with
 * the vault CLI's flags, output and exit codes. Commands hold the request flow; the Report classes
 * ({@link io.coffer.cli.operator.SealStatusReport}, {@link io.coffer.cli.operator.InitReport},
 * {@link io.coffer.cli.operator.KeyStatusReport}) hold the layouts.
 *
 * <p>Depends on {@link io.coffer.cli.command}, {@link io.coffer.cli.client} and {@link io.coffer.cli.output}.
 */
package io.coffer.cli.operator;
