package dev.vzbridge.dualnic;

import dev.vzbridge.api.command.CommandContext;
import dev.vzbridge.api.command.QueryCommand;
import dev.vzbridge.api.command.Report;
import dev.vzbridge.api.host.Container;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.net.Cidr;
import dev.vzbridge.api.recipes.ContainerPorts;
import dev.vzbridge.api.recipes.Moves;
import dev.vzbridge.api.tools.ContainerRuntime;
import picocli.CommandLine.Command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Command(name = "show", description = {
    "Which NIC carries what, the paths the node's and the containers' traffic",
    "take now, and whether the node and the containers can reach each other",
    "(and why not)."})
public class ShowCommand implements QueryCommand {
    @Override
    public Report run(CommandContext ctx) {
        HostState host = ctx.host();
        Optional<SetupRecord> record = StoredRecord.read(ctx.files()).map(StoredRecord::record);
        List<ShowReport.CtPort> ports = record.map(r -> ctPorts(host, ctx.containers(), r.bridge())).orElse(List.of());
        return ShowReport.of(host, record, ports, ctx.files().shown(SetupRecord.PATH));
    }

    static List<ShowReport.CtPort> ctPorts(HostState host, ContainerRuntime runtime, String bridge) {
        List<ShowReport.CtPort> out = new ArrayList<>();
        for (Map.Entry<String, String> e : ContainerPorts.of(host, runtime).entrySet()) {
            String hostEnd = e.getKey();
            if (host.link(hostEnd).map(l -> bridge.equals(l.master())).orElse(false)) {
                String ifname = ContainerPorts.ctIfname(host, runtime, e.getValue(), hostEnd);
                List<Cidr> addresses = ifname == null ? List.of() : host.container(e.getValue())
                    .map(c -> Moves.movableAddresses(dev.vzbridge.api.recipes.ContainerVeth.ctView(c), ifname)).orElse(List.of());
                out.add(new ShowReport.CtPort(e.getValue(), ifname, hostEnd, addresses));
            }
        }
        return out;
    }
}
