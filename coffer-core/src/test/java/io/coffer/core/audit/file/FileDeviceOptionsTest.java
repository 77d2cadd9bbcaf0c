package io.coffer.core.audit.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.core.error.CofferException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FileDeviceOptionsTest {

    @Test
    void durability_defaultsToWrite_acceptsFsync_refusesAnythingElse() {
        assertThat(FileDeviceOptions.parse(Map.of("file_path", "/tmp/a.log")).durability())
                .isEqualTo(AuditFileWriter.Durability.WRITE);
        assertThat(FileDeviceOptions.parse(Map.of("file_path", "/tmp/a.log", "durability", "fsync")).durability())
                .isEqualTo(AuditFileWriter.Durability.FSYNC);
        assertThatThrownBy(() -> FileDeviceOptions.parse(Map.of("file_path", "/tmp/a.log", "durability", "sometimes")))
                .isInstanceOfSatisfying(CofferException.class,
                        e -> assertThat(e.kind()).isEqualTo(CofferException.Kind.INVALID_REQUEST))
                .hasMessageContaining("durability");
    }
}
