/**
 * AWS Secrets Manager's operations over a KV version 2 mount: AWS secret {@code N} is KV key
 * {@code N}, its versions are KV versions, its staging labels and AWS properties live in the key's
 * metadata record (see {@link io.coffer.core.engine.kv.KeyEditor}), so both doors serve one store.
 *
 * <p>{@link io.coffer.core.aws.secrets.SecretsManagerService} dispatches by operation name to one
 * small class per group of operations; {@link io.coffer.core.aws.secrets.SecretLocator} resolves a
 * SecretId (name, full or partial ARN) and asks the {@link io.coffer.core.aws.AccessCheck} for the
 * Vault paths and capabilities the operation's Vault-door equivalent needs (the table in
 * docs/aws-secrets-manager.md); {@link io.coffer.core.aws.secrets.SecretListing} pages listings by a
 * name cursor and shows each caller what its policies show through the Vault door. Refusals are {@link io.coffer.core.aws.AwsServiceException}s whose
 * messages never contain a secret value.
 *
 * <p>Depends on {@code aws}, {@code engine.kv}, {@code logical}, {@code seal}, {@code json},
 * {@code storage} (key rules only) and {@code error}.
 */
package io.coffer.core.aws.secrets;
