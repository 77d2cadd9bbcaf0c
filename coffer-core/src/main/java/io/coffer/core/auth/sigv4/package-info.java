/**
 * The {@code sigv4} auth method, built in at {@code auth/sigv4/}: AWS-style access keys (an access
 * key id and a secret access key) with ACL policies, for callers of the AWS Secrets Manager door.
 * Keys are stored in the mount's storage view, behind the barrier, secret included: SigV4 needs
 * the plaintext secret to recompute a signature. Depends on {@code engine}, {@code barrier},
 * {@code logical}, {@code policy} (name normalization) and {@code json}.
 */
package io.coffer.core.auth.sigv4;
