/**
 * The {@code kubernetes} auth method: a pod logs in with its service-account JWT, which Coffer
 * verifies locally against the cluster's service-account signing keys ({@code pem_keys}) and
 * matches to a role by service-account name and namespace. Both legacy secret-based tokens and
 * projected tokens are understood.
 *
 * <p>Unlike Vault, Coffer does not (yet) ask the cluster's TokenReview API whether a token is still
 * valid, so a token stays usable until it expires even if its service account is deleted; a
 * configuration without {@code pem_keys} is therefore refused. See
 * {@code docs/auth-jwt-kubernetes.md}.
 *
 * <p>Lives here: the engine and its factory, config and role documents with their paths, the
 * login path and the reading of service-account claims. Depends on {@code auth.workload},
 * {@code engine}, {@code logical}, {@code barrier}, {@code mount}, {@code json} and {@code error}.
 */
package io.coffer.core.auth.kubernetes;
