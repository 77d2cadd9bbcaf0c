package io.coffer.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import javax.crypto.Mac;
import org.junit.jupiter.api.Test;

/** The streaming link the file writer uses produces exactly the lines and links of {@link AuditChain#link}. */
class AuditChainTest {

    private final Mac mac = AuditChainKey.of(AuditChainKey.newKey()).newMac();

    @Test
    void linkInto_writesTheSameLineAsLink_andReturnsItsHash() {
        String prev = AuditChain.GENESIS;
        ByteBuffer out = ByteBuffer.allocateDirect(4096);
        StringBuilder expected = new StringBuilder();
        byte[][] bodies = {
            utf8("{\"type\":\"request\",\"path\":\"secret/data/ä\"}"),
            utf8("{}"),
            utf8("{ \n}"),
            utf8("{\"type\":\"response\"}  \n"),
        };
        byte[] linked = prev.getBytes(StandardCharsets.US_ASCII);
        for (byte[] body : bodies) {
            int before = out.position();
            byte[] line = AuditChain.link(body, prev);
            expected.append(new String(line, StandardCharsets.UTF_8)).append('\n');
            prev = AuditChain.link(mac, line, 0, line.length);

            linked = AuditChain.linkInto(out, mac, body, linked);

            assertThat(new String(linked, StandardCharsets.US_ASCII)).isEqualTo(prev);
            assertThat(out.position() - before).isLessThanOrEqualTo(AuditChain.linkedLength(body));
        }
        byte[] written = new byte[out.flip().remaining()];
        out.get(written);
        assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo(expected.toString());
    }

    @Test
    void linkInto_refusesARecordThatIsNotAnObject() {
        ByteBuffer out = ByteBuffer.allocate(256);
        byte[] genesis = AuditChain.GENESIS.getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> AuditChain.linkInto(out, mac, utf8("[1,2]"), genesis))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(out.position()).as("nothing written").isZero();
    }

    @Test
    void link_dependsOnTheKey_soNobodyWithoutItCanRelink() {
        byte[] line = AuditChain.link(utf8("{\"type\":\"request\"}"), AuditChain.GENESIS);
        Mac other = AuditChainKey.of(AuditChainKey.newKey()).newMac();

        assertThat(AuditChain.link(mac, line, 0, line.length)).hasSize(64)
                .isNotEqualTo(AuditChain.link(other, line, 0, line.length))
                .isNotEqualTo(AuditChain.hash(AuditChain.newDigest(), line));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
