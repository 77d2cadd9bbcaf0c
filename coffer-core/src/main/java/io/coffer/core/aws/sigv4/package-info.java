/**
 * AWS Signature Version 4 verification for the Secrets Manager door: parsing the
 * {@code Authorization} header, rebuilding the canonical request exactly as AWS does for services
 * other than S3, and checking the signature, the payload hash, the credential scope and the
 * clock. Pure computation: no I/O, no storage; the caller supplies the secret access key of an
 * access key id. Depends only on {@code io.coffer.core.aws} (error types) and the JDK.
 */
package io.coffer.core.aws.sigv4;
