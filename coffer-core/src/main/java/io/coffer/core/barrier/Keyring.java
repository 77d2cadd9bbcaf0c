package io.coffer.core.barrier;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The data-encryption keys of the barrier, one per term. Rotation adds a term and makes it active;
 * old terms stay so that values written under them still decrypt. Immutable apart from the
 * per-term encryption counters, which are statistics only.
 */
final class Keyring {

    /** One key of the keyring. */
    record Term(@JsonProperty("term") int term, @JsonProperty("key") byte[] key,
            @JsonProperty("install_time") Instant installTime) {
    }

    /** The serialized form, encrypted by the root key before it reaches storage. */
    record Stored(@JsonProperty("active_term") int activeTerm, @JsonProperty("terms") List<Term> terms) {
    }

    private final int activeTerm;
    private final Map<Integer, Term> terms;
    private final Map<Integer, AtomicLong> encryptions = new ConcurrentHashMap<>();

    private Keyring(int activeTerm, List<Term> terms) {
        this.activeTerm = activeTerm;
        Map<Integer, Term> byTerm = new java.util.HashMap<>();
        for (Term t : terms) {
            byTerm.put(t.term(), t);
        }
        if (!byTerm.containsKey(activeTerm)) {
            throw new IllegalStateException("keyring lacks its active term " + activeTerm);
        }
        this.terms = Map.copyOf(byTerm);
    }

    static Keyring first(Instant now) {
        return new Keyring(1, List.of(new Term(1, AesGcm.newKey(), now)));
    }

    static Keyring fromStored(Stored stored) {
        return new Keyring(stored.activeTerm(), stored.terms());
    }

    Stored toStored() {
        return new Stored(activeTerm, terms.values().stream().sorted(java.util.Comparator.comparingInt(Term::term)).toList());
    }

    /** A new keyring with one more term, which becomes active. */
    Keyring rotated(Instant now) {
        List<Term> next = new ArrayList<>(terms.values());
        int term = activeTerm + 1;
        next.add(new Term(term, AesGcm.newKey(), now));
        Keyring rotated = new Keyring(term, next);
        encryptions.forEach((k, v) -> rotated.encryptions.put(k, new AtomicLong(v.get())));
        return rotated;
    }

    Term active() {
        return terms.get(activeTerm);
    }

    Term term(int term) {
        return terms.get(term);
    }

    void countEncryption(int term) {
        encryptions.computeIfAbsent(term, t -> new AtomicLong()).incrementAndGet();
    }

    long encryptions(int term) {
        AtomicLong n = encryptions.get(term);
        return n == null ? 0 : n.get();
    }

    /** Overwrites key material in memory; called on seal. */
    void wipe() {
        for (Term t : terms.values()) {
            Arrays.fill(t.key(), (byte) 0);
        }
    }
}
