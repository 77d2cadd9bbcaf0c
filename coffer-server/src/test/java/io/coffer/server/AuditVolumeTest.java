package io.coffer.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What one request can cost the audit volume, measured through the HTTP server. */
class AuditVolumeTest {

    private static final String ROOT = DevServer.ROOT_TOKEN;

    @TempDir
    Path dir;

    private CofferServer server;
    private Http http;

    @BeforeEach
    void start() {
        server = DevServer.start();
        http = new Http(server.url());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Path enableFile(Map<String, Object> extra) {
        Path file = dir.resolve("audit.log");
        Map<String, Object> options = new java.util.LinkedHashMap<>();
        options.put("file_path", file.toString());
        options.putAll(extra);
        Http.Reply r = http.put("/v1/sys/audit/file", ROOT, Http.json(Map.of("type", "file", "options", options)));
        assertThat(r.status()).as(r.body()).isEqualTo(204);
        return file;
    }

    /** A JSON body of about {@code bytes} bytes made of empty strings: each costs 3 bytes sent, 77 once HMAC'd. */
    static String emptyStrings(String key, int bytes) {
        StringBuilder b = new StringBuilder(bytes + 64).append("{\"").append(key).append("\":[\"\"");
        while (b.length() < bytes - 2) {
            b.append(",\"\"");
        }
        return b.append("]}").toString();
    }

    @Test
    void measure() throws Exception {
        Path file = enableFile(Map.of());
        String body = emptyStrings("leaked-key-marker", 1 << 20);
        long before = Files.size(file);
        Http.Reply r = http.put("/v1/secret/data/x", null, body);
        long after = Files.size(file);
        System.out.println("MEASURE no token status=" + r.status() + " sent=" + body.length() + " disk=" + (after - before)
                + " ratio=" + (double) (after - before) / body.length());
        before = after;
        r = http.put("/v1/secret/data/x", "bogus-token", body);
        after = Files.size(file);
        System.out.println("MEASURE bad token status=" + r.status() + " sent=" + body.length() + " disk=" + (after - before)
                + " ratio=" + (double) (after - before) / body.length());
    }
}
