package io.coffer.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientSettingsTest {

    private static ClientSettings resolve(Map<String, String> env) {
        return ClientSettings.resolve(ClientOverrides.NONE, Environment.of(env));
    }

    @Nested
    class Address {

        @Test
        void defaultsToVaultsDefault() {
            assertThat(resolve(Map.of()).address()).isEqualTo(URI.create("https://127.0.0.1:8200"));
        }

        @Test
        void vaultVariableIsTheFallback() {
            assertThat(resolve(Map.of("VAULT_ADDR", "http://vault:8200")).address()).isEqualTo(URI.create("http://vault:8200"));
        }

        @Test
        void cofferVariableWinsOverVaults() {
            ClientSettings settings = resolve(Map.of("COFFER_ADDR", "http://coffer:8200", "VAULT_ADDR", "http://vault:8200"));
            assertThat(settings.address()).isEqualTo(URI.create("http://coffer:8200"));
        }

        @Test
        void flagWinsOverEverything() {
            ClientSettings settings = ClientSettings.resolve(
                    new ClientOverrides("http://flag:1", null, null, null),
                    Environment.of(Map.of("COFFER_ADDR", "http://coffer:8200", "VAULT_ADDR", "http://vault:8200")));
            assertThat(settings.address()).isEqualTo(URI.create("http://flag:1"));
        }

        @Test
        void blankVariablesCountAsUnset() {
            assertThat(resolve(Map.of("COFFER_ADDR", "  ", "VAULT_ADDR", "http://vault:8200")).address())
                    .isEqualTo(URI.create("http://vault:8200"));
        }

        @Test
        void trailingSlashesAreDropped() {
            assertThat(resolve(Map.of("COFFER_ADDR", "http://coffer:8200//")).address()).isEqualTo(URI.create("http://coffer:8200"));
        }

        @Test
        void onlyHttpAndHttpsAreAccepted() {
            assertThatThrownBy(() -> resolve(Map.of("COFFER_ADDR", "ftp://coffer")))
                    .isInstanceOf(ClientConfigurationException.class)
                    .hasMessageContaining("invalid address \"ftp://coffer\"");
            assertThatThrownBy(() -> resolve(Map.of("COFFER_ADDR", "coffer:8200")))
                    .isInstanceOf(ClientConfigurationException.class);
        }
    }

    @Nested
    class Token {

        @TempDir
        Path home;

        @Test
        void noneByDefault() {
            assertThat(resolve(Map.of()).tokenIfAny()).isEmpty();
        }

        @Test
        void cofferTokenWinsOverVaultToken() {
            assertThat(resolve(Map.of("COFFER_TOKEN", "c-token", "VAULT_TOKEN", "v-token")).tokenIfAny()).contains("c-token");
        }

        @Test
        void vaultTokenIsTheFallback() {
            assertThat(resolve(Map.of("VAULT_TOKEN", "v-token")).tokenIfAny()).contains("v-token");
        }

        @Test
        void tokenHelperFile_whenNoVariableIsSet_isTheLastFallback() throws IOException {
            Files.writeString(home.resolve(".coffer-token"), "s.from-file\n");
            assertThat(resolve(Map.of("HOME", home.toString())).tokenIfAny()).contains("s.from-file");
        }

        @Test
        void tokenHelperFile_whenAVariableIsSet_isIgnored() throws IOException {
            Files.writeString(home.resolve(".coffer-token"), "s.from-file");
            assertThat(resolve(Map.of("HOME", home.toString(), "VAULT_TOKEN", "v-token")).tokenIfAny()).contains("v-token");
            assertThat(resolve(Map.of("HOME", home.toString(), "COFFER_TOKEN", "c-token")).tokenIfAny()).contains("c-token");
        }

        @Test
        void tokenHelperFile_withoutHome_isNotConsulted() {
            // Not even the JVM's user.home: an in-process run must not pick up the real user's token.
            assertThat(resolve(Map.of()).tokenIfAny()).isEmpty();
        }

        @Test
        void resolveWithoutToken_ignoresVariablesAndAnUnreadableTokenFile() throws IOException {
            Files.createDirectory(home.resolve(".coffer-token"));
            Map<String, String> env = Map.of("HOME", home.toString(), "COFFER_TOKEN", "c-token", "COFFER_ADDR", "http://c:1");

            ClientSettings settings = ClientSettings.resolveWithoutToken(ClientOverrides.NONE, Environment.of(env));

            assertThat(settings.tokenIfAny()).isEmpty();
            assertThat(settings.address()).isEqualTo(URI.create("http://c:1"));
            assertThatThrownBy(() -> resolve(Map.of("HOME", home.toString()))).isInstanceOf(ClientConfigurationException.class);
        }

        @Test
        void withToken_replacesOrDropsTheToken() {
            ClientSettings settings = resolve(Map.of("COFFER_TOKEN", "c-token"));
            assertThat(settings.withToken("other").tokenIfAny()).contains("other");
            assertThat(settings.withToken(null).tokenIfAny()).isEmpty();
            assertThat(settings.withToken(null).address()).isEqualTo(settings.address());
        }

        @Test
        void neverShownInToString() {
            String text = resolve(Map.of("COFFER_TOKEN", "s.very-secret")).toString();
            assertThat(text).doesNotContain("very-secret").contains("token=<redacted>");
        }
    }

    @Nested
    class Tls {

        @Test
        void verifiesByDefault() {
            ClientSettings settings = resolve(Map.of());
            assertThat(settings.skipVerify()).isFalse();
            assertThat(settings.caCertFile()).isNull();
        }

        @Test
        void caCertFromEitherVariableCofferFirst() {
            assertThat(resolve(Map.of("VAULT_CACERT", "/v.pem")).caCertFile()).isEqualTo(Path.of("/v.pem"));
            assertThat(resolve(Map.of("COFFER_CACERT", "/c.pem", "VAULT_CACERT", "/v.pem")).caCertFile()).isEqualTo(Path.of("/c.pem"));
        }

        @Test
        void skipVerifyReadsGoBooleans() {
            assertThat(resolve(Map.of("VAULT_SKIP_VERIFY", "1")).skipVerify()).isTrue();
            assertThat(resolve(Map.of("COFFER_SKIP_VERIFY", "false", "VAULT_SKIP_VERIFY", "true")).skipVerify()).isFalse();
        }

        @Test
        void skipVerifyRejectsNonsense() {
            assertThatThrownBy(() -> resolve(Map.of("COFFER_SKIP_VERIFY", "yes")))
                    .isInstanceOf(ClientConfigurationException.class)
                    .hasMessage("could not parse COFFER_SKIP_VERIFY");
        }

        @Test
        void flagOverridesSkipVerifyVariable() {
            ClientSettings settings = ClientSettings.resolve(new ClientOverrides(null, null, false, null),
                    Environment.of(Map.of("VAULT_SKIP_VERIFY", "true")));
            assertThat(settings.skipVerify()).isFalse();
        }
    }

    @Nested
    class Timeout {

        @Test
        void sixtySecondsByDefault() {
            assertThat(resolve(Map.of()).requestTimeout()).isEqualTo(Duration.ofSeconds(60));
        }

        @Test
        void readsDurationsAndBareSeconds() {
            assertThat(resolve(Map.of("COFFER_CLIENT_TIMEOUT", "2m")).requestTimeout()).isEqualTo(Duration.ofMinutes(2));
            assertThat(resolve(Map.of("VAULT_CLIENT_TIMEOUT", "45")).requestTimeout()).isEqualTo(Duration.ofSeconds(45));
        }

        @Test
        void rejectsNonsenseAndNonPositive() {
            assertThatThrownBy(() -> resolve(Map.of("COFFER_CLIENT_TIMEOUT", "soon"))).isInstanceOf(ClientConfigurationException.class);
            assertThatThrownBy(() -> resolve(Map.of("COFFER_CLIENT_TIMEOUT", "0s"))).isInstanceOf(ClientConfigurationException.class);
        }
    }
}
