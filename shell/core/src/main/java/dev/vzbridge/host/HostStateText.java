package dev.vzbridge.host;

import dev.vzbridge.api.command.PendingMark;
import dev.vzbridge.api.command.Table;
import dev.vzbridge.api.host.Address;
import dev.vzbridge.api.host.Container;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Link;
import dev.vzbridge.api.host.Route;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The node as tables for people: links, bridges with their ports, addresses, routes, containers. */
public final class HostStateText {
    private HostStateText() {
    }

    public static String render(HostState h) {
        return render(h, Optional.empty());
    }

    /**
     * With {@code live}, {@code h} is what an open transaction plans: rows the live
     * node lacks are marked pending ({@link PendingMark}).
     */
    public static String render(HostState h, Optional<HostState> live) {
        StringBuilder sb = new StringBuilder();
        boolean pending = section(sb, "Links", Table.of("LINK", "KIND", "STATE", "MAC", "MASTER"), h, live, HostStateText::links);
        pending |= section(sb, "Bridges", Table.of("BRIDGE", "STP", "FORWARD-DELAY", "PORTS"), h, live, HostStateText::bridges);
        pending |= section(sb, "Addresses", Table.of("DEV", "ADDRESS", "SCOPE"), h, live, HostStateText::addresses);
        pending |= section(sb, "Routes", Table.of("DESTINATION", "VIA", "DEV", "PROTO", "METRIC"), h, live, HostStateText::routes);
        pending |= section(sb, "Containers", Table.of("CT", "STATE", "INTERFACE", "ADDRESSES", "GATEWAY"), h, live, HostStateText::containers);
        return PendingMark.withLegend(sb.toString(), pending);
    }

    private static List<List<String>> links(HostState h) {
        List<List<String>> rows = new ArrayList<>();
        for (Link l : h.links()) {
            if (l.isLoopback()) continue;
            rows.add(row(l.name(), l.kind(), l.up() ? "up" : "down", l.mac(), l.master()));
        }
        return rows;
    }

    private static List<List<String>> bridges(HostState h) {
        List<List<String>> rows = new ArrayList<>();
        for (Link b : h.bridges()) {
            String ports = h.portsOf(b.name()).stream()
                .map(p -> p.name() + " (" + (p.portState() == null ? "?" : p.portState()) + ")")
                .collect(Collectors.joining(", "));
            rows.add(row(b.name(), b.bridge() == null ? "?" : b.bridge().stp() ? "on" : "off",
                b.bridge() == null ? "?" : b.bridge().forwardDelay() + "s", ports.isEmpty() ? "none" : ports));
        }
        return rows;
    }

    private static List<List<String>> addresses(HostState h) {
        List<List<String>> rows = new ArrayList<>();
        for (Address a : h.addresses()) {
            if (isLoopbackDev(h.links(), a.dev())) continue;
            rows.add(row(a.dev(), a.cidr(), a.scope()));
        }
        return rows;
    }

    private static List<List<String>> routes(HostState h) {
        List<List<String>> rows = new ArrayList<>();
        for (Route r : h.routes()) rows.add(row(r.dst(), r.via(), r.dev(), r.proto(), r.metric() == null ? null : String.valueOf(r.metric())));
        return rows;
    }

    private static List<List<String>> containers(HostState h) {
        List<List<String>> rows = new ArrayList<>();
        for (Container c : h.containers()) {
            List<Link> ifs = c.links().stream().filter(l -> !l.isLoopback()).toList();
            String gw = c.routes().stream().filter(Route::isDefault).map(r -> r.via() == null ? "dev " + r.dev() : r.via())
                .collect(Collectors.joining(", "));
            if (ifs.isEmpty()) {
                rows.add(row(c.id(), c.running() ? "running" : "stopped", null, null, gw.isEmpty() ? null : gw));
                continue;
            }
            for (Link l : ifs) {
                String a = c.addressesOf(l.name()).stream().filter(x -> !x.isLinkLocal()).map(Address::cidr)
                    .collect(Collectors.joining(", "));
                rows.add(row(c.id(), c.running() ? "running" : "stopped", l.name() + (l.up() ? "" : " (down)"),
                    a.isEmpty() ? null : a, gw.isEmpty() ? null : gw));
            }
        }
        return rows;
    }

    private static List<String> row(String... cells) {
        return Arrays.asList(cells);
    }

    private static boolean isLoopbackDev(List<Link> links, String dev) {
        return "lo".equals(dev) || links.stream().anyMatch(l -> l.name().equals(dev) && l.isLoopback());
    }

    /** One table of the planned rows, each the live node lacks marked pending. @return whether any was */
    private static boolean section(StringBuilder sb, String title, Table t, HostState h, Optional<HostState> live,
                                   Function<HostState, List<List<String>>> rows) {
        Set<List<String>> pending = PendingMark.pending(rows.apply(h), live.map(rows));
        for (List<String> r : rows.apply(h)) {
            String[] cells = r.toArray(String[]::new);
            cells[0] = PendingMark.marked(cells[0], pending.contains(r));
            t.row((Object[]) cells);
        }
        if (sb.length() > 0) sb.append('\n');
        sb.append(title).append(":\n");
        sb.append(t.isEmpty() ? "  (none)\n" : t.render().lines().map(l -> "  " + l).collect(Collectors.joining("\n", "", "\n")));
        return !pending.isEmpty();
    }
}
