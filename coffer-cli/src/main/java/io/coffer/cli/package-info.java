/**
 * The {@code coffer} executable: {@link io.coffer.cli.CofferCommand} wires the {@code server},
 * {@code operator}, {@code kv}, {@code login}, {@code token}, {@code policy}, {@code auth},
 * {@code audit} command trees and the generic {@code read}/{@code write}/{@code list}/{@code delete}
 * commands into one picocli command line, configured to parse
 * like the vault CLI (single-dash long flags, no {@code @file} expansion, exit code 1 for usage
 * errors), and {@link io.coffer.cli.CofferVersionProvider} reports the build's version.
 *
 * <p>Depends on every command package below it; nothing depends on this package.
 */
package io.coffer.cli;
