/**
 * The embedded SQLite storage backend ({@link io.coffer.core.storage.sqlite.SqliteStorage}), the
 * default: one database file in the data directory. Depends on the storage SPI
 * ({@code io.coffer.core.storage}), {@code io.coffer.core.error} and the {@code org.xerial:sqlite-jdbc}
 * driver, which bundles the native SQLite library; nothing else in Coffer depends on this package
 * except whatever wires the configured backend.
 */
package io.coffer.core.storage.sqlite;
