package io.coffer.core.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.core.error.CofferException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ShamirSharesTest {

    private static final byte[] SECRET = new byte[32];

    static {
        new java.security.SecureRandom().nextBytes(SECRET);
    }

    @Test
    void join_everyThresholdSizedSubsetRebuildsTheSecret() {
        List<byte[]> shares = ShamirShares.split(SECRET, 5, 3);
        assertThat(shares).hasSize(5).allSatisfy(s -> assertThat(s).hasSize(33));
        int[] subsets = {0};
        forEachSubset(shares, 3, subset -> {
            assertThat(ShamirShares.join(subset, 3)).isEqualTo(SECRET);
            subsets[0]++;
        });
        assertThat(subsets[0]).isEqualTo(10);
    }

    @Test
    void join_fewerThanThresholdNeverRebuildsTheSecret() {
        List<byte[]> shares = ShamirShares.split(SECRET, 5, 3);
        forEachSubset(shares, 2, subset -> assertThat(ShamirShares.join(subset, 3)).isNotEqualTo(SECRET));
    }

    @Test
    void join_forgedShareDoesNotRebuildTheSecret() {
        List<byte[]> shares = ShamirShares.split(SECRET, 3, 2);
        byte[] forged = shares.get(1).clone();
        forged[0] ^= 0x55;
        assertThat(ShamirShares.join(List.of(shares.get(0), forged), 2)).isNotEqualTo(SECRET);
    }

    @Test
    void split_singleShareIsTheKeyItself() {
        assertThat(ShamirShares.split(SECRET, 1, 1)).singleElement().isEqualTo(SECRET);
    }

    @Test
    void validate_rejectsVaultsInvalidConfigurations() {
        assertThatThrownBy(() -> ShamirShares.validate(0, 0)).isInstanceOf(CofferException.class);
        assertThatThrownBy(() -> ShamirShares.validate(3, 4)).hasMessageContaining("cannot be larger");
        assertThatThrownBy(() -> ShamirShares.validate(3, 1)).hasMessageContaining("greater than one");
        assertThatThrownBy(() -> ShamirShares.validate(256, 3)).hasMessageContaining("at most 255");
    }

    @Test
    void decode_acceptsHexAndBase64AndRejectsMalformed() {
        byte[] share = ShamirShares.split(SECRET, 3, 2).get(0);
        assertThat(ShamirShares.decode(ShamirShares.hex(share), 32, 3)).isEqualTo(share);
        assertThat(ShamirShares.decode(ShamirShares.base64(share), 32, 3)).isEqualTo(share);
        assertThatThrownBy(() -> ShamirShares.decode("not a key!", 32, 3)).hasMessageContaining("hex or base64");
        assertThatThrownBy(() -> ShamirShares.decode("abcd", 32, 3)).hasMessageContaining("33 bytes");
    }

    private static void forEachSubset(List<byte[]> all, int size, Consumer<List<byte[]>> action) {
        subsets(all, size, 0, new ArrayList<>(), action);
    }

    private static void subsets(List<byte[]> all, int size, int from, List<byte[]> acc, Consumer<List<byte[]>> action) {
        if (acc.size() == size) {
            action.accept(List.copyOf(acc));
            return;
        }
        for (int i = from; i < all.size(); i++) {
            acc.add(all.get(i));
            subsets(all, size, i + 1, acc, action);
            acc.remove(acc.size() - 1);
        }
    }
}
