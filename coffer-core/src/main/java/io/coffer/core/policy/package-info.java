/**
 * Authorization by Vault-compatible ACL policies: the policy model ({@link io.coffer.core.policy.Policy},
 * {@link io.coffer.core.policy.PathRule}, {@link io.coffer.core.policy.Capability}), the HCL and JSON
 * parser, the compiled {@link io.coffer.core.policy.Acl} with Vault's matching and priority rules,
 * the {@link io.coffer.core.policy.PolicyStore} behind the barrier, Vault's sudo-protected paths, and
 * the {@link io.coffer.core.policy.Authorizer} the request pipeline calls.
 *
 * <p>Depends on {@code token} (the token entry), {@code logical}, {@code error}, {@code json},
 * {@code barrier} (storage), {@code seal} (as a listener) and the hcl4j library; nothing here depends
 * on the router, the handler or the {@code sys/} backend.
 */
package io.coffer.core.policy;
