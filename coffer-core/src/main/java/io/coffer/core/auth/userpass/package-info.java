/**
 * The userpass auth method (mount type {@code userpass}): users with bcrypt-hashed passwords and
 * the {@code login/<username>} path that trades a password for a token. Wire behaviour is Vault's,
 * except that client mistakes Vault answers with a 500 get a 4xx here.
 *
 * <p>Passwords are hashed with bcrypt at Vault's cost (10) through BouncyCastle's
 * {@code OpenBSDBCrypt}; only the hash is stored, under {@code user/<name>} in the mount's
 * storage view, behind the barrier. Verification compares in constant time, and an unknown user
 * costs the same bcrypt work as a wrong password, so timing does not reveal which users exist.
 *
 * <p>Depends on {@code auth}, {@code engine}, {@code barrier}, {@code logical}, {@code mount},
 * {@code json}, {@code error}, {@code ratelimit} (bcrypt runs on its login work pool) and
 * BouncyCastle only.
 */
package io.coffer.core.auth.userpass;
