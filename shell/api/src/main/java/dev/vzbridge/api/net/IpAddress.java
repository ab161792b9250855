package dev.vzbridge.api.net;

import java.math.BigInteger;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address parsed from its literal form only: never a DNS lookup,
 * so a typo cannot hang the shell or resolve to somebody else's host.
 */
public record IpAddress(byte[] bytes) {
    private static final Pattern V4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern V6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

    public IpAddress {
        if (bytes.length != 4 && bytes.length != 16) throw new IllegalArgumentException("address must be 4 or 16 bytes");
        bytes = bytes.clone();
    }

    /** Parses a literal; throws IllegalArgumentException with a message naming the problem. */
    public static IpAddress parse(String text) {
        if (text == null || text.isEmpty()) throw new IllegalArgumentException("empty address");
        var m = V4.matcher(text);
        if (m.matches()) {
            byte[] b = new byte[4];
            for (int i = 0; i < 4; i++) {
                String part = m.group(i + 1);
                int v = Integer.parseInt(part);
                if (v > 255) throw new IllegalArgumentException("'" + text + "' is not an IPv4 address: " + part + " > 255");
                if (part.length() > 1 && part.startsWith("0"))
                    throw new IllegalArgumentException("'" + text + "' has a leading zero (octal is ambiguous)");
                b[i] = (byte) v;
            }
            return new IpAddress(b);
        }
        if (text.indexOf(':') >= 0 && V6_CHARS.matcher(text).matches()) {
            try {
                // A string containing ':' is parsed as an IPv6 literal, never looked up.
                InetAddress a = InetAddress.getByName(text);
                if (a instanceof Inet6Address) return new IpAddress(a.getAddress());
                return new IpAddress(a.getAddress());
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("'" + text + "' is not an IPv6 address");
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not an IP address");
    }

    public boolean isV6() {
        return bytes.length == 16;
    }

    public int bits() {
        return bytes.length * 8;
    }

    public BigInteger toBigInteger() {
        return new BigInteger(1, bytes);
    }

    public static IpAddress fromBigInteger(BigInteger v, boolean v6) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[v6 ? 16 : 4];
        int n = Math.min(raw.length, out.length);
        System.arraycopy(raw, raw.length - n, out, out.length - n, n);
        return new IpAddress(out);
    }

    public boolean isLinkLocal() {
        return isV6() ? (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xc0) == 0x80
                      : (bytes[0] & 0xff) == 169 && (bytes[1] & 0xff) == 254;
    }

    @Override
    public String toString() {
        if (!isV6()) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
        }
        return compressV6();
    }

    /** RFC 5952 text form, as iproute2 prints it. */
    private String compressV6() {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) g[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        int bestStart = -1, bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) { i++; continue; }
            int j = i;
            while (j < 8 && g[j] == 0) j++;
            if (j - i > bestLen && j - i > 1) { bestStart = i; bestLen = j - i; }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') sb.append(':');
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpAddress a && java.util.Arrays.equals(a.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(bytes);
    }
}
