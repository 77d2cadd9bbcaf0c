/**
 * The token store: issues tokens, persists them only as salted HMACs behind the barrier (with
 * accessor, parent, issuing-mount and expiry indexes keyed the same way), finds them for
 * authentication, counts their uses, renews them under Vault's TTL rules ({@link
 * io.coffer.core.token.LeaseTtl}), revokes them with their subtrees, and reclaims expired ones in
 * the background while unsealed. Depends on {@code barrier}, {@code seal} (as a listener),
 * {@code mount} (mount entries and their tuning), {@code logical}, {@code json} and {@code error}.
 */
package io.coffer.core.token;
