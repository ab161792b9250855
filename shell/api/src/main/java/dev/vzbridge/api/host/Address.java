package dev.vzbridge.api.host;

import dev.vzbridge.api.net.Cidr;

/** An address on an interface, e.g. dev eth0, cidr 10.0.0.2/24, scope global. */
public record Address(String dev, String cidr, String scope) {
    public Cidr parsed() {
        return Cidr.parse(cidr);
    }

    public boolean isV6() {
        return cidr.contains(":");
    }

    /** fe80::/10 and 169.254/16: made by the kernel, not by the admin. */
    public boolean isLinkLocal() {
        return "link".equals(scope) || parsed().address().isLinkLocal();
    }
}
