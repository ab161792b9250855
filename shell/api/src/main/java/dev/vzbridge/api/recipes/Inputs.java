package dev.vzbridge.api.recipes;

import dev.vzbridge.api.command.UsageException;
import dev.vzbridge.api.net.Cidr;
import dev.vzbridge.api.net.IpAddress;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Validation of addresses, gateways, MACs and numbers given on the command line (no DNS ever). */
public final class Inputs {
    private static final Pattern MAC = Pattern.compile("[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}");

    private Inputs() {
    }

    /** One interface address: CIDR with a prefix, usable as a host address. */
    public static Cidr hostAddress(String option, String text) {
        Cidr c;
        try {
            c = Cidr.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + " " + e.getMessage());
        }
        String problem = c.hostProblem();
        if (problem != null) throw new UsageException(option + " " + problem);
        IpAddress a = c.address();
        if (isLoopback(a)) throw new UsageException(option + " " + c + " is a loopback address");
        if (isMulticast(a)) throw new UsageException(option + " " + c + " is a multicast address");
        if (!a.isV6() && (a.bytes()[0] & 0xff) == 255) throw new UsageException(option + " " + c + " is a broadcast address");
        if (!a.isV6() && (a.bytes()[0] & 0xff) == 0) throw new UsageException(option + " " + c + " is in 0.0.0.0/8 (this network)");
        return c;
    }

    /** Several addresses; the same IP twice is refused whatever the prefixes. */
    public static List<Cidr> hostAddresses(String option, List<String> texts) {
        List<Cidr> out = new ArrayList<>();
        for (String t : texts == null ? List.<String>of() : texts) out.add(hostAddress(option, t));
        return distinct(option, out);
    }

    /** Addresses already checked one by one: the same IP twice is refused whatever the prefixes. */
    public static List<Cidr> distinct(String option, List<Cidr> addresses) {
        Map<IpAddress, Cidr> seen = new HashMap<>();
        for (Cidr c : addresses == null ? List.<Cidr>of() : addresses) {
            Cidr before = seen.putIfAbsent(c.address(), c);
            if (before != null) throw new UsageException(option + " " + c.address() + " is given twice (" + before + ", " + c + ")");
        }
        return addresses == null ? List.of() : List.copyOf(addresses);
    }

    /**
     * A gateway: a plain address inside one of {@code subnets}, not one of their
     * own addresses and not their network or broadcast address.
     */
    public static IpAddress gateway(String option, String text, List<Cidr> subnets) {
        return gateway(option, gatewayAddress(option, text), subnets);
    }

    /** The form of a gateway: a plain address, no prefix length, no name (its place comes with the subnets). */
    public static IpAddress gatewayAddress(String option, String text) {
        if (text == null || text.isEmpty()) throw new UsageException(option + ": empty gateway");
        if (text.contains("/")) throw new UsageException(option + " '" + text + "' must be an address without a prefix length");
        try {
            return IpAddress.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + " " + e.getMessage());
        }
    }

    /** {@link #gateway(String, String, List)} for an address already read (e.g. by {@link Converters.Gateway}). */
    public static IpAddress gateway(String option, IpAddress gw, List<Cidr> subnets) {
        if (isMulticast(gw) || isLoopback(gw) || gw.toBigInteger().signum() == 0)
            throw new UsageException(option + " " + gw + " cannot be a gateway");
        Cidr home = null;
        for (Cidr s : subnets) {
            if (s.address().equals(gw)) throw new UsageException(option + " " + gw + " is the address being assigned, not a gateway");
            if (home == null && s.contains(gw)) home = s;
        }
        // IPv6 gateways are often link-local (fe80::1): reachable on any link.
        if (home == null && !(gw.isV6() && gw.isLinkLocal())) {
            String nets = subnets.isEmpty() ? "no address given or present"
                : String.join(", ", subnets.stream().map(Cidr::subnet).toList());
            throw new UsageException(option + " " + gw + " is not inside any subnet of the addresses (" + nets + ")");
        }
        if (home != null && !home.isV6() && home.prefix() < 31) {
            if (gw.equals(home.network())) throw new UsageException(option + " " + gw + " is the network address of " + home.subnet());
            if (gw.equals(home.broadcast())) throw new UsageException(option + " " + gw + " is the broadcast address of " + home.subnet());
        }
        return gw;
    }

    /** A unicast MAC address in colon notation, lower-cased. */
    public static String mac(String option, String text) {
        if (text == null || !MAC.matcher(text).matches())
            throw new UsageException(option + " '" + Names.printable(String.valueOf(text)) + "' is not a MAC address (like 02:00:00:aa:bb:cc)");
        String mac = text.toLowerCase(Locale.ROOT);
        int first = Integer.parseInt(mac.substring(0, 2), 16);
        if ((first & 1) == 1) throw new UsageException(option + " " + mac + " is a multicast MAC, not usable for an interface");
        if (mac.equals("00:00:00:00:00:00")) throw new UsageException(option + " " + mac + " is the all-zero MAC");
        return mac;
    }

    /** A whole number of seconds within [min, max]. */
    public static int seconds(String option, int value, int min, int max) {
        if (value < min || value > max)
            throw new UsageException(option + " " + value + " is out of range (" + min + ".." + max + " seconds)");
        return value;
    }

    /** "on"/"off" (also yes/no, true/false, 1/0). */
    public static boolean onOff(String option, String text) {
        String t = text == null ? "" : text.toLowerCase(Locale.ROOT);
        return switch (t) {
            case "on", "yes", "true", "1" -> true;
            case "off", "no", "false", "0" -> false;
            default -> throw new UsageException(option + " '" + Names.printable(String.valueOf(text)) + "' must be on or off");
        };
    }

    static boolean isLoopback(IpAddress a) {
        if (a.isV6()) return a.toBigInteger().equals(java.math.BigInteger.ONE);
        return (a.bytes()[0] & 0xff) == 127;
    }

    static boolean isMulticast(IpAddress a) {
        int first = a.bytes()[0] & 0xff;
        return a.isV6() ? first == 0xff : first >= 224 && first <= 239;
    }
}
