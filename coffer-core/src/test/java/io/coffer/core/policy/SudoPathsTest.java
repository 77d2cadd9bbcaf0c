package io.coffer.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SudoPathsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            sys/audit,                       true
            sys/audit/file,                  true
            sys/audit/,                      true
            sys/auditing,                    false
            sys/config/auditing/request-headers/x, true
            sys/auth,                        false
            sys/auth/,                       true
            sys/auth/approle,                true
            sys/auth/approle/tune,           true
            sys/rotate,                      true
            sys/rotate/config,               false
            sys/seal,                        true
            sys/step-down,                   true
            sys/raw,                         true
            sys/raw/core/keyring,            true
            sys/remount,                     true
            sys/leases,                      true
            sys/leases/lookup,               false
            sys/leases/lookup/,              true
            sys/leases/lookup/aws/creds,     true
            sys/leases/revoke-prefix/aws,    true
            sys/leases/renew,                false
            sys/revoke-force/x,              true
            sys/plugins/catalog/secret/kv,   true
            sys/policy/admin,                false
            sys/policies/acl/admin,          false
            sys/mounts/secret,               false
            sys/key-status,                  false
            sys/capabilities-self,           false
            auth/token/accessors/,           true
            auth/token/accessors,            true
            auth/token/revoke-orphan/x,      true
            auth/token/revoke-orphan,        false
            auth/token/create-orphan,        false
            auth/token/create,               false
            auth/approle/accessors/,         false
            secret/data/audit,               false
            secret/sys/audit,                false
            """)
    void requiresSudo_matchesVaultsRootPaths(String path, boolean expected) {
        assertThat(SudoPaths.requiresSudo(path)).isEqualTo(expected);
    }
}
