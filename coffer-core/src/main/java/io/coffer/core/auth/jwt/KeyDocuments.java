package io.coffer.core.auth.jwt;

import io.coffer.core.auth.workload.CaTrust;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Fetches the small public documents a jwt mount needs (a JWKS, an OIDC discovery document) over
 * HTTP or HTTPS, trusting either the system's CAs or the configured CA PEM. Bounded in time and
 * size, because the URL is configured by an operator but answered by another party.
 */
final class KeyDocuments {

    static final int MAX_DOCUMENT_BYTES = 1024 * 1024;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /** A document could not be fetched; the message names the URL and the reason, never credentials. */
    static final class FetchException extends Exception {
        FetchException(String message) {
            super(message, null, false, false);
        }
    }

    private final HttpClient client;

    private KeyDocuments(HttpClient client) {
        this.client = client;
    }

    /**
     * A fetcher trusting the certificates of {@code caPem}, or the system's CAs when it is empty.
     *
     * @throws IllegalArgumentException when {@code caPem} holds no certificate
     */
    static KeyDocuments trusting(String caPem) {
        HttpClient.Builder b = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL);
        if (!caPem.isBlank()) {
            b.sslContext(CaTrust.sslContext(caPem));
        }
        return new KeyDocuments(b.build());
    }

    /** The body of a 200 answer to GET {@code url}. */
    String get(URI url) throws FetchException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(REQUEST_TIMEOUT).header("Accept", "application/json").GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new FetchException("get " + url + " failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("get " + url + " was interrupted");
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new FetchException("get " + url + " answered HTTP " + response.statusCode());
            }
            byte[] bytes = body.readNBytes(MAX_DOCUMENT_BYTES + 1);
            if (bytes.length > MAX_DOCUMENT_BYTES) {
                throw new FetchException("the document at " + url + " is larger than " + MAX_DOCUMENT_BYTES + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new FetchException("reading " + url + " failed: " + e.getClass().getSimpleName());
        }
    }

    /** Checks that {@code caPem} holds at least one certificate. */
    static void checkCaPem(String caPem) {
        CaTrust.sslContext(caPem);
    }
}
