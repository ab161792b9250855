package dev.vzbridge.bridge;

import dev.vzbridge.api.command.Candidates;
import dev.vzbridge.api.command.CommandContext;
import dev.vzbridge.api.command.PlanningCommand;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.api.recipes.ContainerVeth;
import dev.vzbridge.api.recipes.Converters;
import dev.vzbridge.api.recipes.Names;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "detach", description = "Remove a container's interface: host routes, addresses and routes inside, the port, the veth pair.")
public final class CtDetach implements PlanningCommand {
    @Parameters(index = "0", paramLabel = "CTID", description = "The container.", completionCandidates = Candidates.Containers.class)
    String ctid;

    @Option(names = "--ifname", paramLabel = "IF", description = "Interface name inside the container (default: eth0).",
        converter = Converters.InterfaceName.class, completionCandidates = Completions.CtIfnames.class)
    String ifname = "eth0";

    @Override
    public Plan plan(CommandContext ctx) {
        Names.ctid(ctid);
        Names.runtimeAvailable(ctx.containers());
        HostState host = ctx.host();
        return ContainerVeth.detach(host, ctx.tools(), ctx.containers(), ctid, ifname).toPlan(ctx, ctx.commandLine(), ctid);
    }
}
