package io.coffer.core.policy;

/**
 * The built-in {@code default} policy as a fresh server creates it. The paths and capabilities are
 * Vault's current default policy, path for path, so that a token behaves the same against Coffer
 * and Vault, including for endpoints Coffer does not serve yet (cubbyhole, wrapping, leases,
 * identity). Operators may edit it; Coffer never overwrites an existing {@code default}.
 */
final class DefaultPolicy {

    static final String TEXT = """
            # Token self-service: look up, renew and revoke the calling token.
            path "auth/token/lookup-self" {
                capabilities = ["read"]
            }

            path "auth/token/renew-self" {
                capabilities = ["update"]
            }

            path "auth/token/revoke-self" {
                capabilities = ["update"]
            }

            # Ask which capabilities the calling token has on given paths.
            path "sys/capabilities-self" {
                capabilities = ["update"]
            }

            # Read the calling token's own identity entity (templated: needs an entity).
            path "identity/entity/id/{{identity.entity.id}}" {
              capabilities = ["read"]
            }
            path "identity/entity/name/{{identity.entity.name}}" {
              capabilities = ["read"]
            }

            # The combined ACL of the calling token, for user interfaces.
            path "sys/internal/ui/resultant-acl" {
                capabilities = ["read"]
            }

            # Renew or look up a lease whose id the caller already knows.
            path "sys/renew" {
                capabilities = ["update"]
            }
            path "sys/leases/renew" {
                capabilities = ["update"]
            }

            path "sys/leases/lookup" {
                capabilities = ["update"]
            }

            # The calling token's private cubbyhole.
            path "cubbyhole/*" {
                capabilities = ["create", "read", "update", "delete", "list"]
            }

            # Response wrapping: wrap a value, inspect or unwrap a wrapping token.
            path "sys/wrapping/wrap" {
                capabilities = ["update"]
            }

            path "sys/wrapping/lookup" {
                capabilities = ["update"]
            }

            path "sys/wrapping/unwrap" {
                capabilities = ["update"]
            }

            # Hashing tool.
            path "sys/tools/hash" {
                capabilities = ["update"]
            }
            path "sys/tools/hash/*" {
                capabilities = ["update"]
            }

            # Status of a control group request whose accessor the caller holds.
            path "sys/control-group/request" {
                capabilities = ["update"]
            }

            # Authorization endpoint of OIDC providers.
            path "identity/oidc/provider/+/authorize" {
                capabilities = ["read", "update"]
            }
            """;

    private DefaultPolicy() {
    }
}
