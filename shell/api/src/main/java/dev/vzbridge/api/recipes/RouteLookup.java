package dev.vzbridge.api.recipes;

import dev.vzbridge.api.host.Address;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Route;
import dev.vzbridge.api.net.Cidr;
import dev.vzbridge.api.net.IpAddress;

import java.util.Optional;

/**
 * Which route of an observed state carries traffic to an address, the way the
 * kernel picks it from the main table: longest prefix first, then lowest metric.
 * The subnets of addresses count as kernel routes even when the probe did not
 * list them, so a hand-built or partial state answers the same.
 */
public final class RouteLookup {
    private RouteLookup() {
    }

    /** The route to dst, or empty when the node has none (no default route either). */
    public static Optional<Route> to(HostState host, IpAddress dst) {
        Route best = null;
        int bestLen = -1;
        int bestMetric = Integer.MAX_VALUE;
        for (Route r : host.routes()) {
            int len = matchLength(r, dst);
            if (len < 0) continue;
            int metric = r.metric() == null ? 0 : r.metric();
            if (len > bestLen || (len == bestLen && metric < bestMetric)) {
                best = r;
                bestLen = len;
                bestMetric = metric;
            }
        }
        for (Address a : host.addresses()) {
            Cidr c = a.parsed();
            if (!c.contains(dst) || c.prefix() < bestLen) continue;
            if (c.prefix() == bestLen && best != null && bestMetric <= 0) continue;
            best = new Route(c.subnet(), null, a.dev(), "kernel", "link", null, c.address().toString());
            bestLen = c.prefix();
            bestMetric = 0;
        }
        return Optional.ofNullable(best);
    }

    /** The interface traffic to dst leaves by, or empty when there is no route. */
    public static Optional<String> deviceTo(HostState host, IpAddress dst) {
        return to(host, dst).map(Route::dev);
    }

    private static int matchLength(Route r, IpAddress dst) {
        if (r.isDefault()) return r.isV6() == dst.isV6() ? 0 : -1;
        try {
            Cidr c = Cidr.parse(r.dst(), true);
            return c.contains(dst) ? c.prefix() : -1;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }
}
