/**
 * The AWS Secrets Manager front door: protocol-neutral pieces shared by the SigV4 authentication
 * ({@code aws.sigv4}), the operations over the KV v2 store ({@code aws.secrets}) and the HTTP
 * adapter in coffer-server. Errors are AWS's error types with AWS's HTTP status, never Vault's.
 */
package io.coffer.core.aws;
