package io.coffer.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.cli.client.JsonCodec;
import io.coffer.cli.client.Secret;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretTablesTest {

    @Test
    void mapRowsAreSortedByKey() {
        assertThat(SecretTables.of(Map.of("zeta", "z", "alpha", "a"))).isEqualTo("""
                Key      Value
                ---      -----
                alpha    a
                zeta     z""");
    }

    @Test
    void wholeSecondsUnderDurationKeysReadAsDurations() {
        assertThat(SecretTables.of(Map.of("ttl", 2764800, "token_period", 3600, "max_ttl_text", 30)))
                .contains("ttl             768h")
                .contains("token_period    1h")
                .contains("max_ttl_text    30");
    }

    @Test
    void kvLeasesShowAsRefreshInterval() {
        Secret secret = new Secret(JsonCodec.decodeObject(
                "{\"lease_id\":\"\",\"lease_duration\":2764800,\"data\":{\"foo\":\"bar\"}}".getBytes()));
        assertThat(SecretTables.of(secret)).isEqualTo("""
                Key                 Value
                ---                 -----
                refresh_interval    768h
                foo                 bar""");
    }

    @Test
    void realLeasesShowTheirThreeFields() {
        Secret secret = new Secret(JsonCodec.decodeObject(
                "{\"lease_id\":\"db/creds/x/123\",\"lease_duration\":3600,\"renewable\":true,\"data\":{}}".getBytes()));
        assertThat(SecretTables.of(secret))
                .contains("lease_id           db/creds/x/123")
                .contains("lease_duration     1h")
                .contains("lease_renewable    true");
    }

    @Test
    void authBlock_showsTheTokenTableAsVaultDoes() {
        Secret login = new Secret(JsonCodec.decodeObject("""
                {"lease_duration":0,"data":null,"auth":{"client_token":"s.new","accessor":"acc-1",
                 "policies":["default","ops"],"token_policies":["default","ops"],"metadata":{"username":"bob","env":"prod"},
                 "lease_duration":2764800,"renewable":true}}""".getBytes()));
        assertThat(SecretTables.of(login)).isEqualTo("""
                Key                    Value
                ---                    -----
                token                  s.new
                token_accessor         acc-1
                token_duration         768h
                token_renewable        true
                token_policies         ["default" "ops"]
                identity_policies      []
                policies               ["default" "ops"]
                token_meta_env         prod
                token_meta_username    bob""");
    }

    @Test
    void authBlock_withoutTtl_showsInfinity() {
        Secret root = new Secret(JsonCodec.decodeObject(
                "{\"auth\":{\"client_token\":\"s.root\",\"accessor\":\"\",\"policies\":[\"root\"],\"lease_duration\":0}}".getBytes()));
        assertThat(SecretTables.of(root))
                .contains("token_accessor       n/a")
                .contains("token_duration       \u221e")
                .contains("token_renewable      false")
                .contains("token_policies       []")
                .contains("policies             [\"root\"]");
    }

    @Test
    void nothingToShowIsEmpty() {
        assertThat(SecretTables.of(new Secret(Map.of()))).isEmpty();
    }
}
