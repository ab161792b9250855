package dev.vzbridge.bridge;

import dev.vzbridge.api.command.CommandContext;
import dev.vzbridge.api.command.PendingMark;
import dev.vzbridge.api.command.QueryCommand;
import dev.vzbridge.api.command.Report;
import dev.vzbridge.api.command.Table;
import dev.vzbridge.api.host.Address;
import dev.vzbridge.api.host.Container;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Link;
import dev.vzbridge.api.host.Route;
import dev.vzbridge.api.recipes.ContainerPorts;
import dev.vzbridge.api.tools.ContainerRuntime;
import picocli.CommandLine.Command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

@Command(name = "list", description = "Containers with their interfaces, host ends, bridges, addresses and gateways.")
public final class CtList implements QueryCommand {
    /** One container interface (also the JSON); pending: planned in the open transaction, not live yet. */
    public record Row(String ct, boolean running, String ifname, String hostIfname, String bridge,
                      List<String> addresses, String gateway, boolean pending) {
        Row asPending() {
            return new Row(ct, running, ifname, hostIfname, bridge, addresses, gateway, true);
        }
    }

    @Override
    public Report run(CommandContext ctx) {
        List<Row> planned = rows(ctx.host(), ctx.containers());
        Set<Row> pending = PendingMark.pending(planned, ctx.live().map(live -> rows(live, ctx.containers())));
        List<Row> rows = planned.stream().map(r -> pending.contains(r) ? r.asPending() : r).toList();
        Table t = Table.of("CT", "STATE", "IF", "HOST-IF", "BRIDGE", "ADDRESSES", "GATEWAY");
        for (Row r : rows)
            t.row(PendingMark.marked(r.ct(), r.pending()), r.running() ? "running" : "stopped", r.ifname(), r.hostIfname(), r.bridge(),
                r.addresses().isEmpty() ? "-" : String.join(",", r.addresses()), r.gateway());
        String none = ctx.containers().unavailable().map(p -> p + "\n").orElse("no containers\n");
        return new Report(rows.isEmpty() ? none : PendingMark.withLegend(t.render(), !pending.isEmpty()), Map.of("containers", rows));
    }

    private static List<Row> rows(HostState host, ContainerRuntime runtime) {
        List<Row> rows = new ArrayList<>();
        for (Container c : host.containers()) {
            List<Link> links = c.links().stream().filter(l -> !l.isLoopback()).toList();
            if (links.isEmpty()) rows.add(new Row(c.id(), c.running(), null, null, null, List.of(), null, false));
            for (Link l : links) {
                String hostEnd = hostEnd(host, runtime, c, l);
                String bridge = hostEnd == null ? null : host.link(hostEnd).map(Link::master).orElse(null);
                String gw = c.routes().stream().filter(r -> r.isDefault() && l.name().equals(r.dev())).map(Route::via).findFirst().orElse(null);
                rows.add(new Row(c.id(), c.running(), l.name(), hostEnd, bridge,
                    c.addressesOf(l.name()).stream().filter(a -> !a.isLinkLocal()).map(Address::cidr).toList(), gw, false));
            }
        }
        return rows;
    }

    private static String hostEnd(HostState host, ContainerRuntime runtime, Container c, Link l) {
        String name = ContainerPorts.hostEnd(runtime, c.id(), l.name());
        return name != null && host.link(name).isPresent() ? name : null;
    }
}
