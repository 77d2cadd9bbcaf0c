/**
 * The vault CLI's generic commands on any API path: {@code read}, {@code write}, {@code list} and
 * {@code delete}. They know nothing about what lives at a path; they send the request, print the
 * envelope (table, JSON or one {@code -field}) and map failures to the vault CLI's exit codes.
 * {@code k=v} arguments of {@code read} and {@code delete} become query parameters, as in Vault.
 *
 * <p>Depends on {@link io.coffer.cli.command} and {@link io.coffer.cli.client}.
 */
package io.coffer.cli.path;
