package io.coffer.core.engine.kv;

import static io.coffer.core.engine.kv.KvHarness.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.coffer.core.barrier.PlaintextSecureStorage;
import io.coffer.core.error.CofferException;
import io.coffer.core.mount.MountEntry;
import io.coffer.core.storage.InMemoryStorage;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KvEngineFactoryTest {

    private final KvEngineFactory factory = new KvEngineFactory();

    @Test
    void type_isKv() {
        assertThat(factory.type()).isEqualTo("kv");
    }

    @Test
    void validateOptions_version2_isAccepted() {
        assertThatCode(() -> factory.validateOptions(Map.of("version", "2"))).doesNotThrowAnyException();
        assertThatCode(() -> factory.validateOptions(Map.of("version", "2", "other", "x"))).doesNotThrowAnyException();
    }

    @Test
    void validateOptions_missingVersion_isRejectedWithHowToFix() {
        CofferException e = failure(() -> factory.validateOptions(Map.of()));
        assertThat(e.kind()).isEqualTo(CofferException.Kind.INVALID_REQUEST);
        assertThat(e.getMessage()).contains("KV version 2 only").contains("options.version=2");
    }

    @Test
    void validateOptions_version1_isRejectedWithHowToFix() {
        CofferException e = failure(() -> factory.validateOptions(Map.of("version", "1")));
        assertThat(e.kind()).isEqualTo(CofferException.Kind.INVALID_REQUEST);
        assertThat(e.getMessage()).contains("KV version 2 only").contains("options.version=2");
    }

    @Test
    void validateOptions_otherVersion_isRejected() {
        CofferException e = failure(() -> factory.validateOptions(Map.of("version", "3")));
        assertThat(e.kind()).isEqualTo(CofferException.Kind.INVALID_REQUEST);
        assertThat(e.getMessage()).contains("options.version=2");
    }

    @Test
    void create_returnsKvV2EngineOverTheGivenStorage() {
        InMemoryStorage backend = new InMemoryStorage();
        MountEntry mount = new MountEntry("secret/", "kv", "", "u1", "kv_00000001", Map.of("version", "2"), null, false, false);
        KvV2Engine engine = (KvV2Engine) factory.create(mount, new PlaintextSecureStorage(backend).view("logical/u1/"));
        engine.store().write("app", Map.of("k", "v"), java.util.OptionalLong.empty());
        assertThat(backend.list("logical/u1/")).containsExactly("metadata/", "versions/");
        assertThat(engine.routes()).isNotEmpty();
    }
}
