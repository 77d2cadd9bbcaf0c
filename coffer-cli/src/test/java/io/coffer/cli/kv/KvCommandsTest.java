package io.coffer.cli.kv;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.cli.testing.CliRun;
import io.coffer.cli.testing.CliRun.Result;
import io.coffer.cli.testing.FakeVaultServer;
import io.coffer.cli.testing.RecordedRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code coffer kv ...} end to end against a fake server: the requests sent, the output printed, the exit codes. */
class KvCommandsTest {

    private static final String TOKEN = "s.kv-token-never-printed";

    private static final String WRITE_METADATA = """
            {"request_id":"r-1","lease_id":"","renewable":false,"lease_duration":0,
             "data":{"created_time":"2026-11-27T18:00:00.000000001Z","custom_metadata":null,"deletion_time":"",
                     "destroyed":false,"version":1},
             "wrap_info":null,"warnings":null,"auth":null,"mount_type":"kv"}""";

    private static final String READ_SECRET = """
            {"request_id":"r-2","lease_id":"","renewable":false,"lease_duration":0,
             "data":{"data":{"password":"hunter2","user":"admin"},
                     "metadata":{"created_time":"2026-11-27T18:00:00.000000001Z","custom_metadata":null,
                                 "deletion_time":"","destroyed":false,"version":1}},
             "wrap_info":null,"warnings":null,"auth":null,"mount_type":"kv"}""";

    @TempDir
    Path directory;

    private FakeVaultServer server;

    @BeforeEach
    void start() throws IOException {
        server = new FakeVaultServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Result coffer(String... args) {
        return CliRun.against(server).env("COFFER_TOKEN", TOKEN).run(args);
    }

    private Result cofferWithStdin(String stdin, String... args) {
        return CliRun.against(server).env("COFFER_TOKEN", TOKEN).stdin(stdin).run(args);
    }

    @Nested
    class Put {

        @Test
        void pathSpellingFindsTheMountThenWritesVersionTwoData() {
            server.kvMount("secret/foo", "secret/", 2).on("PUT /v1/secret/data/foo", 200, WRITE_METADATA);

            Result result = coffer("kv", "put", "secret/foo", "user=admin", "password=hunter2");

            assertThat(result.exitCode()).isZero();
            assertThat(server.requestLines()).containsExactly("GET /v1/sys/internal/ui/mounts/secret/foo", "PUT /v1/secret/data/foo");
            RecordedRequest put = server.last("PUT");
            assertThat(put.bodyText()).isEqualTo("{\"data\":{\"user\":\"admin\",\"password\":\"hunter2\"},\"options\":{}}");
            assertThat(put.header("X-Vault-Token")).isEqualTo(TOKEN);
            assertThat(result.out()).isEqualTo("""
                    = Secret Path =
                    secret/data/foo

                    ======= Metadata =======
                    Key                Value
                    ---                -----
                    created_time       2026-11-27T18:00:00.000000001Z
                    custom_metadata    <nil>
                    deletion_time      n/a
                    destroyed          false
                    version            1
                    """);
            assertThat(result.out() + result.err()).doesNotContain("hunter2").doesNotContain(TOKEN);
        }

        @Test
        void mountFlagSpellingAndCheckAndSet() {
            server.kvMount("secret", "secret/", 2).on("PUT /v1/secret/data/app/db", 200, WRITE_METADATA);

            Result result = coffer("kv", "put", "-mount=secret", "-cas=0", "app/db", "a=b");

            assertThat(result.exitCode()).isZero();
            assertThat(server.requestLines()).containsExactly("GET /v1/sys/internal/ui/mounts/secret", "PUT /v1/secret/data/app/db");
            assertThat(server.last("PUT").bodyText()).isEqualTo("{\"data\":{\"a\":\"b\"},\"options\":{\"cas\":0}}");
        }

        @Test
        void versionOneMountsTakeThePlainData() {
            server.kvMount("kv1/foo", "kv1/", 1).on("PUT /v1/kv1/foo", 204, "");

            Result result = coffer("kv", "put", "kv1/foo", "a=b");

            assertThat(result.exitCode()).isZero();
            assertThat(server.last("PUT /v1/kv1/foo").bodyText()).isEqualTo("{\"a\":\"b\"}");
            assertThat(result.out()).isEqualTo("Success! Data written to: kv1/foo\n");
        }

        @Test
        void valuesFromFilesAndStdin() throws IOException {
            Path certificate = Files.writeString(directory.resolve("cert.pem"), "-----BEGIN-----\nabc\n");
            Path json = Files.writeString(directory.resolve("data.json"), "{\"port\":5432,\"tls\":true}");
            server.kvMount("secret/db", "secret/", 2).on("PUT /v1/secret/data/db", 200, WRITE_METADATA);

            Result result = cofferWithStdin("from-stdin", "kv", "put", "secret/db",
                    "cert=@" + certificate, "@" + json, "password=-", "literal=\\@not-a-file");

            assertThat(result.exitCode()).isZero();
            assertThat(server.last("PUT").bodyText()).isEqualTo("{\"data\":{\"cert\":\"-----BEGIN-----\\nabc\\n\","
                    + "\"port\":5432,\"tls\":true,\"password\":\"from-stdin\",\"literal\":\"@not-a-file\"},\"options\":{}}");
        }

        @Test
        void aJsonObjectOnStdin() {
            server.kvMount("secret/db", "secret/", 2).on("PUT /v1/secret/data/db", 200, WRITE_METADATA);

            Result result = cofferWithStdin("{\"nested\":{\"k\":[1,2]}}", "kv", "put", "secret/db", "-");

            assertThat(result.exitCode()).isZero();
            assertThat(server.last("PUT").bodyText()).isEqualTo("{\"data\":{\"nested\":{\"k\":[1,2]}},\"options\":{}}");
        }

        @Test
        void fieldPrintsOneMetadataValueRaw() {
            server.kvMount("secret/foo", "secret/", 2).on("PUT /v1/secret/data/foo", 200, WRITE_METADATA);

            Result result = coffer("kv", "put", "-field=version", "secret/foo", "a=b");

            assertThat(result.out()).isEqualTo("1");
        }

        @Test
        void jsonPrintsTheResponseEnvelope() {
            server.kvMount("secret/foo", "secret/", 2).on("PUT /v1/secret/data/foo", 200, WRITE_METADATA);

            Result result = coffer("kv", "put", "-format=json", "secret/foo", "a=b");

            assertThat(result.out()).startsWith("{\n  \"request_id\": \"r-1\",").contains("\"version\": 1");
        }

        @Test
        void dataIsRequired() {
            Result result = coffer("kv", "put", "secret/foo");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).isEqualTo("Must supply data\n");
            assertThat(server.requests()).isEmpty();
        }

        @Test
        void badPairsAreUsageErrorsThatDoNotEchoTheArgument() {
            Result result = coffer("kv", "put", "secret/foo", "hunter2");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).isEqualTo("Failed to parse K=V data: invalid key/value pair argument 1: format must be key=value\n");
            assertThat(server.requests()).isEmpty();
        }

        @Test
        void checkAndSetConflictsExitTwo() {
            server.kvMount("secret/foo", "secret/", 2).on("PUT /v1/secret/data/foo", 400,
                    "{\"errors\":[\"check-and-set parameter did not match the current version\"]}");

            Result result = coffer("kv", "put", "-cas=3", "secret/foo", "a=b");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).startsWith("Error writing data to secret/data/foo: Error making API request.")
                    .endsWith("* check-and-set parameter did not match the current version\n");
        }
    }

    @Nested
    class Get {

        @Test
        void printsPathMetadataAndData() {
            server.kvMount("secret/foo", "secret/", 2).on("GET /v1/secret/data/foo", 200, READ_SECRET);

            Result result = coffer("kv", "get", "secret/foo");

            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).isEqualTo("""
                    = Secret Path =
                    secret/data/foo

                    ======= Metadata =======
                    Key                Value
                    ---                -----
                    created_time       2026-11-27T18:00:00.000000001Z
                    custom_metadata    <nil>
                    deletion_time      n/a
                    destroyed          false
                    version            1

                    ====== Data ======
                    Key         Value
                    ---         -----
                    password    hunter2
                    user        admin
                    """);
        }

        @Test
        void aSpecificVersion() {
            server.kvMount("secret", "secret/", 2).on("GET /v1/secret/data/foo?version=2", 200, READ_SECRET);

            Result result = coffer("kv", "get", "-mount=secret", "-version=2", "foo");

            assertThat(result.exitCode()).isZero();
            assertThat(server.requestLines()).containsExactly("GET /v1/sys/internal/ui/mounts/secret", "GET /v1/secret/data/foo?version=2");
        }

        @Test
        void fieldPrintsTheBareValue() {
            server.kvMount("secret/foo", "secret/", 2).on("GET /v1/secret/data/foo", 200, READ_SECRET);

            assertThat(coffer("kv", "get", "-field=password", "secret/foo").out()).isEqualTo("hunter2");
        }

        @Test
        void aMissingFieldIsAUsageError() {
            server.kvMount("secret/foo", "secret/", 2).on("GET /v1/secret/data/foo", 200, READ_SECRET);

            Result result = coffer("kv", "get", "-field=nope", "secret/foo");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).isEqualTo("Field \"nope\" not present in secret\n");
            assertThat(result.out()).isEmpty();
        }

        @Test
        void jsonPrintsTheWholeEnvelope() {
            server.kvMount("secret/foo", "secret/", 2).on("GET /v1/secret/data/foo", 200, READ_SECRET);

            Result result = coffer("kv", "get", "-format=json", "secret/foo");

            assertThat(result.out()).startsWith("""
                    {
                      "request_id": "r-2",
                      "lease_id": "",
                      "renewable": false,
                      "lease_duration": 0,
                      "data": {
                        "data": {
                          "password": "hunter2",""").endsWith("\"mount_type\": \"kv\"\n}\n");
        }

        @Test
        void nothingThereExitsTwo() {
            server.kvMount("secret/nope", "secret/", 2);

            Result result = coffer("kv", "get", "secret/nope");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).isEqualTo("No value found at secret/data/nope\n");
        }

        @Test
        void aDeletedVersionShowsItsMetadataOnly() {
            server.kvMount("secret/foo", "secret/", 2).on("GET /v1/secret/data/foo", 404, """
                    {"data":{"data":null,"metadata":{"created_time":"t","custom_metadata":null,
                     "deletion_time":"2026-11-27T19:00:00Z","destroyed":false,"version":2}}}""");

            Result result = coffer("kv", "get", "secret/foo");

            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).contains("deletion_time      2026-11-27T19:00:00Z").doesNotContain("Data");
        }

        @Test
        void permissionDeniedExitsTwoWithTheServersWords() {
            server.kvMount("secret/foo", "secret/", 2).on("GET /v1/secret/data/foo", 403, "{\"errors\":[\"permission denied\"]}");

            Result result = coffer("kv", "get", "secret/foo");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).isEqualTo("Error reading secret/data/foo: Error making API request.\n\n"
                    + "URL: GET " + server.address() + "/v1/secret/data/foo\n"
                    + "Code: 403. Errors:\n\n"
                    + "* permission denied\n");
        }

        @Test
        void aDeniedPreflightIsShownAsIs() {
            server.on("GET /v1/sys/internal/ui/mounts/secret/foo", 403,
                    "{\"errors\":[\"preflight capability check returned 403, please ensure client's policies grant access to path \\\"secret/foo/\\\"\"]}");

            Result result = coffer("kv", "get", "secret/foo");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).startsWith("Error making API request.\n\nURL: GET " + server.address()
                    + "/v1/sys/internal/ui/mounts/secret/foo\nCode: 403.");
        }

        @Test
        void versionOneSecretsAreOneDataTable() {
            server.kvMount("kv1/foo", "kv1/", 1).on("GET /v1/kv1/foo", 200,
                    "{\"lease_duration\":2764800,\"data\":{\"a\":\"b\"}}");

            Result result = coffer("kv", "get", "kv1/foo");

            assertThat(result.out()).isEqualTo("== Data ==\nKey    Value\n---    -----\na      b\n");
        }

        @Test
        void serversWithoutThePreflightAreTreatedAsVersionOne() {
            server.on("GET /v1/legacy/foo", 200, "{\"data\":{\"a\":\"b\"}}");

            Result result = coffer("kv", "get", "legacy/foo");

            assertThat(result.exitCode()).isZero();
            assertThat(server.requestLines()).containsExactly("GET /v1/sys/internal/ui/mounts/legacy/foo", "GET /v1/legacy/foo");
        }
    }

    @Nested
    class ListKeys {

        @Test
        void sortedKeysTable() {
            server.kvMount("secret/app", "secret/", 2)
                    .on("GET /v1/secret/metadata/app?list=true", 200, "{\"data\":{\"keys\":[\"web\",\"db/\",\"api\"]}}");

            Result result = coffer("kv", "list", "secret/app/");

            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).isEqualTo("Keys\n----\napi\ndb/\nweb\n");
        }

        @Test
        void theMountItself() {
            server.kvMount("secret", "secret/", 2).on("GET /v1/secret/metadata?list=true", 200, "{\"data\":{\"keys\":[\"a\"]}}");

            assertThat(coffer("kv", "list", "secret/").exitCode()).isZero();
        }

        @Test
        void jsonIsTheKeyArray() {
            server.kvMount("secret/app", "secret/", 2)
                    .on("GET /v1/secret/metadata/app?list=true", 200, "{\"data\":{\"keys\":[\"web\",\"db/\"]}}");

            assertThat(coffer("kv", "list", "-format=json", "secret/app").out()).isEqualTo("[\n  \"web\",\n  \"db/\"\n]\n");
        }

        @Test
        void nothingThereExitsTwo() {
            server.kvMount("secret/none", "secret/", 2);

            Result table = coffer("kv", "list", "secret/none");
            assertThat(table.exitCode()).isEqualTo(2);
            assertThat(table.err()).isEqualTo("No value found at secret/metadata/none\n");

            Result json = coffer("kv", "list", "-format=json", "secret/none");
            assertThat(json.exitCode()).isEqualTo(2);
            assertThat(json.out()).isEqualTo("{}\n");
        }
    }

    @Nested
    class DeleteUndeleteDestroy {

        @Test
        void deleteRemovesTheLatestVersion() {
            server.kvMount("secret/foo", "secret/", 2).on("DELETE /v1/secret/data/foo", 204, "");

            Result result = coffer("kv", "delete", "secret/foo");

            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).isEqualTo("Success! Data deleted (if it existed) at: secret/data/foo\n");
        }

        @Test
        void deleteTheGivenVersions() {
            server.kvMount("secret/foo", "secret/", 2).on("PUT /v1/secret/delete/foo", 204, "");

            Result result = coffer("kv", "delete", "-versions=1,2", "-versions", "5", "secret/foo");

            assertThat(result.exitCode()).isZero();
            assertThat(server.last("PUT /v1/secret/delete/foo").bodyText()).isEqualTo("{\"versions\":[1,2,5]}");
        }

        @Test
        void nonNumericVersionsAreUsageErrors() {
            server.kvMount("secret/foo", "secret/", 2);

            Result result = coffer("kv", "delete", "-versions=latest", "secret/foo");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).isEqualTo("invalid version \"latest\": versions are whole numbers\n");
        }

        @Test
        void undeleteNeedsVersions() {
            Result result = coffer("kv", "undelete", "secret/foo");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).isEqualTo("No versions provided, use the \"-versions\" flag to specify the version to undelete.\n");
        }

        @Test
        void undeleteRestoresVersions() {
            server.kvMount("secret/foo", "secret/", 2).on("PUT /v1/secret/undelete/foo", 204, "");

            Result result = coffer("kv", "undelete", "-versions=3", "secret/foo");

            assertThat(result.exitCode()).isZero();
            assertThat(server.last("PUT /v1/secret/undelete/foo").bodyText()).isEqualTo("{\"versions\":[3]}");
            assertThat(result.out()).isEqualTo("Success! Data written to: secret/undelete/foo\n");
        }

        @Test
        void destroyWithTheMountFlag() {
            server.kvMount("secret", "secret/", 2).on("PUT /v1/secret/destroy/foo", 204, "");

            Result result = coffer("kv", "destroy", "-mount=secret", "-versions=1", "foo");

            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).isEqualTo("Success! Data written to: secret/destroy/foo\n");
        }

        @Test
        void versionOperationsNeedVersionTwo() {
            server.kvMount("kv1/foo", "kv1/", 1);

            Result result = coffer("kv", "destroy", "-versions=1", "kv1/foo");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).isEqualTo("Destroy not supported on KV Version 1\n");
        }
    }

    @Nested
    class Patch {

        @Test
        void sendsAMergePatch() {
            server.kvMount("secret/foo", "secret/", 2).on("PATCH /v1/secret/data/foo", 200, WRITE_METADATA);

            Result result = coffer("kv", "patch", "-remove-data=old", "secret/foo", "password=new");

            assertThat(result.exitCode()).isZero();
            RecordedRequest patch = server.last("PATCH /v1/secret/data/foo");
            assertThat(patch.header("Content-Type")).isEqualTo("application/merge-patch+json");
            assertThat(patch.bodyText()).isEqualTo("{\"data\":{\"password\":\"new\",\"old\":null},\"options\":{}}");
            assertThat(result.out()).startsWith("= Secret Path =\nsecret/data/foo\n\n======= Metadata =======");
        }

        @Test
        void fallsBackToReadAndWriteWhenPatchIsNotAllowed() {
            server.kvMount("secret/foo", "secret/", 2)
                    .on("PATCH /v1/secret/data/foo", 405, "{\"errors\":[\"unsupported operation\"]}")
                    .on("GET /v1/secret/data/foo", 200, READ_SECRET)
                    .on("PUT /v1/secret/data/foo", 200, WRITE_METADATA);

            Result result = coffer("kv", "patch", "secret/foo", "password=new");

            assertThat(result.exitCode()).isZero();
            assertThat(server.last("PUT /v1/secret/data/foo").bodyText())
                    .isEqualTo("{\"data\":{\"password\":\"new\",\"user\":\"admin\"},\"options\":{\"cas\":1}}");
        }

        @Test
        void methodPatchDoesNotFallBack() {
            server.kvMount("secret/foo", "secret/", 2)
                    .on("PATCH /v1/secret/data/foo", 405, "{\"errors\":[\"unsupported operation\"]}");

            Result result = coffer("kv", "patch", "-method=patch", "secret/foo", "a=b");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).startsWith("Error writing data to secret/data/foo: ");
        }

        @Test
        void needsVersionTwo() {
            server.kvMount("kv1/foo", "kv1/", 1);

            Result result = coffer("kv", "patch", "kv1/foo", "a=b");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).isEqualTo("KV engine mount must be version 2 for patch support\n");
        }
    }

    @Nested
    class Metadata {

        private static final String METADATA = """
                {"data":{"cas_required":false,"created_time":"t1","current_version":2,"custom_metadata":{"owner":"ops"},
                 "delete_version_after":"0s","max_versions":0,"oldest_version":0,"updated_time":"t2",
                 "versions":{"10":{"created_time":"t10","deletion_time":"","destroyed":false},
                             "2":{"created_time":"t2","deletion_time":"","destroyed":true}}}}""";

        @Test
        void getPrintsSettingsThenEachVersionInOrder() {
            server.kvMount("secret/foo", "secret/", 2).on("GET /v1/secret/metadata/foo", 200, METADATA);

            Result result = coffer("kv", "metadata", "get", "secret/foo");

            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).isEqualTo("""
                    == Metadata Path ==
                    secret/metadata/foo

                    ========== Metadata ==========
                    Key                     Value
                    ---                     -----
                    cas_required            false
                    created_time            t1
                    current_version         2
                    custom_metadata         map[owner:ops]
                    delete_version_after    0s
                    max_versions            0
                    oldest_version          0
                    updated_time            t2

                    ====== Version 2 ======
                    Key              Value
                    ---              -----
                    created_time     t2
                    deletion_time    n/a
                    destroyed        true

                    ===== Version 10 =====
                    Key              Value
                    ---              -----
                    created_time     t10
                    deletion_time    n/a
                    destroyed        false
                    """);
        }

        @Test
        void putSendsOnlyTheSettingsGiven() {
            server.kvMount("secret/foo", "secret/", 2).on("PUT /v1/secret/metadata/foo", 204, "");

            Result result = coffer("kv", "metadata", "put", "-max-versions=5", "-cas-required", "-delete-version-after=1h",
                    "-custom-metadata=owner=ops", "-custom-metadata", "tier=gold", "secret/foo");

            assertThat(result.exitCode()).isZero();
            assertThat(server.last("PUT /v1/secret/metadata/foo").bodyText()).isEqualTo("{\"max_versions\":5,\"cas_required\":true,"
                    + "\"delete_version_after\":\"1h0m0s\",\"custom_metadata\":{\"owner\":\"ops\",\"tier\":\"gold\"}}");
            assertThat(result.out()).isEqualTo("Success! Data written to: secret/metadata/foo\n");
        }

        @Test
        void aBooleanFlagDoesNotSwallowThePathAfterIt() {
            server.kvMount("secret/foo", "secret/", 2).on("PUT /v1/secret/metadata/foo", 204, "");

            Result result = coffer("kv", "metadata", "put", "-cas-required", "secret/foo");

            assertThat(result.exitCode()).isZero();
            assertThat(server.last("PUT /v1/secret/metadata/foo").bodyText()).isEqualTo("{\"cas_required\":true}");
        }

        @Test
        void putWithNoFlagsSendsAnEmptyObject() {
            server.kvMount("secret/foo", "secret/", 2).on("PUT /v1/secret/metadata/foo", 204, "");

            coffer("kv", "metadata", "put", "secret/foo");

            assertThat(server.last("PUT /v1/secret/metadata/foo").bodyText()).isEqualTo("{}");
        }

        @Test
        void patchSendsAMergePatchWithRemovals() {
            server.kvMount("secret", "secret/", 2).on("PATCH /v1/secret/metadata/foo", 204, "");

            Result result = coffer("kv", "metadata", "patch", "-mount=secret", "-cas-required=false",
                    "-custom-metadata=owner=dev", "-remove-custom-metadata=tier", "foo");

            assertThat(result.exitCode()).isZero();
            RecordedRequest patch = server.last("PATCH /v1/secret/metadata/foo");
            assertThat(patch.header("Content-Type")).isEqualTo("application/merge-patch+json");
            assertThat(patch.bodyText()).isEqualTo("{\"cas_required\":false,\"custom_metadata\":{\"owner\":\"dev\",\"tier\":null}}");
        }

        @Test
        void deleteRemovesEverything() {
            server.kvMount("secret/foo", "secret/", 2).on("DELETE /v1/secret/metadata/foo", 204, "");

            Result result = coffer("kv", "metadata", "delete", "secret/foo");

            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).isEqualTo("Success! Data deleted (if it existed) at: secret/metadata/foo\n");
        }

        @Test
        void versionOneHasNoMetadata() {
            server.kvMount("kv1/foo", "kv1/", 1);

            Result result = coffer("kv", "metadata", "get", "kv1/foo");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).isEqualTo("Metadata not supported on KV Version 1\n");
        }
    }
}
