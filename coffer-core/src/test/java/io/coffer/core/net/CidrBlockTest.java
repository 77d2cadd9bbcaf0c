package io.coffer.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.coffer.core.error.CofferException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CidrBlockTest {

    @Test
    void parse_acceptsAddressesAndBlocksOfBothFamilies() {
        assertThat(CidrBlock.parse("10.0.0.0/8")).hasValueSatisfying(b -> assertThat(b.prefix()).isEqualTo(8));
        assertThat(CidrBlock.parse(" 127.0.0.1 ")).hasValueSatisfying(b -> assertThat(b.prefix()).isEqualTo(32));
        assertThat(CidrBlock.parse("fd00::/8")).hasValueSatisfying(b -> assertThat(b.network()).hasSize(16));
        assertThat(CidrBlock.parse("::1")).isPresent();
    }

    @Test
    void parse_refusesNamesAndMalformedBlocks() {
        for (String bad : List.of("localhost", "example.com", "10.0.0.256", "10.0.0/8", "10.0.0.0/33", "10.0.0.0/", "::/129",
                "fd00::/x", "", "1.2.3.4/8/9", "10.0.0.0/-1")) {
            assertThat(CidrBlock.parse(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void parse_clearsHostBits() {
        assertThat(CidrBlock.parse("10.1.2.3/8").orElseThrow().toString()).isEqualTo("10.0.0.0/8");
        assertThat(CidrBlock.parse("192.168.7.9/32").orElseThrow().toString()).isEqualTo("192.168.7.9");
    }

    @Test
    void contains_address() {
        CidrBlock ten = CidrBlock.parse("10.0.0.0/8").orElseThrow();
        assertThat(ten.contains("10.255.0.1")).isTrue();
        assertThat(ten.contains("11.0.0.1")).isFalse();
        assertThat(ten.contains("::ffff:10.1.1.1")).isTrue();
        assertThat(ten.contains("fd00::1")).isFalse();
        assertThat(ten.contains("")).isFalse();
        assertThat(ten.contains("not-an-address")).isFalse();
        assertThat(CidrBlock.parse("fe80::/10").orElseThrow().contains("fe80:0:0:0:0:0:0:1%eth0")).isTrue();
        assertThat(CidrBlock.parse("0.0.0.0/0").orElseThrow().contains("203.0.113.5")).isTrue();
    }

    @Test
    void isSubset_eachInnerBlockWithinSomeOuterBlock() {
        assertThat(CidrBlock.isSubset(List.of(), List.of("1.2.3.4"))).isTrue();
        assertThat(CidrBlock.isSubset(List.of("10.0.0.0/8"), List.of("10.1.0.0/16", "10.2.3.4"))).isTrue();
        assertThat(CidrBlock.isSubset(List.of("10.0.0.0/8", "192.168.0.0/16"), List.of("192.168.1.0/24"))).isTrue();
        assertThat(CidrBlock.isSubset(List.of("10.0.0.0/16"), List.of("10.0.0.0/8"))).isFalse();
        assertThat(CidrBlock.isSubset(List.of("10.0.0.0/8"), List.of("fd00::/8"))).isFalse();
        assertThat(CidrBlock.isSubset(List.of("10.0.0.0/8"), List.of())).isTrue();
    }

    @Test
    void validate_namesTheFieldAndKeepsOrCanonicalizesTheText() {
        assertThat(CidrBlock.validate("f", List.of(" 10.0.0.0/8", "127.0.0.1/32"), false)).containsExactly("10.0.0.0/8", "127.0.0.1/32");
        assertThat(CidrBlock.validate("f", List.of("127.0.0.1/32", "10.1.2.3/8"), true)).containsExactly("127.0.0.1", "10.0.0.0/8");
        CofferException e = catchThrowableOfType(CofferException.class, () -> CidrBlock.validate("cidr_list", List.of("nope\n"), false));
        assertThat(e.messages()).containsExactly("field \"cidr_list\" has an invalid CIDR block \"nope\\u000a\"");
    }
}
