package dev.baton.console.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reverse proxies whose {@code X-Forwarded-For} the console believes ({@code BATON_TRUSTED_PROXIES}:
 * addresses or CIDR ranges). The client's address is the direct peer unless that peer is trusted; then
 * it is the rightmost address in {@code X-Forwarded-For} that is not itself a trusted proxy (anything to
 * its left was written by the client and proves nothing).
 */
public final class TrustedProxies {

    private record Range(byte[] network, int bits) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[whole] & mask) == (network[whole] & mask);
        }
    }

    private static final TrustedProxies NONE = new TrustedProxies(List.of(), List.of());

    private final List<Range> ranges;
    private final List<String> written;

    private TrustedProxies(List<Range> ranges, List<String> written) {
        this.ranges = ranges;
        this.written = written;
    }

    public static TrustedProxies none() {
        return NONE;
    }

    /**
     * Parses a comma-separated list such as {@code 127.0.0.1, 10.0.0.0/8, ::1}.
     *
     * @throws IllegalArgumentException naming the entry that is not an IP address or CIDR range
     */
    public static TrustedProxies parse(String list) {
        if (list == null || list.isBlank()) {
            return NONE;
        }
        List<Range> ranges = new ArrayList<>();
        List<String> written = new ArrayList<>();
        for (String raw : list.split(",")) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int slash = entry.indexOf('/');
            byte[] address = literal(slash < 0 ? entry : entry.substring(0, slash))
                    .orElseThrow(() -> new IllegalArgumentException("BATON_TRUSTED_PROXIES: \"" + entry
                            + "\" is not an IP address or CIDR range (names are not resolved)"));
            int bits = address.length * 8;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    bits = -1;
                }
                if (bits < 0 || bits > address.length * 8) {
                    throw new IllegalArgumentException("BATON_TRUSTED_PROXIES: \"" + entry + "\" has a bad prefix length");
                }
            }
            ranges.add(new Range(address, bits));
            written.add(entry);
        }
        return new TrustedProxies(List.copyOf(ranges), List.copyOf(written));
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** The entries as written, for logs and settings output. */
    public List<String> entries() {
        return written;
    }

    public boolean trusts(String address) {
        if (ranges.isEmpty() || address == null) {
            return false;
        }
        Optional<byte[]> bytes = literal(address.strip());
        return bytes.isPresent() && ranges.stream().anyMatch(r -> r.contains(bytes.get()));
    }

    /** The client's address, given the direct peer and the {@code X-Forwarded-For} header (may be null). */
    public String clientAddress(String peer, String forwardedFor) {
        if (!trusts(peer) || forwardedFor == null || forwardedFor.isBlank()) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        String leftmost = peer;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (hop.startsWith("[") && hop.contains("]")) {
                hop = hop.substring(1, hop.indexOf(']'));
            }
            if (literal(hop).isEmpty()) {
                // Garbage (or "unknown"): nothing to its left can be believed; the last good hop it is.
                return leftmost;
            }
            if (!trusts(hop)) {
                return hop;
            }
            leftmost = hop;
        }
        return leftmost;
    }

    @Override
    public String toString() {
        return written.isEmpty() ? "none" : String.join(",", written);
    }

    /** An IP literal's bytes (IPv4-mapped IPv6 as IPv4); empty for anything else, never a DNS lookup. */
    static Optional<byte[]> literal(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        boolean v4 = text.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = text.contains(":") && text.matches("[0-9A-Fa-f:.%a-zA-Z0-9]+");
        if (!v4 && !v6) {
            return Optional.empty();
        }
        if (v4) {
            for (String part : text.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return Optional.empty();
                }
            }
        }
        String plain = text.contains("%") ? text.substring(0, text.indexOf('%')) : text;
        try {
            byte[] bytes = InetAddress.getByName(plain).getAddress();
            if (bytes.length == 16 && isV4Mapped(bytes)) {
                byte[] four = new byte[4];
                System.arraycopy(bytes, 12, four, 0, 4);
                return Optional.of(four);
            }
            return Optional.of(bytes);
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static boolean isV4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF;
    }
}
