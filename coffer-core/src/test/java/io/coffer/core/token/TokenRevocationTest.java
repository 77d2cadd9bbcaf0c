package io.coffer.core.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.core.error.CofferException;
import io.coffer.core.logical.Login;
import io.coffer.core.mount.MountEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Parent/child trees, orphans, accessors and revocation by issuing mount. */
class TokenRevocationTest {

    private final TokenStoreFixture f = new TokenStoreFixture();
    private final TokenStore tokens = f.tokens;

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void revoke_parentRevokesWholeSubtreeButNotOrphansOrSiblings() {
        String root = f.root();
        String parent = f.child(root, 3600, 0).token();
        String child = f.child(parent, 3600, 0).token();
        String grandchild = f.child(child, 3600, 0).token();
        String orphan = f.child(null, 3600, 0).token();
        String sibling = f.child(root, 3600, 0).token();

        tokens.revoke(parent);

        assertThat(tokens.lookup(parent)).isEmpty();
        assertThat(tokens.lookup(child)).isEmpty();
        assertThat(tokens.lookup(grandchild)).isEmpty();
        assertThat(tokens.lookup(orphan)).isPresent();
        assertThat(tokens.lookup(sibling)).isPresent();
        assertThat(tokens.lookup(root)).isPresent();
        assertThat(f.barrier.list(TokenRecords.ID_PREFIX)).hasSize(3);
        assertThat(f.barrier.list(TokenRecords.ACCESSOR_PREFIX)).hasSize(3);
    }

    @Test
    void revokeOrphan_keepsChildrenAsOrphans() {
        String root = f.root();
        String parent = f.child(root, 3600, 0).token();
        String child = f.child(parent, 3600, 0).token();
        String grandchild = f.child(child, 3600, 0).token();

        assertThat(tokens.revokeOrphan(parent)).isTrue();

        assertThat(tokens.lookup(parent)).isEmpty();
        assertThat(tokens.lookup(child)).hasValueSatisfying(e -> assertThat(e.isOrphan()).isTrue());
        assertThat(tokens.lookup(grandchild)).hasValueSatisfying(e -> assertThat(e.isOrphan()).isFalse());
        assertThat(tokens.revokeOrphan(parent)).isFalse();
        // The former child still owns its own subtree.
        tokens.revoke(child);
        assertThat(tokens.lookup(grandchild)).isEmpty();
    }

    @Test
    void lookup_childOfVanishedParentIsRevokedOnSight() {
        String root = f.root();
        String parent = f.child(root, 3600, 0).token();
        String child = f.child(parent, 3600, 0).token();
        // A revocation interrupted after the parent's entry went: only the entry is deleted.
        f.barrier.delete(TokenRecords.ID_PREFIX + tokens.hmac(parent));
        f.tokens.beforeSeal();
        f.tokens.afterUnseal();

        assertThat(tokens.lookup(child)).isEmpty();
        assertThat(f.barrier.get(TokenRecords.ID_PREFIX + tokens.hmac(child))).isEmpty();
    }

    @Test
    void create_underRevokedParentIsRefused() {
        String root = f.root();
        String parent = f.child(root, 3600, 0).token();
        tokens.revoke(parent);
        assertThatThrownBy(() -> f.child(parent, 60, 0))
                .isInstanceOf(CofferException.class).hasMessageNotContaining(parent);
    }

    @Test
    void revoke_racingChildCreationLeavesNoLiveChild() throws Exception {
        String root = f.root();
        String parent = f.child(root, 3600, 0).token();
        Queue<String> created = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> creators = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            creators.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < 40; i++) {
                    try {
                        created.add(f.child(parent, 3600, 0).token());
                    } catch (CofferException parentGone) {
                        return null;
                    }
                }
                return null;
            }));
        }
        go.countDown();
        Thread.sleep(5);
        tokens.revoke(parent);
        for (Future<?> c : creators) {
            c.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(tokens.lookup(parent)).isEmpty();
        assertThat(created).allSatisfy(child -> assertThat(tokens.lookup(child)).isEmpty());
        assertThat(f.barrier.list(TokenRecords.ID_PREFIX)).hasSize(1);
    }

    @Test
    void accessor_looksUpRevokesAndLists() {
        String root = f.root();
        TokenStore.IssuedToken a = f.child(root, 3600, 0);
        TokenStore.IssuedToken b = f.child(a.token(), 3600, 0);

        assertThat(tokens.lookupByAccessor(a.entry().accessor())).hasValueSatisfying(e ->
                assertThat(e.policies()).containsExactly("default", "dev"));
        assertThat(tokens.accessors()).contains(a.entry().accessor(), b.entry().accessor()).hasSize(3);

        assertThat(tokens.revokeByAccessor(a.entry().accessor())).isTrue();
        assertThat(tokens.lookup(b.token())).isEmpty();
        assertThat(tokens.revokeByAccessor(a.entry().accessor())).isFalse();
        assertThat(tokens.lookupByAccessor("no-such-accessor")).isEmpty();
        assertThat(tokens.accessors()).hasSize(1);
    }

    @Test
    void revokeIssuedBy_revokesOnlyThatMountsLoginTokens() {
        MountEntry approle = new MountEntry("approle/", "approle", "", "uuid-approle", "auth_approle_1", Map.of(),
                MountEntry.MountConfig.DEFAULT, false, false);
        MountEntry other = new MountEntry("other/", "approle", "", "uuid-other", "auth_approle_2", Map.of(),
                MountEntry.MountConfig.DEFAULT, false, false);
        Login login = new Login("svc", List.of("app"), Map.of(), 0, 0, 0, 0, true, List.of(), "svc");
        String fromApprole = tokens.issueForLogin(login, approle).token();
        String grandchild = f.child(fromApprole, 600, 0).token();
        String fromOther = tokens.issueForLogin(login, other).token();
        String root = f.root();

        assertThat(tokens.revokeIssuedBy("uuid-approle")).isEqualTo(2);

        assertThat(tokens.lookup(fromApprole)).isEmpty();
        assertThat(tokens.lookup(grandchild)).isEmpty();
        assertThat(tokens.lookup(fromOther)).isPresent();
        assertThat(tokens.lookup(root)).isPresent();
        assertThat(f.barrier.list(TokenRecords.MOUNT_PREFIX)).containsExactly("uuid-other/");
    }

    @Test
    void indexes_holdOnlyHmacsNeverTokensOrAccessors() {
        String root = f.root();
        TokenStore.IssuedToken child = f.child(root, 3600, 0);
        List<String> secrets = List.of(root, child.token(), child.entry().accessor());
        for (String prefix : List.of(TokenRecords.ID_PREFIX, TokenRecords.ACCESSOR_PREFIX, TokenRecords.PARENT_PREFIX,
                TokenRecords.EXPIRY_PREFIX)) {
            assertThat(f.barrier.list(prefix)).isNotEmpty();
            for (String key : f.physical.list(prefix)) {
                assertThat(secrets).noneMatch(key::contains);
            }
        }
        for (String key : f.barrier.list(TokenRecords.ID_PREFIX)) {
            String plain = new String(f.barrier.get(TokenRecords.ID_PREFIX + key).orElseThrow());
            assertThat(plain).doesNotContain(root).doesNotContain(child.token());
        }
    }
}
