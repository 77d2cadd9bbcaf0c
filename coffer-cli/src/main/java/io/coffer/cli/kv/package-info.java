/**
 * {@code coffer kv}: reads and writes the KV secrets engine with the vault CLI's commands, flags,
 * layouts and exit codes. Paths are given either as {@code secret/foo} (the mount is found with
 * Vault's {@code sys/internal/ui/mounts/} preflight) or as {@code -mount=secret foo}; both work for
 * KV version 1 and 2 mounts ({@link io.coffer.cli.kv.KvTarget}). Data arguments ({@code k=v},
 * {@code k=@file}, {@code k=-}, {@code @file.json}, {@code -}) are read by
 * {@link io.coffer.cli.command.KeyValueArguments}; {@link io.coffer.cli.kv.KvReport} holds the layouts.
 *
 * <p>Depends on {@link io.coffer.cli.command}, {@link io.coffer.cli.client} and {@link io.coffer.cli.output}.
 */
package io.coffer.cli.kv;
