/**
 * The {@code kubernetes} auth method: a pod logs in with its service-account JWT, which is matched
 * to a role by service-account name and namespace. Both legacy secret-based tokens and projected
 * tokens are understood.
 *
 * <p>Two ways to trust a token: with {@code pem_keys}, Coffer verifies its signature locally and
 * does not call the cluster (unlike Vault, which also calls TokenReview, so a token of a deleted
 * service account stays usable until it expires); without, the API server at
 * {@code kubernetes_host} reviews every login (TokenReview), as in Vault. See
 * {@code docs/auth-jwt-kubernetes.md}.
 *
 * <p>Lives here: the engine and its factory, config and role documents with their paths, the
 * login path, the TokenReview client and the reading of service-account claims. Depends on
 * {@code auth.workload}, {@code engine}, {@code logical}, {@code barrier}, {@code mount},
 * {@code json}, {@code error}, {@code ratelimit} and slf4j.
 */
package io.coffer.core.auth.kubernetes;
