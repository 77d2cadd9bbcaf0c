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

    @Test
    void recordCapAndFreeSpaceWarn_haveDefaults_andRefuseBadValuesNamingTheOption() {
        FileDeviceOptions defaults = FileDeviceOptions.parse(Map.of("file_path", "/tmp/a.log"));
        assertThat(defaults.format().maxRecordBytes()).isEqualTo(65536);
        assertThat(defaults.freeSpaceWarn()).isEqualTo(FreeSpaceThreshold.DEFAULT);
        FileDeviceOptions set = FileDeviceOptions.parse(Map.of("file_path", "/tmp/a.log", "max_record_bytes", "8192",
                "free_space_warn", "2.5%"));
        assertThat(set.format().maxRecordBytes()).isEqualTo(8192);
        assertThat(set.freeSpaceWarn().bytesOf(1000)).isEqualTo(25);
        assertThat(FileDeviceOptions.parse(Map.of("file_path", "/tmp/a.log", "free_space_warn", "1073741824"))
                .freeSpaceWarn().bytesOf(1)).isEqualTo(1073741824L);
        for (String bad : new String[] {"8191", "0", "-5", "64k", "67108865", "99999999999"}) {
            assertThatThrownBy(() -> FileDeviceOptions.parse(Map.of("file_path", "/tmp/a.log", "max_record_bytes", bad)))
                    .as(bad).isInstanceOf(CofferException.class).hasMessageContaining("max_record_bytes");
        }
        for (String bad : new String[] {"101%", "-1%", "-1", "ten", "%", "1e9"}) {
            assertThatThrownBy(() -> FileDeviceOptions.parse(Map.of("file_path", "/tmp/a.log", "free_space_warn", bad)))
                    .as(bad).isInstanceOf(CofferException.class).hasMessageContaining("free_space_warn");
        }
    }
}
