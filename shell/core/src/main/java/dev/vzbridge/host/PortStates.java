package dev.vzbridge.host;

/** STP port states as the kernel numbers them (sysfs brport/state, old iproute2). */
final class PortStates {
    private static final String[] NAMES = {"disabled", "listening", "learning", "forwarding", "blocking"};

    private PortStates() {
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

    /** A host route is written with its full prefix, as the API promises. */
    static String cidrOf(String dst) {
        if (dst == null || dst.equals("default") || dst.contains("/")) return dst;
        return dst + (dst.contains(":") ? "/128" : "/32");
    }
}
