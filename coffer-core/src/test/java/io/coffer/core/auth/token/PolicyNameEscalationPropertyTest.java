package io.coffer.core.auth.token;

import static io.coffer.core.auth.token.TokenAuthHarness.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Operation;
import io.coffer.core.logical.Response;
import io.coffer.core.policy.Acl;
import io.coffer.core.policy.PolicyStore;
import io.coffer.core.token.TokenEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * No spelling of a policy name lets a token carry policies other than the ones it shows, or
 * become root without a root parent. Names are built from {@code root}, {@code admin} and
 * {@code default} (in several cases) with every Unicode whitespace, space, control and format
 * character, and with look-alike letters, combining marks and case variants, inserted or
 * substituted anywhere. Each one is sent through the whole request pipeline (authentication, the
 * ACL authorizer, the token engine) by a non-root token that has {@code sudo} on token creation
 * (so it may ask for any policy), through a token role that only disallows {@code root}, a role
 * that allows every policy by glob, and by a root token. The answer is either a 400, or a token
 * whose {@code lookup-self} policies are exactly the names its ACL is computed from.
 */
class PolicyNameEscalationPropertyTest {

    private static final List<String> BASES = List.of("root", "ROOT", "Root", "rOoT", "admin", "ADMIN", "Admin", "default");

    /** Every code point Java counts as whitespace, a space, a control or a format character. */
    private static final List<Integer> INVISIBLES = IntStream.rangeClosed(0, Character.MAX_CODE_POINT)
            .filter(cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.isISOControl(cp)
                    || Character.getType(cp) == Character.FORMAT)
            .boxed().toList();

    /** Letters that look like, or case-map to, letters of root and admin; combining marks. */
    private static final List<Integer> LOOKALIKES = List.of(
            0x043E, 0x041E, 0x03BF, 0x039F, 0x0585, 0x1D0F, 0xFF4F, 0xFF2F, // o
            0x0433, 0x0280, 0x1D26, 0xFF52, 0xFF32, // r
            0x0442, 0x03C4, 0x1D1B, 0xFF54, 0xFF34, // t
            0x0430, 0x0251, 0x03B1, 0xFF41, 0xFF21, // a
            0x0501, 0x217E, 0xFF44, // d
            0x043C, 0x217F, 0xFF4D, // m
            0x0131, 0x0130, 0x0456, 0x0406, 0x2170, 0xFF49, 0x026A, // i
            0x0578, 0x0274, 0xFF4E, // n
            0x212A, 0x017F, 0x00DF, 0x0130, // case maps into ASCII or changes length
            0x0301, 0x0307, 0x0308, 0x0338, 0x20DD, 0x034F, // combining marks (U+034F is invisible)
            0x1D42B, 0x1D428, 0x1D42D, 0x1D41A); // mathematical bold r, o, t, a

    private static final List<Integer> SPECIALS;

    static {
        List<Integer> all = new ArrayList<>(INVISIBLES);
        all.addAll(LOOKALIKES);
        SPECIALS = List.copyOf(all);
    }

    private static final List<String> CREATE_PATHS = List.of("auth/token/create", "auth/token/create-orphan",
            "auth/token/create/open", "auth/token/create/globbed");

    private static TokenAuthHarness h;
    private static String sudoCreator;

    @BeforeContainer
    static void start() {
        h = new TokenAuthHarness();
        PolicyStore policies = h.node.policies();
        policies.put("creator", "path \"auth/token/create*\" { capabilities = [\"update\", \"sudo\"] }");
        policies.put("admin", "path \"*\" { capabilities = [\"create\", \"read\", \"update\", \"delete\", \"list\", \"sudo\"] }");
        h.write("auth/token/roles/open", ROOT, Map.of("disallowed_policies", List.of("root")));
        h.write("auth/token/roles/globbed", ROOT, Map.of("allowed_policies_glob", List.of("*")));
        sudoCreator = h.nonRoot(List.of("creator"));
    }

    @AfterContainer
    static void stop() {
        h.close();
    }

    @Provide
    Arbitrary<String> lookalikeNames() {
        Arbitrary<int[]> edit = Combinators.combine(Arbitraries.of(SPECIALS), Arbitraries.integers().between(0, 16),
                Arbitraries.of(true, false)).as((cp, at, replace) -> new int[] {cp, at, replace ? 1 : 0});
        return Combinators.combine(Arbitraries.of(BASES), edit.list().ofMinSize(1).ofMaxSize(3),
                Arbitraries.of("", " ", "\t", "\n ")).as((base, edits, pad) -> pad + apply(base, edits) + pad);
    }

    private static String apply(String base, List<int[]> edits) {
        StringBuilder b = new StringBuilder(base);
        for (int[] e : edits) {
            String ch = Character.toString(e[0]);
            int at = Math.min(e[1], b.length());
            if (e[2] == 1 && at < b.length() && !Character.isSurrogate(b.charAt(at))) {
                b.replace(at, at + 1, ch);
            } else if (at == b.length() || !Character.isLowSurrogate(b.charAt(at))) {
                b.insert(at, ch);
            }
        }
        return b.toString();
    }

    @Property(tries = 1500)
    void nonRootCreator_neverGetsHiddenOrRootPolicies(@ForAll("lookalikeNames") String name,
            @ForAll("createPaths") String path, @ForAll boolean alongsideDefault) {
        List<String> asked = alongsideDefault ? List.of("default", name) : List.of(name);
        checkCreation(sudoCreator, path, asked, false);
    }

    @Property(tries = 300)
    void rootCreator_getsExactlyTheDisplayedPolicies(@ForAll("lookalikeNames") String name) {
        checkCreation(ROOT, "auth/token/create", List.of(name), true);
    }

    @Example
    void everyInvisibleCharacter_aroundAndInsideRootAndAdmin_isRefusedOrHarmless() {
        for (int cp : SPECIALS) {
            String c = Character.toString(cp);
            for (String base : List.of("root", "admin")) {
                for (String name : List.of(c + base, base.substring(0, 2) + c + base.substring(2), base + c)) {
                    checkCreation(sudoCreator, "auth/token/create", List.of(name), false);
                    checkCreation(sudoCreator, "auth/token/create/open", List.of(name), false);
                }
            }
        }
    }

    @Example
    void caseVariantsOfRoot_areRefusedForANonRootCreator_andMeanRootForARootOne() {
        for (String name : List.of("ROOT", "Root", " root ", "rOOt\t")) {
            for (String path : CREATE_PATHS) {
                assertThat(outcome(sudoCreator, path, List.of(name))).as(path).isInstanceOf(CofferException.class);
            }
            Object byRoot = outcome(ROOT, "auth/token/create", List.of(name));
            assertThat(byRoot).isInstanceOf(String.class);
            assertThat(h.node.tokens().lookup((String) byRoot).orElseThrow().policies()).containsExactly("root");
        }
    }

    @Provide
    Arbitrary<String> createPaths() {
        return Arbitraries.of(CREATE_PATHS);
    }

    /** The created token, or the refusal. */
    private static Object outcome(String parent, String path, List<String> policies) {
        try {
            Response r = h.write(path, parent, Map.of("policies", policies, "ttl", "1h"));
            return r.auth().orElseThrow().get("client_token");
        } catch (CofferException refused) {
            return refused;
        }
    }

    private static void checkCreation(String parent, String path, List<String> asked, boolean parentIsRoot) {
        Object result = outcome(parent, path, asked);
        if (result instanceof CofferException refused) {
            assertThat(refused.kind()).as("refusal kind for %s", asked).isEqualTo(CofferException.Kind.INVALID_REQUEST);
            return;
        }
        String child = (String) result;
        @SuppressWarnings("unchecked")
        List<String> displayed = (List<String>) h.call(Operation.READ, "auth/token/lookup-self", child, Map.of())
                .data().orElseThrow().get("policies");
        TokenEntry entry = h.node.tokens().lookup(child).orElseThrow();
        assertThat(PolicyStore.effectiveNames(entry.policies())).as("effective policies of %s", asked)
                .containsExactlyElementsOf(displayed);
        boolean root = entry.isRoot() || h.node.policies().acl(entry.policies()) == Acl.root();
        if (!parentIsRoot) {
            assertThat(root).as("root from %s", asked).isFalse();
            assertThat(displayed).doesNotContain("root");
        } else {
            assertThat(root).isEqualTo(displayed.contains("root"));
        }
        h.write("auth/token/revoke", ROOT, Map.of("token", child));
    }
}
