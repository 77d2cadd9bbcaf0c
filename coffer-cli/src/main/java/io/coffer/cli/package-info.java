/**
 * The {@code coffer} executable: {@link io.coffer.cli.CofferCommand} wires the {@code server},
 * {@code operator} and {@code kv} command trees into one picocli command line, configured to parse
 * like the vault CLI (single-dash long flags, no {@code @file} expansion, exit code 1 for usage
 * errors), and {@link io.coffer.cli.CofferVersionProvider} reports the build's version.
 *
 * <p>Depends on every command package below it; nothing depends on this package.
 */
package io.coffer.cli;
