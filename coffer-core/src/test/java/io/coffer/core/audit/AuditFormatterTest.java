package io.coffer.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.core.error.CofferException;
import io.coffer.core.json.Json;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.Request;
import io.coffer.core.logical.Response;
import io.coffer.core.token.TokenEntry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditFormatterTest {

    private static final String TOKEN = "hvs.formatterTestToken000000";
    private static final String SECRET = "s3cr3t-value-in-request";
    private static final AuditSalt SALT = AuditSalt.of(new byte[32]);
    private static final TokenEntry ROOT = new TokenEntry("accessor1234567890abcdefg", List.of("root"), "auth/token/root",
            Map.of("team", "payments"), "root", 1_700_000_000L, 3600, 0, 0, "", false, 0, "service");

    private static AuditEvent event(Operation op, String path, Map<String, Object> data) {
        Request request = Request.builder(op, path).id("req-1").data(data).clientToken(TOKEN).remoteAddress("127.0.0.1").build();
        return new AuditEvent(request, op, "kv", Optional.of(ROOT), Instant.EPOCH);
    }

    private static JsonNode format(AuditFormatOptions options, AuditRecord record) throws Exception {
        byte[] line = new AuditFormatter(SALT, options).format(record);
        assertThat(new String(line, StandardCharsets.UTF_8)).doesNotContain("\n");
        return Json.MAPPER.readTree(line);
    }

    @Test
    void format_request_hasVaultsFieldsAndHashesEveryStringOfDataAndAuth() throws Exception {
        AuditEvent event = event(Operation.CREATE, "secret/data/app", Map.of("data", Map.of("password", SECRET, "n", 7)));

        JsonNode r = format(AuditFormatOptions.DEFAULT, AuditRecord.request(event, Instant.parse("2026-01-02T03:04:05.5Z")));

        assertThat(r.path("time").asText()).isEqualTo("2026-01-02T03:04:05.5Z");
        assertThat(r.path("type").asText()).isEqualTo("request");
        JsonNode request = r.path("request");
        assertThat(request.path("id").asText()).isEqualTo("req-1");
        assertThat(request.path("operation").asText()).isEqualTo("create");
        assertThat(request.path("mount_type").asText()).isEqualTo("kv");
        assertThat(request.path("path").asText()).isEqualTo("secret/data/app");
        assertThat(request.path("namespace").path("id").asText()).isEqualTo("root");
        assertThat(request.path("remote_address").asText()).isEqualTo("127.0.0.1");
        assertThat(request.path("client_token").asText()).isEqualTo(SALT.hash(TOKEN));
        assertThat(request.path("client_token_accessor").asText()).isEqualTo(SALT.hash(ROOT.accessor()));
        assertThat(request.path("data").path("data").path("password").asText()).isEqualTo(SALT.hash(SECRET));
        assertThat(request.path("data").path("data").path("n").asInt()).isEqualTo(7);
        JsonNode auth = r.path("auth");
        assertThat(auth.path("client_token").asText()).isEqualTo(SALT.hash(TOKEN));
        assertThat(auth.path("accessor").asText()).isEqualTo(SALT.hash(ROOT.accessor()));
        assertThat(auth.path("display_name").asText()).isEqualTo(SALT.hash("root"));
        assertThat(auth.path("policies").get(0).asText()).isEqualTo(SALT.hash("root"));
        assertThat(auth.path("metadata").path("team").asText()).isEqualTo(SALT.hash("payments"));
        assertThat(auth.path("token_ttl").asLong()).isEqualTo(3600);
        assertThat(r.has("response")).isFalse();
    }

    @Test
    void format_response_hashesDataAndLoginAuth_andKeepsWarnings() throws Exception {
        AuditEvent event = event(Operation.READ, "secret/data/app", Map.of());
        Response response = Response.of(Map.of("data", Map.of("password", SECRET))).withWarning("a warning")
                .withAuth(Map.of("client_token", "hvs.minted", "accessor", "acc", "lease_duration", 60L, "renewable", true));

        JsonNode r = format(AuditFormatOptions.DEFAULT, AuditRecord.response(event, response, Instant.EPOCH));

        assertThat(r.path("type").asText()).isEqualTo("response");
        assertThat(r.path("request").has("data")).isFalse();
        JsonNode resp = r.path("response");
        assertThat(resp.path("data").path("data").path("password").asText()).isEqualTo(SALT.hash(SECRET));
        assertThat(resp.path("auth").path("client_token").asText()).isEqualTo(SALT.hash("hvs.minted"));
        assertThat(resp.path("auth").path("token_ttl").asLong()).isEqualTo(60);
        assertThat(resp.path("warnings").get(0).asText()).isEqualTo("a warning");
        assertThat(r.toString()).doesNotContain(SECRET, TOKEN, "hvs.minted");
    }

    @Test
    void format_error_recordsTheMessage() throws Exception {
        JsonNode r = format(AuditFormatOptions.DEFAULT,
                AuditRecord.error(event(Operation.READ, "secret/data/x", Map.of()), CofferException.permissionDenied(), Instant.EPOCH));

        assertThat(r.path("type").asText()).isEqualTo("response");
        assertThat(r.path("error").asText()).isEqualTo("permission denied");
    }

    @Test
    void format_logRaw_writesPlaintext_andUnhashedAccessorWhenAsked() throws Exception {
        AuditEvent event = event(Operation.UPDATE, "secret/data/app", Map.of("password", SECRET));

        JsonNode raw = format(new AuditFormatOptions(true, true, false), AuditRecord.request(event, Instant.EPOCH));
        JsonNode plainAccessor = format(new AuditFormatOptions(false, false, false), AuditRecord.request(event, Instant.EPOCH));

        assertThat(raw.path("request").path("data").path("password").asText()).isEqualTo(SECRET);
        assertThat(raw.path("request").path("client_token").asText()).isEqualTo(TOKEN);
        assertThat(plainAccessor.path("auth").path("accessor").asText()).isEqualTo(ROOT.accessor());
        assertThat(plainAccessor.path("auth").path("client_token").asText()).isEqualTo(SALT.hash(TOKEN));
    }

    @Test
    void format_elideListResponses_replacesKeysByTheirCount() throws Exception {
        AuditEvent event = event(Operation.LIST, "secret/metadata/", Map.of());
        Response response = Response.of(Map.of("keys", List.of("a", "b", "c"), "key_info", Map.of("a", 1)));

        JsonNode elided = format(new AuditFormatOptions(true, false, true), AuditRecord.response(event, response, Instant.EPOCH));
        JsonNode kept = format(AuditFormatOptions.DEFAULT, AuditRecord.response(event, response, Instant.EPOCH));

        assertThat(elided.path("response").path("data").path("keys").asInt()).isEqualTo(3);
        assertThat(elided.path("response").path("data").path("key_info").asInt()).isEqualTo(1);
        assertThat(kept.path("response").path("data").path("keys").get(0).asText()).isEqualTo(SALT.hash("a"));
    }

    @Test
    void hash_isVaultsIdentifiedHmac() {
        assertThat(SALT.hash("x")).startsWith("hmac-sha256:").hasSize("hmac-sha256:".length() + 64);
        assertThat(SALT.hash("x")).isNotEqualTo(AuditSalt.of(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
                .hash("x"));
    }

    @Test
    void format_sameFormatterManyRecords_tokenFieldsFollowTheCurrentEntryOfEachToken() throws Exception {
        AuditFormatter formatter = new AuditFormatter(SALT, AuditFormatOptions.DEFAULT);
        TokenEntry limited = new TokenEntry("accessorLimited000000000000", List.of("app"), "auth/token/create", Map.of(),
                "token", 1_700_000_000L, 3600, 0, 5, "", true, 0, "service");
        TokenEntry spentOne = new TokenEntry("accessorLimited000000000000", List.of("app"), "auth/token/create", Map.of(),
                "token", 1_700_000_000L, 3600, 0, 4, "", true, 0, "service");

        JsonNode first = Json.MAPPER.readTree(formatter.format(AuditRecord.request(eventBy("hvs.tokenA", limited), Instant.EPOCH)));
        JsonNode again = Json.MAPPER.readTree(formatter.format(AuditRecord.request(eventBy("hvs.tokenA", limited), Instant.EPOCH)));
        JsonNode afterUse = Json.MAPPER.readTree(formatter.format(AuditRecord.request(eventBy("hvs.tokenA", spentOne), Instant.EPOCH)));
        JsonNode other = Json.MAPPER.readTree(formatter.format(AuditRecord.request(eventBy(TOKEN, ROOT), Instant.EPOCH)));

        assertThat(again.path("auth")).isEqualTo(first.path("auth"));
        assertThat(first.path("auth").path("remaining_uses").asInt()).isEqualTo(5);
        assertThat(afterUse.path("auth").path("remaining_uses").asInt()).isEqualTo(4);
        assertThat(first.path("request").path("client_token").asText()).isEqualTo(SALT.hash("hvs.tokenA"));
        assertThat(other.path("auth").path("client_token").asText()).isEqualTo(SALT.hash(TOKEN));
        assertThat(other.path("request").path("client_token_accessor").asText()).isEqualTo(SALT.hash(ROOT.accessor()));
    }

    private static AuditEvent eventBy(String token, TokenEntry entry) {
        Request request = Request.builder(Operation.READ, "secret/data/app").id("req-2").clientToken(token).build();
        return new AuditEvent(request, Operation.READ, "kv", Optional.of(entry), Instant.EPOCH);
    }

    // ---- unauthenticated bodies and the record size cap ----

    private static final AuditFormatOptions CAPPED = new AuditFormatOptions(true, false, false, 8192);

    private static AuditEvent unauthenticated(Map<String, Object> data) {
        Request request = Request.builder(Operation.UPDATE, "secret/data/x").id("req-u").data(data).clientToken("bogus")
                .remoteAddress("10.0.0.7").build();
        return AuditEvent.failedAuthentication(request, Operation.UPDATE, "kv", Instant.EPOCH, UnauthenticatedBody.ofData(data));
    }

    @Test
    void format_failedAuthentication_recordsTheBodysSizeAndHmac_neverItsData() throws Exception {
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("unauth-key-marker", SECRET);
        data.put("n", 1);
        AuditEvent event = unauthenticated(data);
        String body = "{\"unauth-key-marker\":\"" + SECRET + "\",\"n\":1}";
        AuditFormatter formatter = new AuditFormatter(SALT, new AuditFormatOptions(true, true, false));

        for (AuditRecord record : List.of(AuditRecord.request(event, Instant.EPOCH),
                AuditRecord.error(event, CofferException.permissionDenied(), Instant.EPOCH))) {
            byte[] line = formatter.format(record);
            String text = new String(line, StandardCharsets.UTF_8);
            // Not even log_raw writes the body of a caller that did not authenticate.
            assertThat(text).doesNotContain("unauth-key-marker").doesNotContain(SECRET).doesNotContain(SALT.hash(SECRET));
            JsonNode request = Json.MAPPER.readTree(line).path("request");
            assertThat(request.has("data")).isFalse();
            assertThat(request.path("data_withheld").path("reason").asText()).isEqualTo("unauthenticated");
            assertThat(request.path("data_withheld").path("bytes").asLong()).isEqualTo(body.length());
            assertThat(request.path("data_withheld").path("hmac").asText()).isEqualTo(SALT.hash(body));
            assertThat(request.path("path").asText()).isEqualTo("secret/data/x");
        }
    }

    @Test
    void format_awsBodyOfAFailedAuthentication_isMeasuredAsSent() throws Exception {
        byte[] raw = "{ \"SecretId\" : \"x\" }".getBytes(StandardCharsets.UTF_8);
        Request request = Request.builder(Operation.UPDATE, "secretsmanager/GetSecretValue").id("r").build();
        AuditEvent event = AuditEvent.failedAuthentication(request, Operation.UPDATE, "", Instant.EPOCH,
                UnauthenticatedBody.ofBytes(raw));
        JsonNode withheld = format(AuditFormatOptions.DEFAULT, AuditRecord.request(event, Instant.EPOCH))
                .path("request").path("data_withheld");
        assertThat(withheld.path("bytes").asLong()).isEqualTo(raw.length);
        assertThat(withheld.path("hmac").asText()).isEqualTo(SALT.hash(new String(raw, StandardCharsets.UTF_8)));
    }

    @Test
    void format_recordUnderTheCap_isUntouched() throws Exception {
        AuditEvent event = event(Operation.CREATE, "secret/data/app", Map.of("data", Map.of("password", SECRET)));
        JsonNode r = format(CAPPED, AuditRecord.request(event, Instant.EPOCH));
        assertThat(r.has("truncated")).isFalse();
        assertThat(r.path("request").path("data").path("data").path("password").asText()).isEqualTo(SALT.hash(SECRET));
    }

    @Test
    void format_oversizedRecord_withholdsTheLargestFieldFirst_andStaysUnderTheCap() throws Exception {
        AuditEvent event = event(Operation.UPDATE, "secret/data/app", Map.of("small", SECRET));
        Map<String, Object> big = Map.of("keys", java.util.Collections.nCopies(5000, "k"));
        Response response = Response.of(big).withWarning("one warning");
        AuditFormatter formatter = new AuditFormatter(SALT, CAPPED);

        byte[] line = formatter.format(AuditRecord.response(event, response, Instant.EPOCH));

        assertThat(line.length).isLessThanOrEqualTo(8192);
        JsonNode r = Json.MAPPER.readTree(line);
        assertThat(r.path("truncated").asBoolean()).isTrue();
        JsonNode withheld = r.path("response").path("data_withheld");
        assertThat(withheld.path("reason").asText()).isEqualTo("record_too_large");
        // Measured as the plain JSON of the value, so that sys/audit-hash of that JSON finds it.
        String json = new String(Json.MAPPER.writeValueAsBytes(big), StandardCharsets.UTF_8);
        assertThat(withheld.path("bytes").asLong()).isEqualTo(json.length());
        assertThat(withheld.path("hmac").asText()).isEqualTo(SALT.hash(json));
        assertThat(r.path("response").has("data")).isFalse();
        // The smaller fields still fit, so they are kept.
        assertThat(r.path("request").path("data").path("small").asText()).isEqualTo(SALT.hash(SECRET));
        assertThat(r.path("response").path("warnings").get(0).asText()).isEqualTo("one warning");
        assertThat(r.path("request").path("path").asText()).isEqualTo("secret/data/app");
        assertThat(r.path("auth").path("client_token").asText()).isEqualTo(SALT.hash(TOKEN));
    }

    @Test
    void format_oversizedRequestAndError_bothWithheld_withLogRawStillOnlyHmacs() throws Exception {
        String longValue = "raw-secret-".repeat(1000);
        AuditEvent event = event(Operation.UPDATE, "secret/data/app", Map.of("v", longValue));
        CofferException error = CofferException.invalid("x".repeat(9000));
        byte[] line = new AuditFormatter(SALT, new AuditFormatOptions(true, true, false, 8192))
                .format(AuditRecord.error(event, error, Instant.EPOCH));
        assertThat(line.length).isLessThanOrEqualTo(8192);
        String text = new String(line, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("raw-secret-");
        JsonNode r = Json.MAPPER.readTree(line);
        assertThat(r.path("request").path("data_withheld").path("reason").asText()).isEqualTo("record_too_large");
        assertThat(r.path("error_withheld").path("bytes").asLong()).isEqualTo(9002);
        assertThat(r.path("error").asText()).contains("withheld");
        assertThat(r.path("truncated").asBoolean()).isTrue();
    }

    @Test
    void format_fixedPartsOverTheCap_areStillRecorded() throws Exception {
        AuditEvent event = event(Operation.UPDATE, "secret/data/" + "p".repeat(9000), Map.of("v", SECRET));
        JsonNode r = format(CAPPED, AuditRecord.request(event, Instant.EPOCH));
        assertThat(r.path("request").path("path").asText()).hasSize(12 + 9000);
        assertThat(r.path("request").has("data_withheld")).isTrue();
    }
}
