package io.coffer.core.engine.kv;

import static io.coffer.core.engine.kv.KvHarness.dataJson;
import static io.coffer.core.engine.kv.KvHarness.failure;
import static io.coffer.core.engine.kv.KvHarness.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Response;
import org.junit.jupiter.api.Test;

class ConfigPathsTest {

    private final KvHarness h = new KvHarness();

    @Test
    void read_neverWritten_returnsDefaults() {
        assertThat(dataJson(h.read("config"))).isEqualTo("{\"cas_required\":false,\"delete_version_after\":\"0s\",\"max_versions\":0}");
    }

    @Test
    void write_allFields_areReadBack() {
        Response w = h.write("config", "{\"max_versions\":5,\"cas_required\":true,\"delete_version_after\":\"3h25m19s\"}");
        assertThat(status(w)).isEqualTo(204);
        assertThat(dataJson(h.read("config"))).isEqualTo("{\"cas_required\":true,\"delete_version_after\":\"3h25m19s\",\"max_versions\":5}");
    }

    @Test
    void write_someFields_keepsTheOthers() {
        h.write("config", "{\"max_versions\":5,\"cas_required\":true}");
        h.write("config", "{\"max_versions\":6}");
        assertThat(dataJson(h.read("config"))).isEqualTo("{\"cas_required\":true,\"delete_version_after\":\"0s\",\"max_versions\":6}");
    }

    @Test
    void write_negativeDeleteVersionAfter_disablesIt() {
        h.write("config", "{\"delete_version_after\":\"-5m\"}");
        assertThat(dataJson(h.read("config"))).contains("\"delete_version_after\":\"-1s\"");
        h.write("config", "{\"delete_version_after\":-1}");
        assertThat(dataJson(h.read("config"))).contains("\"delete_version_after\":\"-1s\"");
    }

    @Test
    void write_zeroDeleteVersionAfter_clearsIt() {
        h.write("config", "{\"delete_version_after\":\"1h\"}");
        h.write("config", "{\"delete_version_after\":\"0s\"}");
        assertThat(dataJson(h.read("config"))).contains("\"delete_version_after\":\"0s\"");
    }

    @Test
    void write_deleteVersionAfterInSeconds_isFormattedAsGoDuration() {
        h.write("config", "{\"delete_version_after\":\"90061\"}");
        assertThat(dataJson(h.read("config"))).contains("\"delete_version_after\":\"25h1m1s\"");
    }

    @Test
    void write_noFields_writesNothing() {
        assertThat(status(h.write("config", "{}"))).isEqualTo(204);
        assertThat(h.allBackendKeys()).isEmpty();
    }

    @Test
    void write_negativeMaxVersions_is400() {
        assertThat(failure(() -> h.write("config", "{\"max_versions\":-1}")).kind()).isEqualTo(CofferException.Kind.INVALID_REQUEST);
    }

    @Test
    void write_badDuration_is400() {
        assertThat(failure(() -> h.write("config", "{\"delete_version_after\":\"soon\"}")).kind())
                .isEqualTo(CofferException.Kind.INVALID_REQUEST);
    }

    @Test
    void delete_isUnsupported() {
        assertThat(failure(() -> h.delete("config")).kind()).isEqualTo(CofferException.Kind.UNSUPPORTED_OPERATION);
    }
}
