package io.coffer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.cli.testing.CliRun;
import io.coffer.cli.testing.CliRun.Result;
import org.junit.jupiter.api.Test;

class CofferCommandTest {

    @Test
    void versionComesFromTheBuild() {
        Result result = CliRun.withoutServer().run("--version");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).matches("Coffer v\\d+\\.\\d+\\.\\d+.*\\n");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void versionSubcommandAsVaultSpellsIt() {
        Result result = CliRun.withoutServer().run("version");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo(CliRun.withoutServer().run("--version").out());
    }

    @Test
    void helpExitsZero() {
        Result result = CliRun.withoutServer().run("--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("server").contains("operator").contains("kv");
    }

    @Test
    void help_listsTheAccessControlAndPathCommands() {
        Result result = CliRun.withoutServer().run("--help");
        assertThat(result.out()).contains("login").contains("token").contains("policy").contains("auth")
                .contains("audit").contains("read").contains("write").contains("list").contains("delete");
    }

    @Test
    void subcommandHelpTakesVaultsSpelling() {
        Result result = CliRun.withoutServer().run("kv", "get", "-help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("Usage: coffer kv get");
    }

    @Test
    void noSubcommandIsAUsageError() {
        Result result = CliRun.withoutServer().run();
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("Usage: coffer");
    }

    @Test
    void groupsWithoutASubcommandAreUsageErrors() {
        assertThat(CliRun.withoutServer().run("kv").exitCode()).isEqualTo(1);
        assertThat(CliRun.withoutServer().run("operator").exitCode()).isEqualTo(1);
        assertThat(CliRun.withoutServer().run("kv", "metadata").exitCode()).isEqualTo(1);
        for (String group : new String[] {"token", "policy", "auth", "audit"}) {
            Result result = CliRun.withoutServer().run(group);
            assertThat(result.exitCode()).as(group).isEqualTo(1);
            assertThat(result.err()).as(group).startsWith("Usage: coffer " + group);
        }
    }

    @Test
    void unknownFlagsAndCommandsExitOneAsInVault() {
        Result flag = CliRun.withoutServer().run("kv", "get", "-bogus", "secret/foo");
        assertThat(flag.exitCode()).isEqualTo(1);
        assertThat(flag.err()).startsWith("Unknown option: '-bogus'");

        assertThat(CliRun.withoutServer().run("nope").exitCode()).isEqualTo(1);
    }

    @Test
    void atFilesAreNotExpanded() {
        // "@data.json" is kv put's data file syntax; picocli must not read it as more arguments.
        Result result = CliRun.withoutServer().run("kv", "get", "@missing-file");
        assertThat(result.err()).doesNotContain("missing-file (No such file");
    }

    @Test
    void serverCommandIsRegistered() {
        assertThat(CliRun.withoutServer().run("server", "--help").out()).startsWith("Usage: coffer server");
    }
}
