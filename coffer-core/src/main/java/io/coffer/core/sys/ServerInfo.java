package io.coffer.core.sys;

/**
 * Facts about this server that status endpoints report.
 *
 * @param version     the Vault-compatible version string clients see
 * @param buildDate   RFC 3339
 * @param storageType the physical backend, e.g. {@code inmem} or {@code sqlite}
 */
public record ServerInfo(String version, String buildDate, String storageType) {
}
