package dev.vzbridge.host;

import dev.vzbridge.api.command.Table;
import dev.vzbridge.api.host.Address;
import dev.vzbridge.api.host.Container;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Link;
import dev.vzbridge.api.host.Route;

import java.util.List;
import java.util.stream.Collectors;

/** The node as tables for people: links, bridges with their ports, addresses, routes, containers. */
public final class HostStateText {
    private HostStateText() {
    }

    public static String render(HostState h) {
        StringBuilder sb = new StringBuilder();
        Table links = Table.of("LINK", "KIND", "STATE", "MAC", "MASTER");
        for (Link l : h.links()) {
            if (l.isLoopback()) continue;
            links.row(l.name(), l.kind(), l.up() ? "up" : "down", l.mac(), l.master());
        }
        section(sb, "Links", links);

        Table bridges = Table.of("BRIDGE", "STP", "FORWARD-DELAY", "PORTS");
        for (Link b : h.bridges()) {
            String ports = h.portsOf(b.name()).stream()
                .map(p -> p.name() + " (" + (p.portState() == null ? "?" : p.portState()) + ")")
                .collect(Collectors.joining(", "));
            bridges.row(b.name(), b.bridge() == null ? "?" : b.bridge().stp() ? "on" : "off",
                b.bridge() == null ? "?" : b.bridge().forwardDelay() + "s", ports.isEmpty() ? "none" : ports);
        }
        section(sb, "Bridges", bridges);

        Table addrs = Table.of("DEV", "ADDRESS", "SCOPE");
        for (Address a : h.addresses()) {
            if (isLoopbackDev(h.links(), a.dev())) continue;
            addrs.row(a.dev(), a.cidr(), a.scope());
        }
        section(sb, "Addresses", addrs);

        Table routes = Table.of("DESTINATION", "VIA", "DEV", "PROTO", "METRIC");
        for (Route r : h.routes()) routes.row(r.dst(), r.via(), r.dev(), r.proto(), r.metric());
        section(sb, "Routes", routes);

        Table cts = Table.of("CT", "STATE", "INTERFACE", "ADDRESSES", "GATEWAY");
        for (Container c : h.containers()) {
            List<Link> ifs = c.links().stream().filter(l -> !l.isLoopback()).toList();
            String gw = c.routes().stream().filter(Route::isDefault).map(r -> r.via() == null ? "dev " + r.dev() : r.via())
                .collect(Collectors.joining(", "));
            if (ifs.isEmpty()) {
                cts.row(c.id(), c.running() ? "running" : "stopped", null, null, gw.isEmpty() ? null : gw);
                continue;
            }
            for (Link l : ifs) {
                String a = c.addressesOf(l.name()).stream().filter(x -> !x.isLinkLocal()).map(Address::cidr)
                    .collect(Collectors.joining(", "));
                cts.row(c.id(), c.running() ? "running" : "stopped", l.name() + (l.up() ? "" : " (down)"),
                    a.isEmpty() ? null : a, gw.isEmpty() ? null : gw);
            }
        }
        section(sb, "Containers", cts);
        return sb.toString();
    }

    private static boolean isLoopbackDev(List<Link> links, String dev) {
        return "lo".equals(dev) || links.stream().anyMatch(l -> l.name().equals(dev) && l.isLoopback());
    }

    private static void section(StringBuilder sb, String title, Table t) {
        if (sb.length() > 0) sb.append('\n');
        sb.append(title).append(":\n");
        sb.append(t.isEmpty() ? "  (none)\n" : t.render().lines().map(l -> "  " + l).collect(Collectors.joining("\n", "", "\n")));
    }
}
