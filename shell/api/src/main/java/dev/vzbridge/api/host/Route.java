package dev.vzbridge.api.host;

/**
 * A route in the main table.
 *
 * @param dst    "default" or a CIDR (a host route is written with its full prefix)
 * @param via    gateway or null
 * @param dev    outgoing interface or null
 * @param proto  "kernel", "boot", "static", … or null
 * @param scope  "link", "host", "global"/null
 * @param metric metric or null
 * @param src    preferred source or null
 */
public record Route(String dst, String via, String dev, String proto, String scope, Integer metric, String src) {
    public static Route of(String dst, String via, String dev) {
        return new Route(dst, via, dev, null, null, null, null);
    }

    public boolean isDefault() {
        return "default".equals(dst);
    }

    /** Routes the kernel adds itself for an address's subnet; they follow the address. */
    public boolean isKernel() {
        return "kernel".equals(proto);
    }

    public boolean isV6() {
        return dst.contains(":") || (via != null && via.contains(":"));
    }

    public Route onDev(String newDev) {
        return new Route(dst, via, newDev, proto, scope, metric, src);
    }
}
