package io.coffer.core.aws.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.core.engine.kv.KvStore;
import io.coffer.core.error.CofferException;
import io.coffer.core.engine.kv.StagedKey;
import io.coffer.core.engine.kv.VersionRead;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** One store, two doors: what AWS writes KV reads, and the other way round. */
class KvMappingTest {

    private final SecretsHarness h = new SecretsHarness();
    private final KvStore kv = h.kv;

    @Test
    void awsJsonObjectString_readsThroughKvAsMap_andThroughAwsAsTheExactString() {
        String original = "{\"user\": \"app\",  \"pass\":\"p\"}";
        h.call("CreateSecret", "{\"Name\":\"db\",\"SecretString\":" + quote(original) + "}");

        VersionRead r = kv.readVersion("db", 0).orElseThrow();
        assertThat(r.data()).containsExactly(Map.entry("pass", "p"), Map.entry("user", "app"));
        assertThat(h.call("GetSecretValue", "{\"SecretId\":\"db\"}").get("SecretString").asText()).isEqualTo(original);
    }

    @Test
    void awsDeleteSecret_hidesTheValueFromKvToo_untilRestoreSecret() {
        h.call("CreateSecret", "{\"Name\":\"db\",\"SecretString\":\"{\\\"p\\\":\\\"x\\\"}\"}");
        h.call("DeleteSecret", "{\"SecretId\":\"db\",\"RecoveryWindowInDays\":7}");

        assertThat(kv.readVersion("db", 0).orElseThrow().live()).isFalse();
        assertThat(kv.readVersion("db", 1).orElseThrow().live()).isFalse();
        assertThat(catchThrowableOfType(CofferException.class, () -> kv.write("db", Map.of("p", "y"), OptionalLong.empty())))
                .isNotNull()
                .extracting(CofferException::kind).isEqualTo(CofferException.Kind.INVALID_REQUEST);
        assertThat(kv.readMetadata("db")).isPresent();

        h.call("RestoreSecret", "{\"SecretId\":\"db\"}");
        assertThat(kv.readVersion("db", 0).orElseThrow().data()).isEqualTo(Map.of("p", "x"));
        kv.write("db", Map.of("p", "y"), OptionalLong.empty());
        assertThat(h.call("GetSecretValue", "{\"SecretId\":\"db\"}").get("SecretString").asText()).isEqualTo("{\"p\":\"y\"}");
    }

    @Test
    void awsPlainString_readsThroughKvAsOneFieldMap() {
        h.call("CreateSecret", "{\"Name\":\"tok\",\"SecretString\":\"  not json {\"}");
        assertThat(kv.readVersion("tok", 0).orElseThrow().data()).containsExactly(Map.entry("SecretString", "  not json {"));
        assertThat(h.call("GetSecretValue", "{\"SecretId\":\"tok\"}").get("SecretString").asText()).isEqualTo("  not json {");
    }

    @Test
    void kvWrite_readsThroughAwsAsJson_andBecomesCurrent() {
        kv.write("app/cfg", Map.of("b", 2, "a", "x"), OptionalLong.empty());
        ObjectNode got = h.call("GetSecretValue", "{\"SecretId\":\"app/cfg\"}");
        assertThat(got.get("SecretString").asText()).isEqualTo("{\"a\":\"x\",\"b\":2}");
        assertThat(got.get("VersionStages").toString()).isEqualTo("[\"AWSCURRENT\"]");
        assertThat(got.get("ARN").asText()).matches(".*:secret:app/cfg-[A-Za-z0-9]{6}");
        // The derived ARN is stable across reads.
        assertThat(h.call("DescribeSecret", "{\"SecretId\":\"app/cfg\"}").get("ARN").asText()).isEqualTo(got.get("ARN").asText());

        kv.write("app/cfg", Map.of("a", "y"), OptionalLong.empty());
        StagedKey staged = kv.readStaged("app/cfg").orElseThrow();
        assertThat(staged.byLabel("AWSCURRENT").orElseThrow().number()).isEqualTo(2);
        assertThat(staged.byLabel("AWSPREVIOUS").orElseThrow().number()).isEqualTo(1);
        assertThat(h.call("GetSecretValue", "{\"SecretId\":\"app/cfg\",\"VersionStage\":\"AWSPREVIOUS\"}").get("SecretString").asText())
                .isEqualTo("{\"a\":\"x\",\"b\":2}");
    }

    @Test
    void kvReadWithoutVersion_followsAwsCurrent_notTheNewestVersion() {
        h.call("CreateSecret", "{\"Name\":\"s\",\"SecretString\":\"{\\\"v\\\":1}\"}");
        h.call("PutSecretValue", "{\"SecretId\":\"s\",\"SecretString\":\"{\\\"v\\\":2}\",\"VersionStages\":[\"AWSPENDING\"]}");

        assertThat(kv.readVersion("s", 0).orElseThrow().data()).containsEntry("v", 1);
        assertThat(kv.readVersion("s", 2).orElseThrow().data()).containsEntry("v", 2);
        // A KV write moves AWSCURRENT to the new version.
        kv.write("s", Map.of("v", 3), OptionalLong.empty());
        assertThat(h.call("GetSecretValue", "{\"SecretId\":\"s\"}").get("SecretString").asText()).isEqualTo("{\"v\":3}");
        assertThat(kv.readStaged("s").orElseThrow().byLabel("AWSPREVIOUS").orElseThrow().number()).isEqualTo(1);
    }

    @Test
    void kvPatch_mergesOntoTheCurrentVersion() {
        h.call("CreateSecret", "{\"Name\":\"s\",\"SecretString\":\"{\\\"a\\\":1}\"}");
        kv.patch("s", Map.of("b", 2), OptionalLong.empty());
        assertThat(h.call("GetSecretValue", "{\"SecretId\":\"s\"}").get("SecretString").asText()).isEqualTo("{\"a\":1,\"b\":2}");
    }

    @Test
    void kvSoftDeleteOfCurrent_keepsLabels_andAwsCannotReadIt() {
        h.call("CreateSecret", "{\"Name\":\"s\",\"SecretString\":\"v\"}");
        kv.deleteLatest("s");
        assertThat(kv.readStaged("s").orElseThrow().byLabel("AWSCURRENT")).isPresent();
        assertThat(h.failure("GetSecretValue", "{\"SecretId\":\"s\"}").type().name()).isEqualTo("ResourceNotFoundException");
        kv.undelete("s", List.of(1L));
        assertThat(h.call("GetSecretValue", "{\"SecretId\":\"s\"}").get("SecretString").asText()).isEqualTo("v");
    }

    @Test
    void awsCreatedSecret_keepsMoreThanMaxVersions_andPrunesOnlyOldUnlabelledBeyondHundred() {
        h.call("CreateSecret", "{\"Name\":\"s\",\"SecretString\":\"v0\"}");
        for (int i = 1; i <= 100; i++) {
            h.call("PutSecretValue", "{\"SecretId\":\"s\",\"SecretString\":\"v" + i + "\"}");
        }
        // 101 versions, but all younger than a day: none pruned.
        assertThat(kv.readStaged("s").orElseThrow().versions()).hasSize(101);
        h.clock.advance(Duration.ofHours(25));
        h.call("PutSecretValue", "{\"SecretId\":\"s\",\"SecretString\":\"v101\"}");
        StagedKey k = kv.readStaged("s").orElseThrow();
        assertThat(k.versions()).hasSize(100);
        assertThat(k.versions().get(0).number()).isEqualTo(3);
        assertThat(k.byLabel("AWSPREVIOUS").orElseThrow().number()).isEqualTo(101);
    }

    @Test
    void kvCreatedKey_keepsVaultsMaxVersionsWindow() {
        for (int i = 0; i < 12; i++) {
            kv.write("k", Map.of("i", i), OptionalLong.empty());
        }
        assertThat(kv.readStaged("k").orElseThrow().versions()).hasSize(10);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
