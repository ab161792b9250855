package dev.vzbridge.bridge;

import dev.vzbridge.api.command.CommandContext;
import dev.vzbridge.api.command.QueryCommand;
import dev.vzbridge.api.command.Report;
import dev.vzbridge.api.command.Table;
import dev.vzbridge.api.host.Address;
import dev.vzbridge.api.host.Container;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Link;
import dev.vzbridge.api.host.Route;
import dev.vzbridge.api.recipes.ContainerPorts;
import picocli.CommandLine.Command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@Command(name = "list", description = "Containers with their interfaces, host ends, bridges, addresses and gateways.")
public final class CtList implements QueryCommand {
    /** One container interface (also the JSON). */
    public record Row(String ct, boolean running, String ifname, String hostIfname, String bridge,
                      List<String> addresses, String gateway) {
    }

    @Override
    public Report run(CommandContext ctx) {
        HostState host = ctx.host();
        List<Row> rows = new ArrayList<>();
        for (Container c : host.containers()) {
            List<Link> links = c.links().stream().filter(l -> !l.isLoopback()).toList();
            if (links.isEmpty()) rows.add(new Row(c.id(), c.running(), null, null, null, List.of(), null));
            for (Link l : links) {
                String hostEnd = hostEnd(ctx, c, l);
                String bridge = hostEnd == null ? null : host.link(hostEnd).map(Link::master).orElse(null);
                String gw = c.routes().stream().filter(r -> r.isDefault() && l.name().equals(r.dev())).map(Route::via).findFirst().orElse(null);
                rows.add(new Row(c.id(), c.running(), l.name(), hostEnd, bridge,
                    c.addressesOf(l.name()).stream().filter(a -> !a.isLinkLocal()).map(Address::cidr).toList(), gw));
            }
        }
        Table t = Table.of("CT", "STATE", "IF", "HOST-IF", "BRIDGE", "ADDRESSES", "GATEWAY");
        for (Row r : rows)
            t.row(r.ct(), r.running() ? "running" : "stopped", r.ifname(), r.hostIfname(), r.bridge(),
                r.addresses().isEmpty() ? "-" : String.join(",", r.addresses()), r.gateway());
        String none = ctx.containers().unavailable().map(p -> p + "\n").orElse("no containers\n");
        return new Report(rows.isEmpty() ? none : t.render(), Map.of("containers", rows));
    }

    private static String hostEnd(CommandContext ctx, Container c, Link l) {
        String name = ContainerPorts.hostEnd(ctx.containers(), c.id(), l.name());
        return name != null && ctx.host().link(name).isPresent() ? name : null;
    }
}
