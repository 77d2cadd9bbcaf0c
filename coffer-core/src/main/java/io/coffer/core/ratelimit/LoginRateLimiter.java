package io.coffer.core.ratelimit;

import io.coffer.core.error.ClientText;
import io.coffer.core.error.RateLimitedException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Token buckets for login attempts. Each attempt takes one token from two buckets:
 * <ul>
 *   <li>per client address, mount and subject (the role or user the login names), so that
 *       guessing one account's credentials is slow while the client's other accounts work;</li>
 *   <li>per client address and mount, larger, so that spraying guesses over many subjects (role
 *       IDs, user names) is slow too.</li>
 * </ul>
 * An attempt that finds either bucket empty takes nothing and is refused with
 * {@link RateLimitedException}, saying when the emptier bucket will have a token again.
 *
 * <p>State lives in memory, per node, in an LRU map of at most {@code maxKeys} buckets; the
 * least recently used bucket is forgotten first (a forgotten bucket starts full again, which
 * only ever favours the client). Subjects are kept as SHA-256 digests, since a role ID is half a
 * credential. Thread-safe: one lock, held for a few arithmetic operations.
 */
public final class LoginRateLimiter {

    /** Tokens added per second and the bucket's capacity (the burst a client may send at once). */
    public record Limits(double perSecond, int burst) {
        public Limits {
            if (!(perSecond > 0) || burst < 1) {
                throw new IllegalArgumentException("rate limits must be positive");
            }
        }
    }

    /** 10 attempts a second, bursts of 20, per client, mount and subject. */
    public static final Limits DEFAULT_PER_SUBJECT = new Limits(10, 20);

    /** 40 attempts a second, bursts of 80, per client and mount over all subjects. */
    public static final Limits DEFAULT_PER_CLIENT = new Limits(40, 80);

    /** Enough for many thousands of clients; about 150 bytes each. */
    public static final int DEFAULT_MAX_KEYS = 100_000;

    private record Key(String client, String mount, String subjectDigest) {
    }

    private static final class Bucket {
        double tokens;
        long updatedNanos;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updatedNanos = now;
        }
    }

    private final Limits perSubject;
    private final Limits perClient;
    private final LongSupplier nanoTime;
    private final Map<Key, Bucket> buckets;

    /** A limiter with the default limits and the system's monotonic clock. */
    public LoginRateLimiter() {
        this(DEFAULT_PER_SUBJECT, DEFAULT_PER_CLIENT, DEFAULT_MAX_KEYS, System::nanoTime);
    }

    /**
     * @param nanoTime a monotonic clock in nanoseconds ({@link System#nanoTime()}); tests pass their own
     */
    public LoginRateLimiter(Limits perSubject, Limits perClient, int maxKeys, LongSupplier nanoTime) {
        this.perSubject = Objects.requireNonNull(perSubject, "perSubject");
        this.perClient = Objects.requireNonNull(perClient, "perClient");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        if (maxKeys < 2) {
            throw new IllegalArgumentException("maxKeys must be at least 2");
        }
        this.buckets = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Bucket> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /**
     * Takes one attempt for {@code subject} at {@code mount} from {@code clientAddress}, or throws
     * {@link RateLimitedException} (naming {@code path}, which holds no secret) and takes nothing.
     */
    public void acquire(String clientAddress, String mount, String subject, String path) {
        Key subjectKey = new Key(clientAddress, mount, digest(subject));
        Key clientKey = new Key(clientAddress, mount, null);
        synchronized (buckets) {
            long now = nanoTime.getAsLong();
            Bucket s = refilled(subjectKey, perSubject, now);
            Bucket c = refilled(clientKey, perClient, now);
            if (s.tokens >= 1 && c.tokens >= 1) {
                s.tokens -= 1;
                c.tokens -= 1;
                return;
            }
            double wait = Math.max(secondsUntilToken(s, perSubject), secondsUntilToken(c, perClient));
            throw new RateLimitedException("request path " + ClientText.quote(path) + ": rate limit quota exceeded", (long) Math.ceil(wait));
        }
    }

    private Bucket refilled(Key key, Limits limits, long now) {
        Bucket b = buckets.get(key);
        if (b == null) {
            b = new Bucket(limits.burst(), now);
            buckets.put(key, b);
            return b;
        }
        double elapsed = Math.max(0, now - b.updatedNanos) / 1e9;
        b.tokens = Math.min(limits.burst(), b.tokens + elapsed * limits.perSecond());
        b.updatedNanos = now;
        return b;
    }

    private static double secondsUntilToken(Bucket b, Limits limits) {
        return b.tokens >= 1 ? 0 : (1 - b.tokens) / limits.perSecond();
    }

    private static String digest(String subject) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(d, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
