package io.coffer.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyValueArgumentsTest {

    @TempDir
    Path directory;

    private static KeyValueArguments withStdin(String stdin) {
        return new KeyValueArguments(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    }

    private static Map<String, Object> parse(String... arguments) {
        return withStdin("").parse(List.of(arguments));
    }

    @Test
    void pairsKeepTheirOrderAndValuesMayContainEquals() {
        assertThat(parse("user=admin", "url=postgres://h/db?sslmode=require", "empty="))
                .containsExactly(Map.entry("user", "admin"), Map.entry("url", "postgres://h/db?sslmode=require"), Map.entry("empty", ""));
    }

    @Test
    void emptyArgumentsAreIgnored() {
        assertThat(parse("", "a=b")).containsExactly(Map.entry("a", "b"));
    }

    @Test
    void repeatedKeysCollectIntoAList() {
        assertThat(parse("tag=a", "tag=b", "tag=c")).containsExactly(Map.entry("tag", List.of("a", "b", "c")));
    }

    @Test
    void atPathReadsTheFileAsTheValue() throws IOException {
        Path key = Files.writeString(directory.resolve("id_ed25519"), "-----BEGIN KEY-----\nxyz\n");
        assertThat(parse("key=@" + key)).containsExactly(Map.entry("key", "-----BEGIN KEY-----\nxyz\n"));
    }

    @Test
    void escapedAtIsLiteral() {
        assertThat(parse("handle=\\@coffer")).containsExactly(Map.entry("handle", "@coffer"));
    }

    @Test
    void dashReadsTheValueFromStdin() {
        assertThat(withStdin("s3cr3t").parse(List.of("password=-"))).containsExactly(Map.entry("password", "s3cr3t"));
    }

    @Test
    void aLoneDashMergesAJsonObjectFromStdin() {
        Map<String, Object> data = withStdin("{\"port\":5432,\"hosts\":[\"a\",\"b\"]}").parse(List.of("name=db", "-"));
        assertThat(data).containsEntry("name", "db").containsEntry("port", 5432).containsEntry("hosts", List.of("a", "b"));
    }

    @Test
    void aLoneAtFileMergesAJsonObject() throws IOException {
        Path json = Files.writeString(directory.resolve("data.json"), "{\"a\":\"from-file\",\"b\":true}");
        assertThat(parse("a=first", "@" + json)).containsEntry("a", "from-file").containsEntry("b", true);
    }

    @Test
    void stdinCanBeReadOnce() {
        assertThatThrownBy(() -> withStdin("x").parse(List.of("a=-", "b=-")))
                .isInstanceOf(CommandFailure.class)
                .hasMessage("Failed to parse K=V data: invalid key/value pair \"b=-\": stdin already consumed");
    }

    @Test
    void aMissingFileNamesTheFile() {
        Path missing = directory.resolve("nope.txt");
        assertThatThrownBy(() -> parse("key=@" + missing))
                .hasMessage("Failed to parse K=V data: invalid key/value pair \"key=@" + missing + "\": error reading file: open "
                        + missing + ": no such file or directory");
    }

    @Test
    void invalidJsonIsReportedWithoutItsContent() {
        assertThatThrownBy(() -> withStdin("{\"password\": hunter2}").parse(List.of("-")))
                .isInstanceOfSatisfying(CommandFailure.class, failure -> {
                    assertThat(failure.exitCode()).isEqualTo(1);
                    assertThat(failure.getMessage()).startsWith("Failed to parse K=V data: invalid key/value pair \"-\": invalid JSON at line 1")
                            .doesNotContain("hunter2");
                });
    }

    @Test
    void jsonMustBeAnObject() {
        assertThatThrownBy(() -> withStdin("[1,2]").parse(List.of("-"))).hasMessageEndingWith("expected a JSON object");
    }

    @Test
    void anArgumentWithoutEqualsIsRejectedWithoutEchoingIt() {
        // Likely a value typed without its key: it may well be the secret itself.
        assertThatThrownBy(() -> parse("a=b", "hunter2"))
                .hasMessage("Failed to parse K=V data: invalid key/value pair argument 2: format must be key=value");
    }

    @Test
    void parseStrings_scalars_areSpelledAsGoWeakDecodingSpellsThem() throws IOException {
        Path json = Files.writeString(directory.resolve("settings.json"), "{\"port\":5432,\"tls\":true,\"ratio\":1.50,\"none\":null}");
        assertThat(withStdin("").parseStrings(List.of("name=app", "@" + json)))
                .containsExactly(Map.entry("name", "app"), Map.entry("port", "5432"), Map.entry("tls", "1"),
                        Map.entry("ratio", "1.50"), Map.entry("none", ""));
    }

    @Test
    void parseStrings_aRepeatedKey_isRejectedWithoutEchoingTheValues() {
        assertThatThrownBy(() -> withStdin("").parseStrings(List.of("password=hunter2", "password=hunter3")))
                .isInstanceOfSatisfying(CommandFailure.class, failure -> {
                    assertThat(failure.exitCode()).isEqualTo(1);
                    assertThat(failure.getMessage()).contains("\"password\"").doesNotContain("hunter");
                });
    }

    @Test
    void parseStringLists_repeatedKeysAndArrays_becomeSeveralValues() {
        assertThat(withStdin("{\"ids\":[1,2]}").parseStringLists(List.of("key=a", "key=b", "single=c", "-")))
                .containsExactly(Map.entry("key", List.of("a", "b")), Map.entry("single", List.of("c")),
                        Map.entry("ids", List.of("1", "2")));
    }

    @Test
    void parseStringLists_anObjectValue_isRejected() {
        assertThatThrownBy(() -> withStdin("{\"nested\":{\"k\":\"v\"}}").parseStringLists(List.of("-")))
                .hasMessage("Failed to parse K=V data: the value of \"nested\" cannot be converted to a string");
    }
}
