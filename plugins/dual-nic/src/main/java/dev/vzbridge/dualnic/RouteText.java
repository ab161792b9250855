package dev.vzbridge.dualnic;

import dev.vzbridge.api.host.Route;
import dev.vzbridge.api.net.Cidr;
import dev.vzbridge.api.net.IpAddress;

/** A route as one line in iproute2's words ("default via 10.0.0.1 dev eth0 proto boot"), and back. */
final class RouteText {
    private RouteText() {
    }

    static String format(Route r) {
        StringBuilder sb = new StringBuilder(r.dst());
        if (r.via() != null) sb.append(" via ").append(r.via());
        if (r.dev() != null) sb.append(" dev ").append(r.dev());
        if (r.proto() != null) sb.append(" proto ").append(r.proto());
        if (r.scope() != null) sb.append(" scope ").append(r.scope());
        if (r.metric() != null) sb.append(" metric ").append(r.metric());
        if (r.src() != null) sb.append(" src ").append(r.src());
        return sb.toString();
    }

    /** The inverse of {@link #format}; every value is checked (no DNS, no stray words). */
    static Route parse(String text) {
        String[] w = text.strip().split("\\s+");
        if (w.length == 0 || w[0].isEmpty()) throw new IllegalArgumentException("empty route");
        String dst = w[0];
        if (!dst.equals("default")) Cidr.parse(dst, true);
        String via = null, dev = null, proto = null, scope = null, src = null;
        Integer metric = null;
        if (w.length % 2 == 0) throw new IllegalArgumentException("route '" + text + "' has a key without a value");
        for (int i = 1; i + 1 < w.length; i += 2) {
            String v = w[i + 1];
            switch (w[i]) {
                case "via" -> via = checked(v);
                case "dev" -> dev = v;
                case "proto" -> proto = v;
                case "scope" -> scope = v;
                case "metric" -> metric = Integer.valueOf(v);
                case "src" -> src = checked(v);
                default -> throw new IllegalArgumentException("route '" + text + "': unknown word '" + w[i] + "'");
            }
        }
        return new Route(dst, via, dev, proto, scope, metric, src);
    }

    private static String checked(String address) {
        IpAddress.parse(address);
        return address;
    }
}
