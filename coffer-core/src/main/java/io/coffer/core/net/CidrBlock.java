package io.coffer.core.net;

import io.coffer.core.error.ClientText;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address block such as {@code 10.0.0.0/8}, {@code 127.0.0.1} (one address) or
 * {@code fd00::/8}: what {@code secret_id_bound_cidrs}, {@code cidr_list} and
 * {@code token_bound_cidrs} hold.
 *
 * <p>Only address literals are accepted, never host names, so parsing never touches DNS.
 *
 * @param network the block's first address, host bits cleared
 * @param prefix  the number of leading bits that are fixed
 */
public record CidrBlock(byte[] network, int prefix) {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    public CidrBlock {
        network = network.clone();
    }

    /** Parses {@code text}; empty when it is not an address or block literal. */
    public static Optional<CidrBlock> parse(String text) {
        String t = text.trim();
        int slash = t.indexOf('/');
        String address = slash < 0 ? t : t.substring(0, slash);
        Optional<byte[]> bytes = literal(address);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        int bits = bytes.get().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String p = t.substring(slash + 1);
            if (!p.matches("\\d{1,3}")) {
                return Optional.empty();
            }
            prefix = Integer.parseInt(p);
            if (prefix > bits) {
                return Optional.empty();
            }
        }
        return Optional.of(new CidrBlock(mask(bytes.get(), prefix), prefix));
    }

    /** True when {@code address} (an address literal, as a connection reports it) lies in this block. */
    public boolean contains(String address) {
        // A link-local IPv6 peer may carry a zone ("fe80::1%eth0"); the zone is not part of the address.
        int zone = address.indexOf('%');
        return literal(zone < 0 ? address : address.substring(0, zone)).map(a -> a.length == network.length && java.util.Arrays.equals(mask(a, prefix), network))
                .orElse(false);
    }

    /** True when every address of {@code other} lies in this block. */
    public boolean contains(CidrBlock other) {
        return other.network.length == network.length && other.prefix >= prefix
                && java.util.Arrays.equals(mask(other.network, prefix), network);
    }

    /**
     * Checks every text of {@code texts} (the value of request field {@code field}); a text that is
     * not a block is a 400 naming it (addresses are not secret). Returns the texts trimmed, or in
     * canonical form when {@code canonical} is set.
     */
    public static List<String> validate(String field, List<String> texts, boolean canonical) {
        List<String> out = new java.util.ArrayList<>();
        for (String text : texts) {
            CidrBlock block = parse(text).orElseThrow(() -> io.coffer.core.error.CofferException.invalid(
                    "field \"" + field + "\" has an invalid CIDR block " + ClientText.quote(text)));
            out.add(canonical ? block.toString() : text.trim());
        }
        return List.copyOf(out);
    }

    /** True when some block of {@code blocks} (texts already validated) contains {@code address}. */
    public static boolean anyContains(List<String> blocks, String address) {
        return blocks.stream().map(CidrBlock::parse).flatMap(Optional::stream).anyMatch(b -> b.contains(address));
    }

    /**
     * True when each block of {@code inner} lies within some block of {@code outer}, or when
     * {@code outer} is empty (no restriction to stay within).
     */
    public static boolean isSubset(List<String> outer, List<String> inner) {
        if (outer.isEmpty()) {
            return true;
        }
        List<CidrBlock> o = outer.stream().map(CidrBlock::parse).flatMap(Optional::stream).toList();
        return inner.stream().map(CidrBlock::parse).allMatch(i -> i.isPresent() && o.stream().anyMatch(b -> b.contains(i.get())));
    }

    /** {@code 10.0.0.0/8}; a single address renders without its prefix, as Vault shows token CIDRs. */
    @Override
    public String toString() {
        try {
            String a = InetAddress.getByAddress(network).getHostAddress();
            return prefix == network.length * 8 ? a : a + "/" + prefix;
        } catch (UnknownHostException e) {
            throw new IllegalStateException("address of invalid length", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CidrBlock c && c.prefix == prefix && java.util.Arrays.equals(c.network, network);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(network) * 31 + prefix;
    }

    private static Optional<byte[]> literal(String address) {
        Matcher v4 = IPV4.matcher(address);
        if (v4.matches()) {
            byte[] b = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(v4.group(i + 1));
                if (octet > 255) {
                    return Optional.empty();
                }
                b[i] = (byte) octet;
            }
            return Optional.of(b);
        }
        // Only a string with a colon is taken as IPv6; InetAddress treats such a string as a
        // literal and never resolves it, so no lookup can happen here.
        if (address.contains(":") && IPV6.matcher(address).matches()) {
            try {
                return Optional.of(InetAddress.getByName(address).getAddress());
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] out = address.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] = (byte) (out[i] & (0xff << (8 - keep)));
        }
        return out;
    }
}
