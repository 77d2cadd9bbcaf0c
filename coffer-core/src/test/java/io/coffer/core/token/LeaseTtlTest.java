package io.coffer.core.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.core.error.CofferException;
import io.coffer.core.mount.MountEntry;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Vault's TTL rules, one row per rule: limits, request, issue and renewal time, expected TTL. */
class LeaseTtlTest {

    private static final long H = 3600;
    private static final long SYSTEM = 768 * H;
    private static final long T0 = 1_900_000_000L;

    private static LeaseTtl.Limits mount(long defaultTtl, long maxTtl) {
        return LeaseTtl.Limits.of(new MountEntry.MountConfig(defaultTtl, maxTtl, false));
    }

    private static LeaseTtl.Request ask(long increment, long backendTtl, long period, long backendMax, long explicitMax) {
        return new LeaseTtl.Request(increment, backendTtl, period, backendMax, explicitMax);
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("system default when nothing is asked", mount(0, 0), ask(0, 0, 0, 0, 0), T0, SYSTEM, false),
                Arguments.of("requested ttl", mount(0, 0), ask(0, H, 0, 0, 0), T0, H, false),
                Arguments.of("requested ttl above system max is capped", mount(0, 0), ask(0, 1000 * H, 0, 0, 0), T0, SYSTEM, true),
                Arguments.of("mount default", mount(2 * H, 0), ask(0, 0, 0, 0, 0), T0, 2 * H, false),
                Arguments.of("mount max caps the default", mount(0, 3 * H), ask(0, 0, 0, 0, 0), T0, 3 * H, true),
                Arguments.of("mount max caps a request", mount(H, 3 * H), ask(0, 5 * H, 0, 0, 0), T0, 3 * H, true),
                Arguments.of("mount may raise the max above the system's", mount(0, 2000 * H), ask(0, 1000 * H, 0, 0, 0), T0, 1000 * H, false),
                Arguments.of("explicit max caps a request", mount(0, 0), ask(0, 5 * H, 0, 0, 2 * H), T0, 2 * H, true),
                Arguments.of("explicit max above mount max: mount max wins", mount(0, H), ask(0, 5 * H, 0, 0, 4 * H), T0, H, true),
                Arguments.of("backend max caps a request", mount(0, 0), ask(0, 5 * H, 0, H, 0), T0, H, true),
                Arguments.of("periodic token gets its period", mount(0, 0), ask(0, 0, 30 * 60, 0, 0), T0, 30 * 60, false),
                Arguments.of("period ignores the requested ttl", mount(0, 0), ask(0, 9 * H, 600, 0, 0), T0, 600, false),
                Arguments.of("period is capped by the mount max", mount(0, H), ask(0, 0, 2 * H, 0, 0), T0, H, true),
                Arguments.of("period is capped by an explicit max", mount(0, 0), ask(0, 0, 2 * H, 0, H), T0, H, true),
                Arguments.of("periodic token renews past the mount max", mount(0, H), ask(0, 0, 1800, 0, 0), T0 - 10 * H, 1800, false),
                Arguments.of("periodic token stops at its explicit max", mount(0, 0), ask(0, 0, 1800, 0, 2 * H), T0 - 2 * H + 600, 600, true),
                Arguments.of("renewal with increment", mount(0, 0), ask(600, H, 0, 0, 0), T0 - H, 600, false),
                Arguments.of("renewal without increment reuses the lease ttl", mount(0, 0), ask(0, H, 0, 0, 0), T0 - H, H, false),
                Arguments.of("renewal increment is capped by the time left to the max", mount(0, 10 * H), ask(5 * H, H, 0, 0, 0), T0 - 8 * H, 2 * H, true),
                Arguments.of("renewal is capped by the explicit max from issue", mount(0, 0), ask(3 * H, H, 0, 0, 4 * H), T0 - 3 * H, H, true),
                Arguments.of("renewal under a tuned-down mount max", mount(0, 2 * H), ask(0, 5 * H, 0, 0, 0), T0 - H, H, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void calculate_followsVaultsRule(String rule, LeaseTtl.Limits limits, LeaseTtl.Request request, long issueTime,
            long expectedTtl, boolean capped) {
        LeaseTtl.Result result = LeaseTtl.calculate(limits, request, issueTime, T0);
        assertThat(result.ttl()).as(rule).isEqualTo(expectedTtl);
        assertThat(result.warnings()).as(rule + ": warning about a cap").hasSize(capped ? 1 : 0);
    }

    @Test
    void calculate_pastTheMaximum_refusesRenewal() {
        assertThatThrownBy(() -> LeaseTtl.calculate(mount(0, H), ask(0, H, 0, 0, 0), T0 - 2 * H, T0))
                .isInstanceOf(CofferException.class)
                .satisfies(e -> assertThat(((CofferException) e).kind()).isEqualTo(CofferException.Kind.INVALID_REQUEST));
    }

    @Test
    void limits_zeroMeansTheSystemValue() {
        assertThat(LeaseTtl.Limits.of(MountEntry.MountConfig.DEFAULT)).isEqualTo(LeaseTtl.Limits.SYSTEM);
        assertThat(LeaseTtl.Limits.SYSTEM.maxTtl()).isEqualTo(768 * H);
    }
}
