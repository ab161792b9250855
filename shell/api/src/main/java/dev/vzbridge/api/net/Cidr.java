package dev.vzbridge.api.net;

import java.math.BigInteger;
import java.util.regex.Pattern;

/** An interface address with its prefix length, e.g. 10.0.0.2/24. */
public record Cidr(IpAddress address, int prefix) {
    private static final Pattern PREFIX_LENGTH = Pattern.compile("\\d{1,3}");

    public Cidr {
        if (prefix < 0 || prefix > address.bits())
            throw new IllegalArgumentException("prefix /" + prefix + " out of range for " + address);
    }

    /**
     * Parses "ADDR/PREFIX" (or a dotted IPv4 mask). Without a prefix, a host
     * prefix is assumed only when {@code hostDefault} is true.
     */
    public static Cidr parse(String text, boolean hostDefault) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("empty address");
        int slash = text.indexOf('/');
        if (slash < 0) {
            if (!hostDefault) throw new IllegalArgumentException("'" + text + "' needs a prefix length, e.g. " + text + "/24");
            IpAddress a = IpAddress.parse(text);
            return new Cidr(a, a.bits());
        }
        IpAddress a = IpAddress.parse(text.substring(0, slash));
        String p = text.substring(slash + 1);
        int prefix;
        if (PREFIX_LENGTH.matcher(p).matches()) {
            // /024 is refused like octets with leading zeros: is it octal, a typo of /24 or of /4?
            if (p.length() > 1 && p.startsWith("0"))
                throw new IllegalArgumentException("'" + text + "' has a leading zero in its prefix length");
            prefix = Integer.parseInt(p);
        } else if (!a.isV6() && p.contains(".")) {
            prefix = maskToPrefix(IpAddress.parse(p), text);
        } else {
            throw new IllegalArgumentException("'" + text + "' has a bad prefix length '" + p + "'");
        }
        if (prefix > a.bits()) throw new IllegalArgumentException("'" + text + "': prefix /" + prefix + " is longer than " + a.bits() + " bits");
        return new Cidr(a, prefix);
    }

    public static Cidr parse(String text) {
        return parse(text, false);
    }

    private static int maskToPrefix(IpAddress mask, String text) {
        BigInteger m = mask.toBigInteger();
        int ones = m.bitCount();
        BigInteger expect = ones == 0 ? BigInteger.ZERO
            : BigInteger.ONE.shiftLeft(ones).subtract(BigInteger.ONE).shiftLeft(32 - ones);
        if (!m.equals(expect)) throw new IllegalArgumentException("'" + text + "' has a non-contiguous netmask");
        return ones;
    }

    public boolean isV6() {
        return address.isV6();
    }

    private BigInteger hostMask() {
        return BigInteger.ONE.shiftLeft(address.bits() - prefix).subtract(BigInteger.ONE);
    }

    public IpAddress network() {
        return IpAddress.fromBigInteger(address.toBigInteger().andNot(hostMask()), isV6());
    }

    public IpAddress broadcast() {
        return IpAddress.fromBigInteger(address.toBigInteger().or(hostMask()), isV6());
    }

    /** Dotted netmask for IPv4 (ifcfg NETMASK, ifconfig). */
    public String netmask() {
        if (isV6()) throw new IllegalStateException("IPv6 has no dotted netmask");
        BigInteger all = BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE);
        return IpAddress.fromBigInteger(all.andNot(hostMask()), false).toString();
    }

    public boolean contains(IpAddress ip) {
        if (ip.isV6() != isV6()) return false;
        return ip.toBigInteger().andNot(hostMask()).equals(address.toBigInteger().andNot(hostMask()));
    }

    public boolean overlaps(Cidr other) {
        if (other.isV6() != isV6()) return false;
        Cidr wider = other.prefix < prefix ? other : this;
        Cidr narrower = wider == this ? other : this;
        return wider.contains(narrower.address);
    }

    /**
     * Why this is not usable as an interface address (network or broadcast
     * address of an IPv4 subnet wider than /31), or null when it is fine.
     */
    public String hostProblem() {
        if (!isV6() && prefix < 31) {
            if (address.equals(network())) return toString() + " is the network address of its subnet";
            if (address.equals(broadcast())) return toString() + " is the broadcast address of its subnet";
        }
        if (address.toBigInteger().signum() == 0) return toString() + " is the unspecified address";
        return null;
    }

    /** The subnet itself, e.g. 10.0.0.0/24. */
    public String subnet() {
        return network() + "/" + prefix;
    }

    @Override
    public String toString() {
        return address + "/" + prefix;
    }
}
