/**
 * AWS Signature Version 4 verification for the Secrets Manager door: parsing the
 * {@code Authorization} header, rebuilding the canonical request exactly as AWS does for services
 * other than S3, and checking the signature, the payload hash, the credential scope and the
 * clock, and that every header which decides what the request does is signed. Pure computation: no
 * I/O, no storage; the caller supplies the secret access key of an access key id and the server's
 * region. Depends only on {@code io.coffer.core.aws} (error types), {@code io.coffer.core.error},
 * {@code io.coffer.core.crypto}, {@code io.coffer.core.logical} (time parsing) and the JDK.
 */
package io.coffer.core.aws.sigv4;
