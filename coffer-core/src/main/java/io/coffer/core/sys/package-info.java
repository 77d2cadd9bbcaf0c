/**
 * The {@code sys/} backend: init, seal, unseal, health, mounts, auth methods and keyring
 * endpoints with Vault's wire shapes. Depends on {@code seal}, {@code barrier}, {@code token},
 * {@code mount}, {@code engine} and {@code logical}; nothing depends on it but the node that wires
 * it.
 */
package io.coffer.core.sys;
