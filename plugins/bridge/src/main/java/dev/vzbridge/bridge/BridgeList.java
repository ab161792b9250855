package dev.vzbridge.bridge;

import dev.vzbridge.api.command.CommandContext;
import dev.vzbridge.api.command.PendingMark;
import dev.vzbridge.api.command.QueryCommand;
import dev.vzbridge.api.command.Report;
import dev.vzbridge.api.command.Table;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.recipes.ContainerPorts;
import picocli.CommandLine.Command;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

@Command(name = "list", description = "Bridges on the node: MAC, STP, forward delay, ports with their STP state, addresses.")
public final class BridgeList implements QueryCommand {
    @Override
    public Report run(CommandContext ctx) {
        List<BridgeView> planned = views(ctx.host(), ctx);
        Optional<List<BridgeView>> live = ctx.live().map(h -> views(h, ctx));
        Set<BridgeView> pending = PendingMark.pending(planned, live);
        List<BridgeView> views = planned.stream().map(v -> !pending.contains(v) ? v
            : v.pendingAgainst(live.orElseThrow().stream().filter(l -> l.name().equals(v.name())).findFirst())).toList();
        Table t = Table.of("BRIDGE", "MAC", "STATE", "STP", "FWD-DELAY", "PORTS", "ADDRESSES");
        for (BridgeView v : views)
            t.row(PendingMark.marked(v.name(), v.pending()), v.mac(), v.up() ? "up" : "down", v.stpText(), v.forwardDelay(),
                v.portsText(), v.addressesText());
        String text = views.isEmpty() ? "no bridges\n" : PendingMark.withLegend(t.render(), !pending.isEmpty());
        return new Report(text, Map.of("bridges", views));
    }

    private static List<BridgeView> views(HostState host, CommandContext ctx) {
        Map<String, String> ctPorts = ContainerPorts.of(host, ctx.containers());
        return host.bridges().stream().map(b -> BridgeView.of(host, b, ctPorts)).toList();
    }
}
