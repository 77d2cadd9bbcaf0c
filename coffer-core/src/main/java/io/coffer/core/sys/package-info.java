/**
 * The {@code sys/} backend: init, seal, unseal, health, mounts, auth methods, keyring, ACL policy,
 * capability, audit and metrics endpoints with Vault's wire shapes ({@code sys/metrics} renders what a
 * {@link io.coffer.core.sys.MetricsSource} plugged in by the server keeps: the core has no metrics
 * library). Depends on {@code seal}, {@code barrier},
 * {@code token}, {@code mount}, {@code policy}, {@code audit}, {@code engine} and {@code logical};
 * nothing depends on it but the node that wires it.
 */
package io.coffer.core.sys;
