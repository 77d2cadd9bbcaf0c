package io.coffer.server.aws;

import static io.coffer.server.aws.AwsFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.server.SuiteAccess;
import io.github.jopenlibs.vault.Vault;
import io.github.jopenlibs.vault.VaultException;
import io.github.jopenlibs.vault.response.LogicalResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

/**
 * One store behind two doors: a secret written through the AWS SDK is read through
 * vault-java-driver (KV v2 at {@code secret/}) and the other way round. AWS secret {@code N} is KV
 * secret {@code secret/N}; a JSON object string is the KV map; other strings and bytes are kept
 * exactly and show through KV as {@code {"SecretString": ...}} / {@code {"SecretBinary": base64}}.
 */
class AwsVaultSameSecretTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static AwsFixture fixture;
    static SecretsManagerClient sm;
    static Vault vault;

    @BeforeAll
    static void start() {
        fixture = AwsFixture.start();
        sm = fixture.client(fixture.createFullAccessKey());
        vault = fixture.vault();
    }

    @AfterAll
    static void stop() {
        if (sm != null) {
            sm.close();
        }
        fixture.close();
    }

    private static Map<String, Object> parse(String json) throws Exception {
        return JSON.readValue(json, new TypeReference<>() {
        });
    }

    @Test
    void jsonObjectWrittenThroughAws_readsThroughKvAsItsMap() throws VaultException {
        String name = unique("cross/aws-json");
        String password = SuiteAccess.registerSecret("cross-pw-1");
        sm.createSecret(b -> b.name(name).secretString("{\"username\":\"app\",\"password\":\"" + password + "\"}"));

        LogicalResponse read = vault.logical().read("secret/" + name);
        assertThat(read.getRestResponse().getStatus()).isEqualTo(200);
        assertThat(read.getData()).containsExactlyInAnyOrderEntriesOf(Map.of("username", "app", "password", password));
        assertThat(read.getDataMetadata().getVersion()).isEqualTo(1L);
    }

    @Test
    void mapWrittenThroughKv_readsThroughAwsAsJson() throws Exception {
        String name = unique("cross/kv-map");
        String token = SuiteAccess.registerSecret("cross-token-1");
        vault.logical().write("secret/" + name, Map.of("user", "svc", "token", token));

        GetSecretValueResponse got = sm.getSecretValue(b -> b.secretId(name));
        assertThat(parse(got.secretString())).isEqualTo(Map.of("user", "svc", "token", token));
        assertThat(got.secretBinary()).isNull();
        assertThat(got.versionStages()).containsExactly("AWSCURRENT");
        assertThat(got.name()).isEqualTo(name);
        assertThat(got.arn()).startsWith("arn:aws:secretsmanager:us-east-1:").contains(":secret:" + name + "-");
        assertThat(sm.describeSecret(b -> b.secretId(name)).versionIdsToStages()).hasSize(1);
    }

    @Test
    void kvWrite_makesItsVersionAwsCurrent_andAwsPutMakesTheKvReadLatest() throws Exception {
        String name = unique("cross/alternate");
        String v1 = sm.createSecret(b -> b.name(name).secretString(SuiteAccess.registerSecret("{\"v\":\"aws-1\"}"))).versionId();

        vault.logical().write("secret/" + name, Map.of("v", SuiteAccess.registerSecret("kv-2")));
        GetSecretValueResponse afterKv = sm.getSecretValue(b -> b.secretId(name));
        assertThat(parse(afterKv.secretString())).isEqualTo(Map.of("v", "kv-2"));
        assertThat(afterKv.versionId()).isNotEqualTo(v1);
        Map<String, List<String>> stages = sm.describeSecret(b -> b.secretId(name)).versionIdsToStages();
        assertThat(stages).containsEntry(v1, List.of("AWSPREVIOUS")).containsEntry(afterKv.versionId(), List.of("AWSCURRENT"));

        sm.putSecretValue(b -> b.secretId(name).secretString(SuiteAccess.registerSecret("{\"v\":\"aws-3\"}")));
        LogicalResponse latest = vault.logical().read("secret/" + name);
        assertThat(latest.getData()).containsExactly(Map.entry("v", "aws-3"));
        assertThat(latest.getDataMetadata().getVersion()).isEqualTo(3L);
        assertThat(vault.logical().read("secret/" + name, true, 1).getData()).containsExactly(Map.entry("v", "aws-1"));
        assertThat(vault.logical().read("secret/" + name, true, 2).getData()).containsExactly(Map.entry("v", "kv-2"));
    }

    @Test
    void plainStringWrittenThroughAws_isPreservedExactly_andShowsThroughKvAsSecretString() throws VaultException {
        String name = unique("cross/plain");
        String text = SuiteAccess.registerSecret(" plain \"text\" with é and a trailing newline\n");
        sm.createSecret(b -> b.name(name).secretString(text));

        assertThat(vault.logical().read("secret/" + name).getData()).containsExactly(Map.entry("SecretString", text));
        assertThat(sm.getSecretValue(b -> b.secretId(name)).secretString()).isEqualTo(text);
    }

    @Test
    void jsonObjectWrittenThroughAws_keepsItsExactStringForAwsReaders() {
        String name = unique("cross/exact");
        String spaced = SuiteAccess.registerSecret("{ \"b\" : \"2\",\n  \"a\" : \"1\" }");
        sm.createSecret(b -> b.name(name).secretString(spaced));
        assertThat(sm.getSecretValue(b -> b.secretId(name)).secretString()).isEqualTo(spaced);
    }

    @Test
    void binaryWrittenThroughAws_showsThroughKvAsBase64() throws VaultException {
        String name = unique("cross/binary");
        byte[] bytes = {(byte) 0xde, (byte) 0xad, 0, (byte) 0xbe, (byte) 0xef};
        sm.createSecret(b -> b.name(name).secretBinary(SdkBytes.fromByteArray(bytes)));

        assertThat(vault.logical().read("secret/" + name).getData())
                .containsExactly(Map.entry("SecretBinary", Base64.getEncoder().encodeToString(bytes)));
        assertThat(sm.getSecretValue(b -> b.secretId(name)).secretBinary().asByteArray()).isEqualTo(bytes);
    }
}
