package io.coffer.core.token;

import io.coffer.core.crypto.HmacSha256;
import io.coffer.core.barrier.SecureStorage;
import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Login;
import io.coffer.core.mount.MountEntry;
import io.coffer.core.seal.ShamirSeal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Issues, finds, renews and revokes tokens. A token string is never stored: its entry lives behind
 * the barrier under the HMAC-SHA256 of the token keyed by a per-server random salt, so neither a
 * copy of storage nor of the barrier's plaintext reveals a usable token, and lookup needs no
 * comparison of secrets (the HMAC is the map key). Indexes (accessor, parent, issuing mount,
 * expiry) are keyed the same way; see {@link TokenRecords}.
 *
 * <p>Vault's rules: revoking a token revokes every token created under it (orphans excepted);
 * a token whose parent is gone or expired does not authenticate; an expired token does not
 * authenticate and a background pass reclaims it; a limited-use token is revoked after the request
 * that spends its last use.
 *
 * <p>Concurrency: every change to one token happens under that token's lock (striped), and no
 * code holds two token locks at once, so revocations of overlapping subtrees cannot deadlock.
 */
public final class TokenStore implements ShamirSeal.Listener {

    static final String SALT_PATH = "sys/token/salt";
    static final String ID_PREFIX = TokenRecords.ID_PREFIX;
    static final String ACCESSOR_PREFIX = TokenRecords.ACCESSOR_PREFIX;

    /** Vault's system default and maximum TTL: 768 hours (32 days). */
    public static final long SYSTEM_MAX_TTL_SECONDS = LeaseTtl.SYSTEM_TTL_SECONDS;

    /** How often expired tokens are reclaimed, unless a test asks for another interval. */
    public static final Duration DEFAULT_CLEANUP_INTERVAL = Duration.ofMinutes(1);

    /** Tokens examined per background pass, so that a large backlog is worked off in slices. */
    static final int CLEANUP_BATCH = 1000;

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int LOCK_STRIPES = 64;

    private final SecureStorage storage;
    private final Clock clock;
    private final TokenRecords records;
    private final ReentrantLock[] locks = new ReentrantLock[LOCK_STRIPES];
    private final ExpiredTokenCleaner cleaner;
    private volatile HmacSha256 salt;
    private volatile IssuingMounts issuingMounts = IssuingMounts.NONE;

    public TokenStore(SecureStorage storage, Clock clock) {
        this(storage, clock, DEFAULT_CLEANUP_INTERVAL);
    }

    /** A store whose background pass over expired tokens runs every {@code cleanupInterval}. */
    public TokenStore(SecureStorage storage, Clock clock, Duration cleanupInterval) {
        this.storage = storage;
        this.clock = clock;
        this.records = new TokenRecords(storage);
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new ReentrantLock();
        }
        this.cleaner = new ExpiredTokenCleaner(cleanupInterval, () -> revokeExpired(CLEANUP_BATCH));
    }

    /** Tells the store where to find the auth mounts whose tuning bounds their tokens' renewals. */
    private volatile java.util.function.BiPredicate<TokenEntry, String> sudoCheck = (entry, path) -> false;

    public void useIssuingMounts(IssuingMounts mounts) {
        this.issuingMounts = Objects.requireNonNull(mounts, "mounts");
    }

    /**
     * Sets how to decide whether a token holds {@code sudo} on a path, which some token
     * operations require (create-orphan, revoke-orphan, choosing a token id). The token store
     * cannot see policies itself; until this is set only root tokens count as sudo.
     */
    public void useSudoCheck(java.util.function.BiPredicate<TokenEntry, String> sudoCheck) {
        this.sudoCheck = Objects.requireNonNull(sudoCheck, "sudoCheck");
    }

    /** Whether {@code entry} holds {@code sudo} on {@code path} (root tokens always do). */
    public boolean hasSudo(TokenEntry entry, String path) {
        return entry.isRoot() || sudoCheck.test(entry, path);
    }

    @Override
    public void afterUnseal() {
        byte[] s = storage.get(SALT_PATH).orElseGet(() -> {
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            storage.put(SALT_PATH, fresh);
            return fresh;
        });
        salt = HmacSha256.withKey(s);
        cleaner.start();
    }

    @Override
    public void beforeSeal() {
        cleaner.stop();
        salt = null;
        records.clearCache();
    }

    /** Whether the background expiry pass is scheduled, i.e. the store is unsealed. */
    boolean expiryPassScheduled() {
        return cleaner.isScheduled();
    }

    /** The clock token times are read from. */
    public Clock clock() {
        return clock;
    }

    /** A newly issued token and its entry; the token string exists only here and in the response. */
    public record IssuedToken(String token, TokenEntry entry) {
        @Override
        public String toString() {
            return "IssuedToken[accessor=" + entry.accessor() + "]";
        }
    }

    /**
     * What the token store's own endpoints ask for when they create a token. TTLs are already
     * computed by the caller ({@link LeaseTtl}); the store only persists them.
     *
     * @param policies         final, sanitized policies
     * @param path             e.g. {@code auth/token/create}
     * @param meta             metadata
     * @param displayName      e.g. {@code token-ci}
     * @param ttl              seconds; 0 for a token that never expires
     * @param explicitMaxTtl   seconds; 0 for none
     * @param numUses          0 for unlimited
     * @param renewable        whether renew is allowed
     * @param period           seconds; 0 when not periodic
     * @param role             the token role, empty for none
     * @param parentToken      the creating token, empty for an orphan
     * @param requestedId      a token string chosen by a root caller, empty for a random one
     * @param issuingMountUuid the token auth mount, whose tuning bounds renewals
     */
    public record NewToken(List<String> policies, String path, Map<String, String> meta, String displayName, long ttl,
            long explicitMaxTtl, int numUses, boolean renewable, long period, String role, Optional<String> parentToken,
            Optional<String> requestedId, String issuingMountUuid) {

        public NewToken {
            policies = List.copyOf(policies);
            meta = meta == null ? Map.of() : Map.copyOf(meta);
        }

        @Override
        public String toString() {
            return "NewToken[path=" + path + ", policies=" + policies + "]";
        }
    }

    /**
     * Creates a root token. {@code requestedId} lets dev mode choose a memorable token; otherwise
     * a random {@code hvs.} token is generated.
     */
    public IssuedToken createRoot(Optional<String> requestedId) {
        String token = requestedId.filter(s -> !s.isBlank()).orElseGet(TokenStore::newTokenString);
        TokenEntry entry = new TokenEntry(newAccessor(), List.of("root"), "auth/token/root", Map.of(), "root",
                nowSeconds(), 0, 0, 0, "", false, 0, "service");
        String hash = hmac(token);
        locked(hash, () -> {
            records.create(hash, hmac(entry.accessor()), entry, false);
            return null;
        });
        return new IssuedToken(token, entry);
    }

    /**
     * Creates a token for the token store's endpoints ({@code auth/token/create} and friends).
     * Fails when the parent stopped being valid meanwhile, or a requested id is taken.
     */
    public IssuedToken create(NewToken spec) {
        String parentHash = "";
        if (spec.parentToken().isPresent()) {
            parentHash = hmac(spec.parentToken().get());
            if (live(parentHash, false).isEmpty()) {
                throw CofferException.invalid("the parent token is no longer valid");
            }
        }
        String token = spec.requestedId().filter(s -> !s.isBlank()).orElseGet(TokenStore::newTokenString);
        long now = nowSeconds();
        TokenEntry entry = new TokenEntry(newAccessor(), spec.policies(), spec.path(), spec.meta(), spec.displayName(),
                now, spec.ttl(), spec.explicitMaxTtl(), spec.numUses(), parentHash, spec.renewable(), spec.period(),
                "service", spec.role(), 0, spec.ttl() == 0 ? 0 : now + spec.ttl(), spec.issuingMountUuid(), List.of());
        String hash = hmac(token);
        locked(hash, () -> {
            if (spec.requestedId().isPresent() && records.exists(hash)) {
                throw CofferException.invalid("a token with the requested ID already exists");
            }
            records.create(hash, hmac(entry.accessor()), entry, false);
            return null;
        });
        return new IssuedToken(token, entry);
    }

    /**
     * Mints the token of a successful login at the auth mount {@code mount}: the login's policies
     * plus {@code default}, its TTL bounded by the mount's and the system's maximum. Login tokens
     * have no parent; disabling the mount revokes them.
     */
    public IssuedToken issueForLogin(Login login, MountEntry mount) {
        TreeSet<String> policies = new TreeSet<>(login.policies());
        policies.add("default");
        long now = nowSeconds();
        LeaseTtl.Result ttl = LeaseTtl.calculate(LeaseTtl.Limits.of(mount.config()),
                new LeaseTtl.Request(0, login.ttl(), login.period(), login.maxTtl(), 0), now, now);
        TokenEntry entry = new TokenEntry(newAccessor(), List.copyOf(policies), "auth/" + mount.path() + "login",
                login.metadata(), mount.path().replace("/", "") + (login.displayName().isEmpty() ? "" : "-" + login.displayName()),
                now, ttl.ttl(), login.maxTtl(), login.numUses(), "", login.renewable(), login.period(), "service", "", 0,
                now + ttl.ttl(), mount.uuid(), login.boundCidrs());
        String token = newTokenString();
        String hash = hmac(token);
        locked(hash, () -> {
            records.create(hash, hmac(entry.accessor()), entry, true);
            return null;
        });
        return new IssuedToken(token, entry);
    }

    /** The {@code auth} block of a response that issued {@code issued}, in Vault's shape. */
    public static Map<String, Object> authBlock(IssuedToken issued) {
        return authBlock(issued.token(), issued.entry());
    }

    /**
     * The {@code auth} block describing {@code e}'s current lease; {@code clientToken} is empty
     * where Vault withholds the token (renewal by accessor).
     */
    public static Map<String, Object> authBlock(String clientToken, TokenEntry e) {
        Map<String, Object> auth = new LinkedHashMap<>();
        auth.put("client_token", clientToken);
        auth.put("accessor", e.accessor());
        auth.put("policies", e.policies());
        auth.put("token_policies", e.policies());
        auth.put("metadata", e.meta().isEmpty() ? null : e.meta());
        auth.put("lease_duration", e.currentLeaseTtl());
        auth.put("renewable", e.renewable());
        auth.put("entity_id", "");
        auth.put("token_type", e.type());
        auth.put("orphan", e.isOrphan());
        auth.put("mfa_requirement", null);
        auth.put("num_uses", Math.max(0, e.numUses()));
        return auth;
    }

    /** The live entry of {@code token}; empty when unknown, expired, revoked or used up. */
    public Optional<TokenEntry> lookup(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        return live(hmac(token), false);
    }

    /**
     * Like {@link #lookup} but also finds a token whose last use the current request is spending,
     * which Vault still shows to that request's own lookups.
     */
    public Optional<TokenEntry> lookupInFlight(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        return live(hmac(token), true);
    }

    /** The live entry of the token with {@code accessor}. */
    public Optional<TokenEntry> lookupByAccessor(String accessor) {
        return hashOfAccessor(accessor).flatMap(h -> live(h, true));
    }

    /**
     * Counts one use of {@code token} by a request that passed authorization. Call right before
     * serving the request and close the result afterwards. Fails with {@code PERMISSION_DENIED}
     * when a concurrent request spent the last use first.
     */
    public TokenUse recordUse(String token) {
        String hash = hmac(token);
        TokenEntry seen = live(hash, false).orElseThrow(CofferException::permissionDenied);
        if (seen.numUses() == 0) {
            // A use limit is fixed at creation; unlimited tokens need no accounting.
            return TokenUse.UNLIMITED;
        }
        return locked(hash, () -> {
            TokenEntry e = records.load(hash).filter(x -> !x.isLastUseInFlight() && !x.isExpiredAt(nowSeconds()))
                    .orElseThrow(CofferException::permissionDenied);
            int remaining = e.numUses() == 1 ? TokenEntry.LAST_USE_IN_FLIGHT : e.numUses() - 1;
            records.update(hash, e, e.withNumUses(remaining));
            return remaining == TokenEntry.LAST_USE_IN_FLIGHT ? new TokenUse(() -> revokeTree(hash)) : TokenUse.UNLIMITED;
        });
    }

    /** A token role's renewal settings, which replace the token's own for tokens created against it. */
    public record RenewalTerms(long period, long explicitMaxTtl) {
    }

    /** Finds the current renewal settings of a token role. */
    @FunctionalInterface
    public interface RoleTerms {
        RoleTerms NONE = name -> Optional.empty();

        Optional<RenewalTerms> forRole(String roleName);
    }

    /** A renewed token's entry and the warnings about caps applied. */
    public record Renewal(TokenEntry entry, List<String> warnings) {
        public Renewal {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Renews {@code token}'s lease by {@code increment} seconds (0 for the usual TTL) under Vault's
     * rules: the issuing mount's maximum counted from issue, the explicit maximum, the period of
     * periodic tokens (a role's current settings for tokens created against a role).
     */
    public Renewal renew(String token, long increment, RoleTerms roles) {
        return renewHash(hmac(token), increment, roles);
    }

    /** {@link #renew} of the token with {@code accessor}. */
    public Renewal renewByAccessor(String accessor, long increment, RoleTerms roles) {
        String hash = hashOfAccessor(accessor).orElseThrow(() -> CofferException.invalid("invalid accessor"));
        return renewHash(hash, increment, roles);
    }

    private Renewal renewHash(String hash, long increment, RoleTerms roles) {
        if (increment < 0) {
            throw CofferException.invalid("increment must not be negative");
        }
        if (live(hash, false).isEmpty()) {
            throw CofferException.invalid("token not found");
        }
        return locked(hash, () -> {
            long now = nowSeconds();
            TokenEntry e = records.load(hash).filter(x -> !x.isLastUseInFlight() && !x.isExpiredAt(now))
                    .orElseThrow(() -> CofferException.invalid("token not found"));
            if (e.expireTime() == 0 || !e.renewable()) {
                throw CofferException.invalid("lease is not renewable");
            }
            long period = e.period();
            long explicitMax = e.explicitMaxTtl();
            if (!e.role().isEmpty()) {
                RenewalTerms terms = roles.forRole(e.role()).orElseThrow(() -> CofferException.invalid(
                        "the token role the token was created against no longer exists; the token cannot be renewed"));
                period = terms.period();
                explicitMax = terms.explicitMaxTtl();
            }
            LeaseTtl.Limits limits = issuingMounts.byUuid(e.issuingMountUuid())
                    .map(m -> LeaseTtl.Limits.of(m.config())).orElse(LeaseTtl.Limits.SYSTEM);
            LeaseTtl.Result ttl = LeaseTtl.calculate(limits,
                    new LeaseTtl.Request(increment, e.currentLeaseTtl(), period, 0, explicitMax), e.creationTime(), now);
            TokenEntry renewed = e.renewedAt(now, ttl.ttl());
            records.update(hash, e, renewed);
            return new Renewal(renewed, ttl.warnings());
        });
    }

    /** Revokes {@code token} and every token below it; unknown tokens are ignored. */
    public void revoke(String token) {
        revokeTree(hmac(token));
    }

    /** Revokes the token with {@code accessor} and its subtree; false when no such token exists. */
    public boolean revokeByAccessor(String accessor) {
        Optional<String> hash = hashOfAccessor(accessor);
        if (hash.isEmpty()) {
            return false;
        }
        if (get(hash.get()).isEmpty()) {
            records.deleteAccessorIndex(hmac(accessor));
            return false;
        }
        revokeTree(hash.get());
        return true;
    }

    /**
     * Revokes {@code token} alone; its children become orphans. False when the token is not
     * valid.
     */
    public boolean revokeOrphan(String token) {
        String hash = hmac(token);
        if (live(hash, false).isEmpty()) {
            return false;
        }
        for (String child : records.children(hash)) {
            locked(child, () -> {
                Optional<TokenEntry> e = records.load(child);
                if (e.isPresent() && e.get().parentHash().equals(hash)) {
                    records.update(child, e.get(), e.get().withParentHash(""));
                } else {
                    records.deleteChildIndex(hash, child);
                }
                return null;
            });
        }
        revokeOne(hash, "");
        return true;
    }

    /** Revokes every token the logins of the auth mount {@code mountUuid} issued; returns how many. */
    public int revokeIssuedBy(String mountUuid) {
        int revoked = 0;
        for (String hash : records.issuedBy(mountUuid)) {
            if (get(hash).isEmpty()) {
                records.deleteMountIndex(mountUuid, hash);
            } else {
                revoked += revokeTree(hash);
            }
        }
        return revoked;
    }

    /** The accessors of all live tokens, sorted. */
    public List<String> accessors() {
        long now = nowSeconds();
        TreeSet<String> out = new TreeSet<>();
        for (String hash : records.allHashes()) {
            get(hash).filter(e -> !e.isExpiredAt(now)).ifPresent(e -> out.add(e.accessor()));
        }
        return List.copyOf(out);
    }

    /**
     * One pass of the expiry job: examines at most {@code maxTokens} tokens whose lease ended,
     * oldest first, and revokes the expired ones with their subtrees. Returns the number of tokens
     * revoked. The background job calls it; tests call it directly.
     */
    public int revokeExpired(int maxTokens) {
        long now = nowSeconds();
        int examined = 0;
        int revoked = 0;
        for (String bucket : records.expiryBuckets()) {
            if (TokenRecords.bucketStart(bucket) > now) {
                break;
            }
            for (String hash : records.expiringIn(bucket)) {
                if (examined++ >= maxTokens) {
                    return revoked;
                }
                Optional<TokenEntry> e = get(hash);
                if (e.isEmpty()) {
                    records.deleteExpiryIndex(bucket, hash);
                } else if (e.get().isExpiredAt(now)) {
                    revoked += revokeTree(hash);
                } else if (e.get().expireTime() == 0 || !TokenRecords.bucketOf(e.get().expireTime()).equals(bucket)) {
                    // Left behind by a renewal that was interrupted before it removed the old entry.
                    records.deleteExpiryIndex(bucket, hash);
                }
            }
        }
        return revoked;
    }

    /**
     * The entry under {@code hash} if it authenticates now: present, not expired, not used up
     * (unless {@code allowInFlight}), and every ancestor present and not expired. A token whose
     * parent is gone is the leftover of an interrupted revocation: it is revoked on sight.
     */
    private Optional<TokenEntry> live(String hash, boolean allowInFlight) {
        Optional<TokenEntry> found = get(hash);
        if (found.isEmpty()) {
            return found;
        }
        TokenEntry e = found.get();
        long now = nowSeconds();
        if (e.isExpiredAt(now) || (e.isLastUseInFlight() && !allowInFlight)) {
            return Optional.empty();
        }
        Set<String> visited = new HashSet<>();
        String parent = e.parentHash();
        while (!parent.isEmpty() && visited.add(parent)) {
            Optional<TokenEntry> p = get(parent);
            if (p.isEmpty()) {
                revokeTree(hash);
                return Optional.empty();
            }
            if (p.get().isExpiredAt(now)) {
                return Optional.empty();
            }
            parent = p.get().parentHash();
        }
        return found;
    }

    private Optional<TokenEntry> get(String hash) {
        Optional<TokenEntry> cached = records.cached(hash);
        if (cached.isPresent()) {
            return cached;
        }
        return locked(hash, () -> records.load(hash));
    }

    private Optional<String> hashOfAccessor(String accessor) {
        if (accessor == null || accessor.isEmpty()) {
            return Optional.empty();
        }
        return records.hashOfAccessor(hmac(accessor));
    }

    /** Revokes the token under {@code rootHash} and its subtree, deepest first; returns how many. */
    private int revokeTree(String rootHash) {
        List<String[]> order = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Deque<String[]> queue = new ArrayDeque<>();
        queue.add(new String[] {rootHash, ""});
        while (!queue.isEmpty()) {
            String[] next = queue.poll();
            if (!seen.add(next[0])) {
                continue;
            }
            order.add(next);
            for (String child : records.children(next[0])) {
                queue.add(new String[] {child, next[0]});
            }
        }
        int revoked = 0;
        for (int i = order.size() - 1; i >= 0; i--) {
            if (revokeOne(order.get(i)[0], order.get(i)[1])) {
                revoked++;
            }
        }
        return revoked;
    }

    /** Deletes one token; {@code indexedUnder} is the parent whose index led here, if any. */
    private boolean revokeOne(String hash, String indexedUnder) {
        return locked(hash, () -> {
            Optional<TokenEntry> e = records.load(hash);
            if (e.isEmpty()) {
                if (!indexedUnder.isEmpty()) {
                    records.deleteChildIndex(indexedUnder, hash);
                }
                return false;
            }
            records.delete(hash, hmac(e.get().accessor()), e.get());
            return true;
        });
    }

    private <T> T locked(String hash, Supplier<T> action) {
        ReentrantLock lock = locks[Math.floorMod(hash.hashCode(), LOCK_STRIPES)];
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    private long nowSeconds() {
        return clock.instant().getEpochSecond();
    }

    String hmac(String value) {
        HmacSha256 key = salt;
        if (key == null) {
            throw new CofferException(CofferException.Kind.SEALED, "Vault is sealed");
        }
        return key.hex(value);
    }

    static String newTokenString() {
        return "hvs." + randomString(24);
    }

    static String newAccessor() {
        return randomString(24);
    }

    private static String randomString(int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
