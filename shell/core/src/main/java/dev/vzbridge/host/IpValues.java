package dev.vzbridge.host;

/** Normalised values from iproute2 and sysfs: STP port states, delays, route keys. */
final class IpValues {
    private static final String[] NAMES = {"disabled", "listening", "learning", "forwarding", "blocking"};

    private IpValues() {
    }

    /** "3" → "forwarding"; names pass through lower-cased. */
    static String name(String raw) {
        if (raw == null) return null;
        String s = raw.strip().toLowerCase();
        if (s.matches("\\d+")) {
            int n = Integer.parseInt(s);
            return n < NAMES.length ? NAMES[n] : s;
        }
        return s;
    }

    /** Kernel forward delay in centiseconds (USER_HZ) → whole seconds. */
    static int seconds(long centiseconds) {
        return (int) Math.round(centiseconds / 100.0);
    }

    /** "boot" is what ip route add records by default, and text output omits it: no protocol worth keeping. */
    static String proto(String p) {
        return p == null || p.equals("boot") ? null : p;
    }

    /** "global" (universe) is every gateway route's default scope, and text output omits it. */
    static String scope(String s) {
        return s == null || s.equals("global") || s.equals("universe") ? null : s;
    }

    /** A host route is written with its full prefix, as the API promises. */
    static String cidrOf(String dst) {
        if (dst == null || dst.equals("default") || dst.contains("/")) return dst;
        return dst + (dst.contains(":") ? "/128" : "/32");
    }
}
