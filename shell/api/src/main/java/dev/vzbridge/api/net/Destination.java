package dev.vzbridge.api.net;

/** Where a route leads: the default route, or a prefix (a host route is a full-length prefix). */
public sealed interface Destination {
    /** The default route of either family. */
    Destination DEFAULT = new Default();

    record Default() implements Destination {
        @Override
        public String toString() {
            return "default";
        }
    }

    record Prefix(Cidr cidr) implements Destination {
        @Override
        public String toString() {
            return cidr.toString();
        }
    }

    static Destination of(Cidr cidr) {
        return new Prefix(cidr);
    }

    /** "default", a CIDR, or a bare address (a host route). */
    static Destination parse(String text) {
        if ("default".equals(text)) return DEFAULT;
        return new Prefix(Cidr.parse(text, true));
    }

    /** Whether a route observed with this dst ("default" or a CIDR, as iproute2 prints it) leads here. */
    default boolean matches(String observedDst) {
        if (this instanceof Default) return "default".equals(observedDst);
        if ("default".equals(observedDst)) return false;
        try {
            return ((Prefix) this).cidr().equals(Cidr.parse(observedDst, true));
        } catch (RuntimeException e) {
            return false;
        }
    }
}
