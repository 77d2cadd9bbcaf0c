package io.coffer.server.aws;

import static io.coffer.server.aws.AwsFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.secretsmanager.caching.SecretCache;
import com.amazonaws.secretsmanager.caching.SecretCacheConfiguration;
import io.coffer.server.SuiteAccess;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * aws-secretsmanager-caching-java's {@link SecretCache}, unmodified, over a SecretsManagerClient
 * pointed at Coffer: it reads through the AWS door and picks up a new AWSCURRENT version once its
 * item TTL has passed.
 */
class AwsSecretCacheCompatibilityTest {

    /** Short enough for a quick test, long enough that the first re-read is served from the cache. */
    private static final long CACHE_TTL_MILLIS = 1_000;
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    static AwsFixture fixture;
    static SecretsManagerClient sm;

    @BeforeAll
    static void start() {
        fixture = AwsFixture.start();
        sm = fixture.client(fixture.createFullAccessKey());
    }

    @AfterAll
    static void stop() {
        if (sm != null) {
            sm.close();
        }
        fixture.close();
    }

    @Test
    void secretCache_readsThroughCoffer_andPicksUpANewVersionAfterItsTtl() throws InterruptedException {
        String name = unique("cache/app");
        String first = SuiteAccess.registerSecret("{\"password\":\"cache-v1\"}");
        String second = SuiteAccess.registerSecret("{\"password\":\"cache-v2\"}");
        sm.createSecret(b -> b.name(name).secretString(first));

        SecretCacheConfiguration config = new SecretCacheConfiguration().withClient(sm).withCacheItemTTL(CACHE_TTL_MILLIS);
        try (SecretCache cache = new SecretCache(config)) {
            assertThat(cache.getSecretString(name)).isEqualTo(first);

            sm.putSecretValue(b -> b.secretId(name).secretString(second));
            Instant deadline = Instant.now().plus(DEADLINE);
            String seen = cache.getSecretString(name);
            while (!second.equals(seen) && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
                seen = cache.getSecretString(name);
            }
            assertThat(seen).as("the cache's value after its TTL").isEqualTo(second);
        }
    }

    @Test
    void secretCache_refreshNow_fetchesTheNewVersionAtOnce() throws InterruptedException {
        String name = unique("cache/refresh");
        sm.createSecret(b -> b.name(name).secretString(SuiteAccess.registerSecret("refresh-v1")));
        SecretCacheConfiguration config = new SecretCacheConfiguration().withClient(sm).withCacheItemTTL(Duration.ofHours(1).toMillis());
        try (SecretCache cache = new SecretCache(config)) {
            assertThat(cache.getSecretString(name)).isEqualTo("refresh-v1");
            sm.putSecretValue(b -> b.secretId(name).secretString(SuiteAccess.registerSecret("refresh-v2")));
            assertThat(cache.getSecretString(name)).as("still cached").isEqualTo("refresh-v1");
            assertThat(cache.refreshNow(name)).isTrue();
            assertThat(cache.getSecretString(name)).isEqualTo("refresh-v2");
        }
    }

    @Test
    void secretCache_readsBinarySecrets() {
        String name = unique("cache/binary");
        byte[] bytes = {0, 1, 2, (byte) 0xff, (byte) 0x80};
        sm.createSecret(b -> b.name(name).secretBinary(SdkBytes.fromByteArray(bytes)));
        try (SecretCache cache = new SecretCache(sm)) {
            java.nio.ByteBuffer got = cache.getSecretBinary(name);
            byte[] read = new byte[got.remaining()];
            got.get(read);
            assertThat(read).isEqualTo(bytes);
        }
    }
}
