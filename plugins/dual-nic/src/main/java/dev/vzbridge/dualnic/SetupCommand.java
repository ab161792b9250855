package dev.vzbridge.dualnic;

import dev.vzbridge.api.command.Candidates;
import dev.vzbridge.api.command.CommandContext;
import dev.vzbridge.api.command.PlanningCommand;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.net.Cidr;
import dev.vzbridge.api.net.IpAddress;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.api.recipes.Converters;
import dev.vzbridge.api.recipes.Dad;
import dev.vzbridge.api.recipes.SshSession;
import dev.vzbridge.api.recipes.Switch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Optional;

@Command(name = "setup", description = {
    "Create BR over the external NIC (its addresses and routes are taken off),",
    "put the node's address and default route on the local NIC, and with",
    "--bridge-address give BR an address so the node and the containers can",
    "reach each other. Defaults: STP off, forward delay 0. Running it again",
    "plans only what is missing. What it changes is recorded in",
    SetupRecord.PATH + " for 'dualnic teardown'."})
public class SetupCommand implements PlanningCommand {
    @Option(names = "--external", required = true, paramLabel = "NIC", completionCandidates = Candidates.Nics.class,
        converter = Converters.InterfaceName.class, description = "The NIC to the containers' uplink; it becomes the bridge's port.")
    String external;

    @Option(names = "--local", required = true, paramLabel = "NIC", completionCandidates = Candidates.Nics.class,
        converter = Converters.InterfaceName.class, description = "The NIC to the local network; it carries the node's own address and default route.")
    String local;

    @Option(names = "--bridge", required = true, paramLabel = "BR", completionCandidates = Candidates.Bridges.class,
        converter = Converters.InterfaceName.class, description = "The bridge for the containers (created).")
    String bridge;

    @Option(names = "--local-address", required = true, paramLabel = "CIDR", completionCandidates = LiveValues.NodeAddresses.class,
        description = "The node's address on the local NIC, e.g. 10.0.0.2/24.")
    Cidr localAddress;

    @Option(names = "--gateway", required = true, paramLabel = "IP", completionCandidates = LiveValues.Gateways.class,
        description = "The node's default gateway, inside the local subnet.")
    IpAddress gateway;

    @Option(names = "--bridge-address", paramLabel = "CIDR",
        description = "An address for the bridge, in the containers' subnet: without one the node cannot reach the containers.")
    Cidr bridgeAddress;

    @Option(names = "--stp", paramLabel = "on|off", completionCandidates = LiveValues.OnOff.class,
        description = "Spanning tree on the bridge (default off).")
    Switch stp;

    @Option(names = "--forward-delay", paramLabel = "SECONDS",
        description = "Bridge forward delay in seconds (default 0; 2..30 with STP on).")
    Integer forwardDelay;

    @Option(names = "--host-route",
        description = "Containers will be attached with --host-route (node↔CT routes); requires --bridge-address.")
    boolean hostRoute;

    @Option(names = "--no-dad", description = "Skip the probe for another owner of the addresses on their segments.")
    boolean noDad;

    @Override
    public Plan plan(CommandContext ctx) {
        SetupRequest req = SetupRequest.of(external, local, bridge, localAddress, gateway, bridgeAddress, Switch.of(stp), forwardDelay,
            hostRoute, !noDad);
        Optional<StoredRecord> stored = StoredRecord.read(ctx.files());
        // Taken once: inside a transaction the context answers with the predicted state after expect().
        HostState host = ctx.host();
        Plan plan = SetupPlanner.plan(ctx.commandLine(), host, ctx.tools(), req, stored, SshSession.parse(ctx.sshConnection()),
            ctx::expect, ctx.files().shown(SetupRecord.PATH));
        if (req.dad() && !plan.isEmpty()) {
            Dad.requireUnused(ctx, host, req.local(), List.of(req.localAddress()));
            if (req.bridgeAddress() != null) {
                // A new bridge does not exist yet: its segment is the external NIC's.
                String dev = host.link(req.bridge()).isPresent() ? req.bridge() : req.external();
                Dad.requireUnused(ctx, host, dev, List.of(req.bridgeAddress()));
            }
        }
        return plan;
    }
}
