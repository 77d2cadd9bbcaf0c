package io.coffer.cli.login;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.cli.client.ClientOverrides;
import io.coffer.cli.client.ClientSettings;
import io.coffer.cli.client.Environment;
import io.coffer.cli.testing.FakeTerminal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoginAttemptTest {

    @Test
    void toString_configuration_namesKeysButNeverValues() {
        ClientSettings settings = ClientSettings.resolve(ClientOverrides.NONE, Environment.of(Map.of("COFFER_TOKEN", "s.old")));
        LoginAttempt attempt = new LoginAttempt(settings, "userpass",
                Map.of("username", "bob", "password", "hunter2"), FakeTerminal.none());

        assertThat(attempt.toString()).contains("userpass").contains("password")
                .doesNotContain("hunter2").doesNotContain("s.old");
    }
}
