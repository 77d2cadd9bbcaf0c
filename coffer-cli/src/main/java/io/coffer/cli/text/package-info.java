/**
 * How the vault CLI spells values on the command line and in its output, reproduced so Coffer reads
 * and prints them the same way: Go durations ({@code 1h30m}, {@code 768h}), Go booleans
 * ({@code t}, {@code FALSE}, {@code 1}).
 *
 * <p>Pure functions over the JDK; used by the client, the command plumbing and the output code.
 */
package io.coffer.cli.text;
