package io.coffer.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenFileTest {

    @TempDir
    Path home;

    private TokenFile tokenFile() {
        return TokenFile.inHomeOf(Environment.of(Map.of("HOME", home.toString()))).orElseThrow();
    }

    @Test
    void inHomeOf_home_isDotCofferTokenThere() {
        assertThat(tokenFile().path()).isEqualTo(home.resolve(".coffer-token"));
    }

    @Test
    void inHomeOf_windowsProfile_isTheFallback() {
        TokenFile file = TokenFile.inHomeOf(Environment.of(Map.of("USERPROFILE", home.toString()))).orElseThrow();
        assertThat(file.path()).isEqualTo(home.resolve(".coffer-token"));
    }

    @Test
    void inHomeOf_noHome_isEmpty() {
        assertThat(TokenFile.inHomeOf(Environment.of(Map.of()))).isEmpty();
    }

    @Test
    void read_noFile_isEmpty() {
        assertThat(tokenFile().read()).isEmpty();
    }

    @Test
    void read_blankFile_isEmpty() throws IOException {
        Files.writeString(home.resolve(".coffer-token"), " \n");
        assertThat(tokenFile().read()).isEmpty();
    }

    @Test
    void store_thenRead_roundTripsWithoutWhitespace() throws IOException {
        tokenFile().store("s.abc");
        assertThat(tokenFile().read()).contains("s.abc");
        assertThat(Files.readString(home.resolve(".coffer-token"))).isEqualTo("s.abc");
    }

    @Test
    void store_existingFile_isReplacedAndNoTemporaryFileRemains() throws IOException {
        Files.writeString(home.resolve(".coffer-token"), "s.old-and-much-longer");
        tokenFile().store("s.new");
        assertThat(tokenFile().read()).contains("s.new");
        try (var files = Files.list(home)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(".coffer-token");
        }
    }

    @Test
    void store_onPosix_isReadableByTheOwnerOnly() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path existing = Files.writeString(home.resolve(".coffer-token"), "s.old");
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-r--r--"));

        tokenFile().store("s.new");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve(".coffer-token"))))
                .isEqualTo("rw-------");
    }

    @Test
    void store_unwritableDirectory_failsNamingTheFileButNotTheToken() {
        TokenFile file = new TokenFile(home.resolve("missing-dir").resolve(".coffer-token"));
        assertThatThrownBy(() -> file.store("s.secret-token"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(".coffer-token")
                .hasMessageNotContaining("s.secret-token");
    }

    @Test
    void read_unreadable_failsAsAConfigurationErrorWithoutTheContents() throws IOException {
        Files.createDirectory(home.resolve(".coffer-token"));
        assertThatThrownBy(() -> tokenFile().read())
                .isInstanceOf(ClientConfigurationException.class)
                .hasMessageStartingWith("failed to get token from token helper: could not read " + home.resolve(".coffer-token"));
    }
}
