package dev.vzbridge.testkit;

import dev.vzbridge.api.host.Address;
import dev.vzbridge.api.host.Container;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Link;
import dev.vzbridge.api.host.Route;

import java.util.Comparator;
import java.util.List;

/**
 * A host state as an admin compares it, one line per fact: per namespace links
 * (kind, master, up, MAC, bridge settings), addresses and routes. Ifindexes and
 * order are left out, and so are IPv6 link-local addresses and their routes,
 * which come and go with the kernel's own timing and which vzbridge never moves.
 */
public final class StateFingerprint {
    private StateFingerprint() {
    }

    public static String of(HostState h) {
        StringBuilder sb = new StringBuilder();
        describe(sb, "node", h.links(), h.addresses(), h.routes());
        for (Container c : h.containers()) describe(sb, "ct" + c.id(), c.links(), c.addresses(), c.routes());
        return sb.toString();
    }

    private static void describe(StringBuilder sb, String where, List<Link> links, List<Address> addresses, List<Route> routes) {
        links.stream().sorted(Comparator.comparing(Link::name)).forEach(l -> sb.append(where).append(" link ").append(l.name())
            .append(' ').append(l.kind()).append(" master=").append(l.master()).append(" up=").append(l.up())
            .append(" mac=").append(l.mac()).append(" bridge=").append(l.bridge()).append('\n'));
        addresses.stream().filter(a -> !a.isLinkLocal()).map(a -> where + " addr " + a.dev() + " " + a.cidr()).sorted()
            .forEach(s -> sb.append(s).append('\n'));
        routes.stream().filter(r -> !r.dst().startsWith("fe80:")).map(r -> where + " route " + route(r)).sorted()
            .forEach(s -> sb.append(s).append('\n'));
    }

    private static String route(Route r) {
        return r.dst() + " via " + r.via() + " dev " + r.dev() + " proto " + r.proto() + " scope " + r.scope()
            + " metric " + r.metric() + " src " + r.src();
    }
}
