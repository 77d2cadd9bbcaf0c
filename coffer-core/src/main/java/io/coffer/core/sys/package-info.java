/**
 * The {@code sys/} backend: init, seal, unseal, health, mounts, auth methods, keyring, ACL policy,
 * capability and audit endpoints with Vault's wire shapes. Depends on {@code seal}, {@code barrier},
 * {@code token}, {@code mount}, {@code policy}, {@code audit}, {@code engine} and {@code logical};
 * nothing depends on it but the node that wires it.
 */
package io.coffer.core.sys;
