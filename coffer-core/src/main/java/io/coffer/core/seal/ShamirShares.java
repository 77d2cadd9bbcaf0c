package io.coffer.core.seal;

import com.codahale.shamir.Scheme;
import io.coffer.core.error.CofferException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Splits the unseal key into Shamir shares over GF(256) (com.codahale:shamir) and joins them back.
 *
 * <p>A share is the share bytes followed by one byte holding its x-coordinate (1..255), the layout
 * Vault uses. With a single share and threshold 1 the share is the key itself. Shares are given
 * to operators as hex ({@code keys}) and base64 ({@code keys_base64}); {@link #decode} takes either.
 */
public final class ShamirShares {

    /** Vault's bounds: at most 255 shares (one byte of x-coordinate, zero excluded). */
    public static final int MAX_SHARES = 255;

    private static final SecureRandom RANDOM = new SecureRandom();

    private ShamirShares() {
    }

    /** Checks a share configuration with Vault's rules; the message says what to change. */
    public static void validate(int shares, int threshold) {
        if (shares < 1) {
            throw CofferException.invalid("invalid seal configuration: secret_shares must be at least 1");
        }
        if (shares > MAX_SHARES) {
            throw CofferException.invalid("invalid seal configuration: secret_shares must be at most " + MAX_SHARES);
        }
        if (threshold < 1) {
            throw CofferException.invalid("invalid seal configuration: secret_threshold must be at least 1");
        }
        if (threshold > shares) {
            throw CofferException.invalid("invalid seal configuration: secret_threshold cannot be larger than secret_shares");
        }
        if (shares > 1 && threshold == 1) {
            throw CofferException.invalid("invalid seal configuration: secret_threshold must be greater than one for multiple shares");
        }
    }

    /** Splits {@code secret} into {@code shares} shares of which any {@code threshold} rebuild it. */
    public static List<byte[]> split(byte[] secret, int shares, int threshold) {
        validate(shares, threshold);
        if (shares == 1) {
            return List.of(secret.clone());
        }
        Map<Integer, byte[]> parts = new Scheme(RANDOM, shares, threshold).split(secret);
        List<byte[]> out = new ArrayList<>(shares);
        for (Map.Entry<Integer, byte[]> part : new TreeMap<>(parts).entrySet()) {
            byte[] y = part.getValue();
            byte[] share = new byte[y.length + 1];
            System.arraycopy(y, 0, share, 0, y.length);
            share[y.length] = (byte) part.getKey().intValue();
            out.add(share);
        }
        return out;
    }

    /**
     * Joins shares into the secret. With fewer than {@code threshold} distinct shares the result
     * is garbage, not an error: the caller verifies it by decrypting something under it.
     */
    public static byte[] join(List<byte[]> shares, int threshold) {
        if (threshold == 1) {
            return shares.get(0).clone();
        }
        Map<Integer, byte[]> parts = new TreeMap<>();
        for (byte[] share : shares) {
            int x = share[share.length - 1] & 0xff;
            byte[] y = new byte[share.length - 1];
            System.arraycopy(share, 0, y, 0, y.length);
            parts.put(x, y);
        }
        return new Scheme(RANDOM, Math.max(threshold, parts.size()), threshold).join(parts);
    }

    /**
     * Decodes a share given as hex or base64 and checks its shape: {@code keyBytes} long for a
     * single-share seal, {@code keyBytes + 1} with a non-zero x-coordinate otherwise.
     */
    public static byte[] decode(String text, int keyBytes, int shares) {
        String t = text.trim();
        byte[] raw = null;
        if (t.length() % 2 == 0 && t.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            raw = HexFormat.of().parseHex(t);
        } else {
            try {
                raw = Base64.getDecoder().decode(t);
            } catch (IllegalArgumentException e) {
                throw CofferException.invalid("'key' must be a valid hex or base64 string");
            }
        }
        int expected = shares == 1 ? keyBytes : keyBytes + 1;
        if (raw.length != expected) {
            throw CofferException.invalid("invalid key: an unseal key share of this seal is " + expected
                    + " bytes, this one decodes to " + raw.length);
        }
        if (shares > 1 && raw[raw.length - 1] == 0) {
            throw CofferException.invalid("invalid key: the share's x-coordinate is zero");
        }
        return raw;
    }

    public static String hex(byte[] share) {
        return HexFormat.of().formatHex(share);
    }

    public static String base64(byte[] share) {
        return Base64.getEncoder().encodeToString(share);
    }
}
