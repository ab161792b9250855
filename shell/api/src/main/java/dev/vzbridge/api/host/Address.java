package dev.vzbridge.api.host;

import dev.vzbridge.api.net.Cidr;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** An address on an interface, e.g. dev eth0, cidr 10.0.0.2/24, scope global. */
public record Address(String dev, String cidr, String scope) {
    /** Parsed forms of the addresses seen so far: planning compares each new address with all the node's. */
    private static final Map<String, Cidr> PARSED = new ConcurrentHashMap<>();

    public Cidr parsed() {
        Cidr c = PARSED.get(cidr);
        if (c != null) return c;
        c = Cidr.parse(cidr); // a bad one throws and is not kept
        if (PARSED.size() < 65_536) PARSED.put(cidr, c);
        return c;
    }

    public boolean isV6() {
        return cidr.contains(":");
    }

    /** fe80::/10 and 169.254/16: made by the kernel, not by the admin. */
    public boolean isLinkLocal() {
        return "link".equals(scope) || parsed().address().isLinkLocal();
    }
}
