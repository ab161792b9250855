package dev.vzbridge.dualnic;

import dev.vzbridge.api.command.CommandContext;
import dev.vzbridge.api.command.PlanningCommand;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.api.recipes.ContainerPorts;
import dev.vzbridge.api.recipes.SshSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "teardown", description = {
    "Undo 'dualnic setup' exactly: remove the bridge, take the node's address",
    "and route off the local NIC, and give the external NIC back the addresses",
    "and routes it had, as recorded in " + SetupRecord.PATH + ".",
    "Refuses while containers are plugged into the bridge, unless --force."})
public class TeardownCommand implements PlanningCommand {
    @Option(names = "--force", description = "Also unplug container interfaces from the bridge (they lose their network).")
    boolean force;

    @Override
    public Plan plan(CommandContext ctx) {
        HostState host = ctx.host();
        return TeardownPlanner.plan(ctx.commandLine(), host, ctx.tools(), StoredRecord.read(ctx.files()), force,
            ContainerPorts.of(host, ctx.containers()), SshSession.parse(ctx.sshConnection()), ctx::expect,
            ctx.files().shown(SetupRecord.PATH));
    }
}
