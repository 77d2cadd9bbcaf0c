package io.coffer.core.aws.secrets;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The order of a date-sorted listing, kept for a while after its first page so that the pages
 * after it read only the secrets they return. Dates live inside each secret's encrypted metadata
 * and no index orders them, so the first page of such a listing reads every secret once; without
 * this, every later page would too.
 *
 * <p>What is kept is only names and the dates they sorted by, for listings of at most
 * {@value #MAX_ENTRIES_PER_SNAPSHOT} secrets, at most {@value #MAX_ENTRIES_TOTAL} names and
 * {@value #MAX_SNAPSHOTS} listings in all (least recently used listings go first), for {@link #TTL}. A NextToken names its snapshot by a
 * random id; a page whose snapshot is gone (expired, evicted, another server) is computed from the
 * cursor alone, correct but at the first page's cost. Pages always read their secrets afresh, so a
 * snapshot decides the order only, never what a caller sees. Thread-safe.
 */
final class ListingSnapshots {

    static final int MAX_ENTRIES_PER_SNAPSHOT = 100_000;
    static final int MAX_ENTRIES_TOTAL = 200_000;
    static final int MAX_SNAPSHOTS = 1024;
    static final Duration TTL = Duration.ofMinutes(15);

    /**
     * A listing's order.
     *
     * @param query     who listed what (caller, sort, order, filters): a token resumes only that
     * @param positions the listing in order
     */
    record Snapshot(String query, List<SecretListing.Position> positions, Instant expires) {
    }

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** In access order, so that the least recently used listing is evicted first. */
    private final LinkedHashMap<String, Snapshot> byId = new LinkedHashMap<>(16, 0.75f, true);
    private int totalEntries;

    ListingSnapshots(Clock clock) {
        this.clock = clock;
    }

    /** Keeps {@code positions} and returns its id; empty when the listing is too large to keep. */
    synchronized Optional<String> put(String query, List<SecretListing.Position> positions) {
        if (positions.size() > MAX_ENTRIES_PER_SNAPSHOT) {
            return Optional.empty();
        }
        dropExpired();
        Iterator<Map.Entry<String, Snapshot>> oldest = byId.entrySet().iterator();
        while ((totalEntries + positions.size() > MAX_ENTRIES_TOTAL || byId.size() >= MAX_SNAPSHOTS) && oldest.hasNext()) {
            totalEntries -= oldest.next().getValue().positions().size();
            oldest.remove();
        }
        byte[] idBytes = new byte[16];
        random.nextBytes(idBytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(idBytes);
        byId.put(id, new Snapshot(query, List.copyOf(positions), clock.instant().plus(TTL)));
        totalEntries += positions.size();
        return Optional.of(id);
    }

    /** The snapshot {@code id} names, when it is still kept and lists {@code query}. */
    synchronized Optional<Snapshot> get(String id, String query) {
        dropExpired();
        Snapshot s = byId.get(id);
        return s != null && s.query().equals(query) ? Optional.of(s) : Optional.empty();
    }

    private void dropExpired() {
        Instant now = clock.instant();
        Iterator<Map.Entry<String, Snapshot>> it = byId.entrySet().iterator();
        while (it.hasNext()) {
            Snapshot s = it.next().getValue();
            if (!s.expires().isAfter(now)) {
                totalEntries -= s.positions().size();
                it.remove();
            }
        }
    }
}
