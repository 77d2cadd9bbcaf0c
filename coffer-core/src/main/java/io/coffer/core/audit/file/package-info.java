/**
 * The {@code file} audit device: a group-commit writer (one fsync per batch, callers wait until
 * their record is durable) that links every line to the previous one with the device's chain key,
 * stores the chain head behind the barrier as batches become durable ({@code HeadRecorder}),
 * checks the file against that head when it opens it (starting a {@code break} segment when it
 * does not match), verifies a live device's files ({@code ChainFileVerification}), rotates
 * files by size or on request without losing a record, and warns ({@code free_space_warn}) before
 * the file's volume fills up. Depends on {@code audit}, {@code error} and {@code json}; only the
 * node wiring refers to it.
 */
package io.coffer.core.audit.file;
