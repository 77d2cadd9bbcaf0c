/**
 * The {@code file} audit device: a group-commit writer (one fsync per batch, callers wait until
 * their record is durable) that links every line to the previous one and rotates files by size
 * or on request without losing a record, and warns ({@code free_space_warn}) before the file's
 * volume fills up. Depends on {@code audit}, {@code error} and
 * {@code json}; only the node wiring refers to it.
 */
package io.coffer.core.audit.file;
