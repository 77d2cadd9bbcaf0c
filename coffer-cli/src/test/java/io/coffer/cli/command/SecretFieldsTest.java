package io.coffer.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.cli.client.JsonCodec;
import io.coffer.cli.client.Secret;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretFieldsTest {

    private static Secret secret(String json) {
        return new Secret(JsonCodec.decodeObject(json.getBytes()));
    }

    @Test
    void of_authBlock_exposesTheTokenTableNames() {
        Secret login = secret("""
                {"data":{"extra":"x"},"auth":{"client_token":"s.t","accessor":"a","lease_duration":60,"renewable":true,
                 "policies":["p"],"token_policies":["p"]}}""");
        assertThat(SecretFields.of(login, "token")).isEqualTo("s.t");
        assertThat(SecretFields.of(login, "token_accessor")).isEqualTo("a");
        assertThat(SecretFields.of(login, "token_duration")).isEqualTo(60);
        assertThat(SecretFields.of(login, "token_renewable")).isEqualTo(true);
        assertThat(SecretFields.of(login, "policies")).isEqualTo(List.of("p"));
        assertThat(SecretFields.of(login, "identity_policies")).isEqualTo(List.of());
        assertThat(SecretFields.of(login, "extra")).isEqualTo("x");
        assertThat(SecretFields.of(login, "missing")).isNull();
    }

    @Test
    void of_plainSecret_exposesLeaseFieldsAndData() {
        Secret read = secret("""
                {"request_id":"r","lease_id":"l","lease_duration":30,"renewable":false,"data":{"k":"v"}}""");
        assertThat(SecretFields.of(read, "request_id")).isEqualTo("r");
        assertThat(SecretFields.of(read, "refresh_interval")).isEqualTo(30);
        assertThat(SecretFields.of(read, "k")).isEqualTo("v");
        assertThat(SecretFields.of(read, "data")).isEqualTo(Map.of("k", "v"));
        assertThat(SecretFields.of(read, "token")).isNull();
    }
}
