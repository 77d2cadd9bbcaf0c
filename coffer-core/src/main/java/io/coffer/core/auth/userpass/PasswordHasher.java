package io.coffer.core.auth.userpass;

import io.coffer.core.error.CofferException;
import io.coffer.core.ratelimit.LoginWorkPool;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * bcrypt, as Vault's userpass uses it (Go's {@code x/crypto/bcrypt}, cost 10, {@code $2a$}
 * hashes), implemented by BouncyCastle. BouncyCastle's check compares the computed and the
 * stored hash in constant time.
 *
 * <p>Every hash and check runs on the {@link LoginWorkPool}: each costs tens of milliseconds of
 * CPU, and a flood of logins must not take the cores the rest of the request path runs on. A full
 * pool refuses with 429 at once, before any bcrypt work, whether or not the user exists.
 */
final class PasswordHasher {

    /** Vault's {@code bcrypt.DefaultCost}. */
    static final int COST = 10;

    /** bcrypt reads at most this many bytes; Go refuses longer passwords rather than truncate them, and so do we. */
    static final int MAX_PASSWORD_BYTES = 72;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A hash of a password nobody has, checked when the user does not exist so that timing tells nothing. */
    private static final class Dummy {
        static final String HASH = bcrypt("coffer-userpass-no-such-user");
    }

    private final LoginWorkPool pool;

    PasswordHasher(LoginWorkPool pool) {
        this.pool = pool;
        // Made now, not by the first login of an unknown user, which would take two hashes' time.
        Objects.requireNonNull(Dummy.HASH);
    }

    /**
     * The bcrypt hash of {@code password}; 400 when it is empty or longer than bcrypt can take,
     * 429 when the pool is full.
     */
    String hash(String password) {
        return pool.run(() -> bcrypt(password));
    }

    private static String bcrypt(String password) {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        try {
            if (bytes.length == 0) {
                throw CofferException.invalid("missing password");
            }
            if (bytes.length > MAX_PASSWORD_BYTES) {
                throw CofferException.invalid("password is longer than " + MAX_PASSWORD_BYTES + " bytes, the most bcrypt can hash");
            }
            byte[] salt = new byte[16];
            RANDOM.nextBytes(salt);
            return OpenBSDBCrypt.generate("2a", bytes, salt, COST);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /**
     * True when {@code password} matches {@code hash}. A null {@code hash} (no such user) is
     * checked against a dummy hash and is never a match, at the same cost, on the same pool.
     *
     * @throws io.coffer.core.error.RateLimitedException when the pool is full, for a known and an unknown user alike
     */
    boolean matches(String hash, String password) {
        return pool.run(() -> check(hash, password));
    }

    private static boolean check(String hash, String password) {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        try {
            boolean tooLong = bytes.length > MAX_PASSWORD_BYTES;
            // bcrypt would ignore the bytes past 72; such a password matches nothing, but still
            // costs a full check so that its answer takes as long as any other.
            byte[] checked = tooLong ? Arrays.copyOf(bytes, MAX_PASSWORD_BYTES) : bytes;
            boolean match;
            try {
                match = OpenBSDBCrypt.checkPassword(hash == null ? Dummy.HASH : hash, checked);
            } catch (IllegalArgumentException | org.bouncycastle.crypto.DataLengthException corrupt) {
                match = false;
            } finally {
                if (checked != bytes) {
                    Arrays.fill(checked, (byte) 0);
                }
            }
            return match && hash != null && !tooLong;
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
