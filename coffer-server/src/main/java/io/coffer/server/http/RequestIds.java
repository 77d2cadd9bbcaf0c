package io.coffer.server.http;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Request ids: random (version 4) UUIDs, as Vault and AWS send them. They only need to be unique,
 * not unpredictable (they name a request in logs and audit records, and grant nothing), so they
 * come from {@link ThreadLocalRandom} instead of {@code SecureRandom}, whose shared, locked
 * generator {@link UUID#randomUUID()} goes through on every request.
 */
final class RequestIds {

    private RequestIds() {
    }

    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
