package dev.vzbridge.bridge;

import dev.vzbridge.api.command.CommandContext;
import dev.vzbridge.api.command.QueryCommand;
import dev.vzbridge.api.command.Report;
import dev.vzbridge.api.command.Table;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.recipes.ContainerPorts;
import picocli.CommandLine.Command;

import java.util.List;
import java.util.Map;

@Command(name = "list", description = "Bridges on the node: MAC, STP, forward delay, ports with their STP state, addresses.")
public final class BridgeList implements QueryCommand {
    @Override
    public Report run(CommandContext ctx) {
        HostState host = ctx.host();
        Map<String, String> ctPorts = ContainerPorts.of(host, ctx.containers());
        List<BridgeView> views = host.bridges().stream().map(b -> BridgeView.of(host, b, ctPorts)).toList();
        Table t = Table.of("BRIDGE", "MAC", "STATE", "STP", "FWD-DELAY", "PORTS", "ADDRESSES");
        for (BridgeView v : views)
            t.row(v.name(), v.mac(), v.up() ? "up" : "down", v.stpText(), v.forwardDelay(), v.portsText(), v.addressesText());
        String text = views.isEmpty() ? "no bridges\n" : t.render();
        return new Report(text, Map.of("bridges", views));
    }
}
