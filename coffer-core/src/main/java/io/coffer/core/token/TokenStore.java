package io.coffer.core.token;

import io.coffer.core.barrier.SecureStorage;
import io.coffer.core.error.CofferException;
import io.coffer.core.json.Json;
import io.coffer.core.logical.Login;
import io.coffer.core.mount.MountEntry;
import io.coffer.core.seal.ShamirSeal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues, finds and revokes tokens. A token string is never stored: its entry lives behind the
 * barrier under the HMAC-SHA256 of the token keyed by a per-server random salt, so neither a copy
 * of storage nor of the barrier's plaintext reveals a usable token, and lookup needs no
 * comparison of secrets (the HMAC is the map key). An accessor index maps the HMAC of each
 * accessor to the token's HMAC.
 *
 * <p>Parsed entries are cached in memory (they hold no secret) and dropped on seal.
 */
public final class TokenStore implements ShamirSeal.Listener {

    static final String SALT_PATH = "sys/token/salt";
    static final String ID_PREFIX = "sys/token/id/";
    static final String ACCESSOR_PREFIX = "sys/token/accessor/";

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecureStorage storage;
    private final Clock clock;
    private final Map<String, TokenEntry> cache = new ConcurrentHashMap<>();
    private volatile SecretKeySpec salt;

    public TokenStore(SecureStorage storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    @Override
    public void afterUnseal() {
        byte[] s = storage.get(SALT_PATH).orElseGet(() -> {
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            storage.put(SALT_PATH, fresh);
            return fresh;
        });
        salt = new SecretKeySpec(s, "HmacSHA256");
    }

    @Override
    public void beforeSeal() {
        salt = null;
        cache.clear();
    }

    /** A newly issued token and its entry; the token string exists only here and in the response. */
    public record IssuedToken(String token, TokenEntry entry) {
        @Override
        public String toString() {
            return "IssuedToken[accessor=" + entry.accessor() + "]";
        }
    }

    /**
     * Creates a root token. {@code requestedId} lets dev mode choose a memorable token; otherwise
     * a random {@code hvs.} token is generated.
     */
    public IssuedToken createRoot(Optional<String> requestedId) {
        String token = requestedId.filter(s -> !s.isBlank()).orElseGet(TokenStore::newTokenString);
        TokenEntry entry = new TokenEntry(newAccessor(), List.of("root"), "auth/token/root", Map.of(), "root",
                clock.instant().getEpochSecond(), 0, 0, 0, "", false, 0, "service");
        store(token, entry);
        return new IssuedToken(token, entry);
    }

    /** Vault's system default and maximum TTL: 768 hours (32 days). */
    public static final long SYSTEM_MAX_TTL_SECONDS = 768L * 3600;

    /**
     * Mints the token of a successful login at the auth mount {@code mount}: the login's policies
     * plus {@code default}, its TTL bounded by the mount's and the system's maximum. Login tokens
     * have no parent.
     */
    public IssuedToken issueForLogin(Login login, MountEntry mount) {
        java.util.TreeSet<String> policies = new java.util.TreeSet<>(login.policies());
        policies.add("default");
        long mountMax = mount.config().maxLeaseTtl() == 0 ? SYSTEM_MAX_TTL_SECONDS : mount.config().maxLeaseTtl();
        long max = login.maxTtl() == 0 ? mountMax : Math.min(login.maxTtl(), mountMax);
        long defaultTtl = mount.config().defaultLeaseTtl() == 0 ? SYSTEM_MAX_TTL_SECONDS : mount.config().defaultLeaseTtl();
        long ttl = login.period() > 0 ? login.period() : Math.min(login.ttl() == 0 ? defaultTtl : login.ttl(), max);
        TokenEntry entry = new TokenEntry(newAccessor(), List.copyOf(policies), "auth/" + mount.path() + "login",
                login.metadata(), mount.path().replace("/", "") + (login.displayName().isEmpty() ? "" : "-" + login.displayName()),
                clock.instant().getEpochSecond(), ttl, login.maxTtl(), login.numUses(), "", login.renewable(), login.period(),
                "service");
        String token = newTokenString();
        store(token, entry);
        return new IssuedToken(token, entry);
    }

    /** The {@code auth} block of a login response, in Vault's shape. */
    public static Map<String, Object> authBlock(IssuedToken issued) {
        TokenEntry e = issued.entry();
        Map<String, Object> auth = new java.util.LinkedHashMap<>();
        auth.put("client_token", issued.token());
        auth.put("accessor", e.accessor());
        auth.put("policies", e.policies());
        auth.put("token_policies", e.policies());
        auth.put("metadata", e.meta().isEmpty() ? null : e.meta());
        auth.put("lease_duration", e.ttl());
        auth.put("renewable", e.renewable());
        auth.put("entity_id", "");
        auth.put("token_type", e.type());
        auth.put("orphan", e.parentHash().isEmpty());
        auth.put("mfa_requirement", null);
        auth.put("num_uses", e.numUses());
        return auth;
    }

    /** The live entry of {@code token}; empty when unknown, expired or revoked. */
    public Optional<TokenEntry> lookup(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        String hash = hmac(token);
        TokenEntry entry = cache.get(hash);
        if (entry == null) {
            Optional<byte[]> stored = storage.get(ID_PREFIX + hash);
            if (stored.isEmpty()) {
                return Optional.empty();
            }
            entry = Json.read(stored.get(), TokenEntry.class);
            cache.put(hash, entry);
        }
        if (entry.isExpiredAt(clock.instant().getEpochSecond())) {
            return Optional.empty();
        }
        return Optional.of(entry);
    }

    /** Revokes {@code token}; unknown tokens are ignored. */
    public void revoke(String token) {
        String hash = hmac(token);
        Optional<byte[]> stored = storage.get(ID_PREFIX + hash);
        if (stored.isPresent()) {
            TokenEntry entry = Json.read(stored.get(), TokenEntry.class);
            storage.delete(ACCESSOR_PREFIX + hmac(entry.accessor()));
        }
        storage.delete(ID_PREFIX + hash);
        cache.remove(hash);
    }

    private void store(String token, TokenEntry entry) {
        String hash = hmac(token);
        storage.put(ID_PREFIX + hash, Json.write(entry));
        storage.put(ACCESSOR_PREFIX + hmac(entry.accessor()), hash.getBytes(StandardCharsets.UTF_8));
        cache.put(hash, entry);
    }

    String hmac(String value) {
        SecretKeySpec key = salt;
        if (key == null) {
            throw new CofferException(CofferException.Kind.SEALED, "Vault is sealed");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw CofferException.internal("HMAC failed", e);
        }
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
