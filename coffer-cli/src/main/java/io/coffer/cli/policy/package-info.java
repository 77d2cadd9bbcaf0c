/**
 * {@code coffer policy write|read|list|delete}: ACL policies at {@code sys/policies/acl/}, with the
 * vault CLI's arguments (a policy file or {@code -} for stdin), name normalization (lowercase),
 * output and exit codes.
 *
 * <p>Depends on {@link io.coffer.cli.command} and {@link io.coffer.cli.client}.
 */
package io.coffer.cli.policy;
