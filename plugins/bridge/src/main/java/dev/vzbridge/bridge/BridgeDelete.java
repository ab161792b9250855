package dev.vzbridge.bridge;

import dev.vzbridge.api.command.Candidates;
import dev.vzbridge.api.command.CommandContext;
import dev.vzbridge.api.command.PlanningCommand;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.api.recipes.BridgeRemoval;
import dev.vzbridge.api.recipes.ContainerPorts;
import dev.vzbridge.api.recipes.Converters;
import dev.vzbridge.api.recipes.Recipe;
import dev.vzbridge.api.recipes.SshSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Map;
import java.util.TreeSet;

@Command(name = "delete", description = {
    "Remove BR: its addresses and routes go back to its NIC, its ports are released and the bridge is deleted.",
    "Refused while container interfaces are ports of BR, unless --force."})
public final class BridgeDelete implements PlanningCommand {
    @Parameters(index = "0", paramLabel = "BR", description = "The bridge to delete.",
        converter = Converters.BridgeName.class, completionCandidates = Candidates.Bridges.class)
    String bridge;

    @Option(names = "--force", description = "Delete even though containers lose their network on BR.")
    boolean force;

    @Override
    public Plan plan(CommandContext ctx) {
        HostState host = ctx.host();
        Map<String, String> ctPorts = ContainerPorts.of(host, ctx.containers());
        Recipe recipe = BridgeRemoval.plan(host, ctx.tools(), bridge, force, ctPorts, false, SshSession.parse(ctx.sshConnection()));
        if (recipe.after() != null) ctx.expect(recipe.after());
        Plan.Builder b = recipe.addTo(Plan.builder(ctx.commandLine()));
        if (recipe.isEmpty()) b.note("nothing to do");
        new TreeSet<>(host.portsOf(bridge).stream().map(p -> ctPorts.get(p.name())).filter(ct -> ct != null).toList())
            .forEach(b::container);
        return b.build();
    }
}
