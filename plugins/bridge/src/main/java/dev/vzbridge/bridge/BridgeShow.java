package dev.vzbridge.bridge;

import dev.vzbridge.api.command.Candidates;
import dev.vzbridge.api.command.CommandContext;
import dev.vzbridge.api.command.PendingMark;
import dev.vzbridge.api.command.QueryCommand;
import dev.vzbridge.api.command.Report;
import dev.vzbridge.api.command.Table;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Link;
import dev.vzbridge.api.recipes.ContainerPorts;
import dev.vzbridge.api.recipes.Converters;
import dev.vzbridge.api.recipes.Names;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.Optional;

@Command(name = "show", description = "One bridge in detail: MAC, STP and forward delay, addresses, ports and their STP states.")
public final class BridgeShow implements QueryCommand {
    @Parameters(index = "0", paramLabel = "BR", description = "The bridge.", converter = Converters.BridgeName.class,
        completionCandidates = Candidates.Bridges.class)
    String bridge;

    @Override
    public Report run(CommandContext ctx) {
        HostState host = ctx.host();
        Link br = Names.existingBridge(host, "bridge", bridge);
        BridgeView v = BridgeView.of(host, br, ContainerPorts.of(host, ctx.containers()));
        if (ctx.live().isPresent()) {
            HostState live = ctx.live().get();
            Optional<BridgeView> now = live.link(bridge).filter(Link::isBridge)
                .map(b -> BridgeView.of(live, b, ContainerPorts.of(live, ctx.containers())));
            if (now.isEmpty() || !now.get().equals(v)) v = v.pendingAgainst(now);
        }
        StringBuilder sb = new StringBuilder();
        sb.append("bridge ").append(PendingMark.marked(v.name(), v.pending())).append(v.up() ? " (up)" : " (down)").append('\n');
        sb.append("  mac            ").append(v.mac()).append('\n');
        sb.append("  stp            ").append(v.stpText()).append('\n');
        sb.append("  forward delay  ").append(v.forwardDelay() == null ? "-" : v.forwardDelay() + " s").append('\n');
        sb.append("  addresses      ").append(v.addressesText()).append('\n');
        if (v.ports().isEmpty()) {
            sb.append("  no ports\n");
        } else {
            Table t = Table.of("PORT", "STATE", "CONTAINER");
            v.ports().forEach(p -> t.row(PendingMark.marked(p.name(), p.pending()), p.state(), p.container()));
            t.render().lines().forEach(l -> sb.append("  ").append(l).append('\n'));
        }
        return new Report(PendingMark.withLegend(sb.toString(), v.pending()), v);
    }
}
