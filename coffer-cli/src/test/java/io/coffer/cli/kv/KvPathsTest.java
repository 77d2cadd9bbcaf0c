package io.coffer.cli.kv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KvPathsTest {

    @Test
    void sanitizeDropsOuterSlashesAndBlanks() {
        assertThat(KvPaths.sanitize(" /secret/foo/ ")).isEqualTo("secret/foo");
        assertThat(KvPaths.sanitize("///")).isEmpty();
    }

    @Test
    void joinUsesSingleSlashes() {
        assertThat(KvPaths.join("secret/", "data", "/app//db/")).isEqualTo("secret/data/app/db");
        assertThat(KvPaths.join("", "foo")).isEqualTo("foo");
    }

    @Test
    void apiPrefixGoesRightAfterTheMount() {
        assertThat(KvPaths.withApiPrefix("secret/foo", "secret/", "data")).isEqualTo("secret/data/foo");
        assertThat(KvPaths.withApiPrefix("team/kv/app/db", "team/kv/", "metadata")).isEqualTo("team/kv/metadata/app/db");
    }

    @Test
    void theMountItselfGetsJustThePrefix() {
        assertThat(KvPaths.withApiPrefix("secret", "secret/", "metadata")).isEqualTo("secret/metadata");
        assertThat(KvPaths.withApiPrefix("secret/", "secret", "metadata")).isEqualTo("secret/metadata");
    }

    @Test
    void aMountThatMerelySharesAPrefixIsNotStripped() {
        assertThat(KvPaths.withApiPrefix("secretive/foo", "secret/", "data")).isEqualTo("secret/data/secretive/foo");
    }
}
