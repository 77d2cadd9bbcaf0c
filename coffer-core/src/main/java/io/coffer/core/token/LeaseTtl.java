package io.coffer.core.token;

import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Durations;
import io.coffer.core.mount.MountEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * Vault's TTL arithmetic for token leases, at creation and at renewal. All values are seconds.
 *
 * <ul>
 *   <li>The ceiling is the mount's maximum (the system's 768h when the mount sets none), lowered
 *       by a backend maximum and by an explicit maximum when either is smaller.</li>
 *   <li>A periodic token gets its period, capped by that ceiling, again on every renewal; only an
 *       explicit maximum bounds its total life (counted from issue).</li>
 *   <li>Any other token gets the increment asked for on renewal, else the backend's TTL (the one
 *       requested at creation, or the current lease's at renewal), else the mount default; its
 *       lease never reaches past issue time plus the ceiling.</li>
 * </ul>
 */
public final class LeaseTtl {

    /** Vault's system default and maximum lease TTL: 768 hours (32 days). */
    public static final long SYSTEM_TTL_SECONDS = 768L * 3600;

    private LeaseTtl() {
    }

    /**
     * A mount's effective default and maximum TTL.
     *
     * @param defaultTtl seconds, never 0
     * @param maxTtl     seconds, never 0
     */
    public record Limits(long defaultTtl, long maxTtl) {

        /** The system's limits: 768h each. */
        public static final Limits SYSTEM = new Limits(SYSTEM_TTL_SECONDS, SYSTEM_TTL_SECONDS);

        /** A mount's tuning, where 0 means the system value. */
        public static Limits of(MountEntry.MountConfig config) {
            return new Limits(config.defaultLeaseTtl() == 0 ? SYSTEM_TTL_SECONDS : config.defaultLeaseTtl(),
                    config.maxLeaseTtl() == 0 ? SYSTEM_TTL_SECONDS : config.maxLeaseTtl());
        }
    }

    /**
     * What a token asks for.
     *
     * @param increment      a renewal's requested increment; 0 at creation or for "the usual"
     * @param backendTtl     the TTL requested at creation, or the current lease's at renewal; 0 for
     *                       the mount default
     * @param period         non-zero for periodic tokens
     * @param backendMaxTtl  a maximum imposed by the issuing method (e.g. a role's max); 0 for none
     * @param explicitMaxTtl the token's hard maximum; 0 for none
     */
    public record Request(long increment, long backendTtl, long period, long backendMaxTtl, long explicitMaxTtl) {
    }

    /** The granted TTL and the warnings to pass on to the client (what was capped and why). */
    public record Result(long ttl, List<String> warnings) {
        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * The TTL to grant {@code now} to a lease issued at {@code issueTime} (equal at creation).
     *
     * @throws CofferException {@code INVALID_REQUEST} when the lease has already reached its maximum
     */
    public static Result calculate(Limits limits, Request req, long issueTime, long now) {
        long ceiling = limits.maxTtl();
        if (req.backendMaxTtl() > 0 && req.backendMaxTtl() < ceiling) {
            ceiling = req.backendMaxTtl();
        }
        if (req.explicitMaxTtl() > 0 && req.explicitMaxTtl() < ceiling) {
            ceiling = req.explicitMaxTtl();
        }
        List<String> warnings = new ArrayList<>();
        long ttl;
        long lastValidSecond;
        if (req.period() > 0) {
            ttl = req.period();
            if (ttl > ceiling) {
                warnings.add("period of " + Durations.format(ttl) + " is longer than the effective max_ttl of "
                        + Durations.format(ceiling) + "; the period was capped to it");
                ttl = ceiling;
            }
            // A period escapes the ceiling over the token's life; only an explicit max ends it.
            lastValidSecond = req.explicitMaxTtl() > 0 ? issueTime + req.explicitMaxTtl() : 0;
        } else {
            if (req.increment() > 0) {
                ttl = req.increment();
            } else if (req.backendTtl() > 0) {
                ttl = req.backendTtl();
            } else {
                ttl = limits.defaultTtl();
            }
            lastValidSecond = issueTime + ceiling;
        }
        if (lastValidSecond != 0) {
            long left = lastValidSecond - now;
            if (left <= 0) {
                throw CofferException.invalid("the token has reached its maximum TTL and cannot be renewed");
            }
            if (ttl > left) {
                warnings.add("TTL of " + Durations.format(ttl) + " is longer than the remaining max_ttl of "
                        + Durations.format(left) + "; the TTL was capped to it");
                ttl = left;
            }
        }
        return new Result(ttl, warnings);
    }
}
