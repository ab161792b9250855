package dev.vzbridge.bridge;

import dev.vzbridge.api.command.Candidates;
import dev.vzbridge.api.command.CommandContext;
import dev.vzbridge.api.command.PlanningCommand;
import dev.vzbridge.api.command.UsageException;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Link;
import dev.vzbridge.api.net.Cidr;
import dev.vzbridge.api.net.IpAddress;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.api.recipes.BridgeOverNic;
import dev.vzbridge.api.recipes.BridgeSpec;
import dev.vzbridge.api.recipes.Converters;
import dev.vzbridge.api.recipes.Dad;
import dev.vzbridge.api.recipes.Inputs;
import dev.vzbridge.api.recipes.Moves;
import dev.vzbridge.api.recipes.Names;
import dev.vzbridge.api.recipes.Recipe;
import dev.vzbridge.api.recipes.SshSession;
import dev.vzbridge.api.recipes.Switch;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

@Command(name = "create", description = {
    "Create BR over NIC and move the NIC's addresses and routes to it, keeping the node reachable as long as possible.",
    "STP is off and the forward delay 0 unless asked: the recipe's 15 s wait comes from STP.",
    "The bridge keeps the NIC's MAC (--mac nic), so the node's MAC does not change when a container starts."})
public final class BridgeCreate implements PlanningCommand {
    @Parameters(index = "0", paramLabel = "BR", description = "The bridge to create, e.g. br0.",
        converter = Converters.BridgeName.class, completionCandidates = Completions.FreeBridgeNames.class)
    String bridge;

    @Option(names = "--nic", required = true, paramLabel = "NIC", description = "The uplink NIC whose addresses move to the bridge.",
        converter = Converters.InterfaceName.class, completionCandidates = Candidates.Nics.class)
    String nic;

    @Option(names = "--address", paramLabel = "CIDR", description = "Address(es) for the bridge instead of the NIC's own (repeatable).")
    List<Cidr> addresses = new ArrayList<>();

    @Option(names = "--gateway", paramLabel = "IP", description = "Default route via IP on the bridge, instead of the NIC's routes.")
    IpAddress gateway;

    @Option(names = "--stp", paramLabel = "on|off", description = "Spanning tree (default: off).",
        completionCandidates = Completions.OnOff.class)
    Switch stp;

    @Option(names = "--forward-delay", paramLabel = "SECONDS", description = "Forward delay (default: 0; 2..30 with STP on).")
    Integer forwardDelay;

    @Option(names = "--mac", paramLabel = "nic|auto|MAC", description = "The bridge's MAC: the NIC's (default), the kernel's choice, or this one.",
        converter = MacChoice.class, completionCandidates = Completions.BridgeMacs.class)
    String mac = BridgeSpec.MAC_NIC;

    @Option(names = "--no-dad", description = "Skip the duplicate-address probe before new addresses are claimed.")
    boolean noDad;

    @Override
    public Plan plan(CommandContext ctx) {
        // Names, addresses, on/off and the MAC were checked as they were read; what needs two
        // values together is checked before the host is observed.
        List<Cidr> given = Inputs.distinct("--address", addresses);
        Boolean stpOn = Switch.of(stp);
        if (forwardDelay != null) Inputs.seconds("--forward-delay", forwardDelay, Boolean.TRUE.equals(stpOn) ? 2 : 0, 30);
        if (gateway != null && !given.isEmpty()) Inputs.gateway("--gateway", gateway, given);

        HostState host = ctx.host();
        Link uplink = Names.existingNic(host, "--nic", nic);
        if (Boolean.TRUE.equals(stpOn) && forwardDelay == null) requireStpDelay(host);
        List<Cidr> subnets = given.isEmpty() ? Moves.movableAddresses(host, uplink.name()) : given;
        if (given.isEmpty() && uplink.master() != null) subnets = Moves.movableAddresses(host, uplink.master());
        String gw = gateway == null ? null : Inputs.gateway("--gateway", gateway, subnets).toString();

        BridgeSpec spec = new BridgeSpec(bridge, nic, given.isEmpty() ? null : given, gw, true, stpOn, forwardDelay, mac);
        Recipe recipe = BridgeOverNic.plan(host, ctx.tools(), spec, SshSession.parse(ctx.sshConnection()));
        if (!noDad && !recipe.isEmpty()) {
            String segment = uplink.master() != null ? uplink.master() : uplink.name();
            Dad.requireUnused(ctx, host, segment, given.isEmpty() ? Moves.movableAddresses(host, uplink.name()) : given);
        }
        return recipe.toPlan(ctx, ctx.commandLine());
    }

    /** --mac: nic, auto or a MAC address. */
    static final class MacChoice implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (value.equals(BridgeSpec.MAC_NIC) || value.equals(BridgeSpec.MAC_AUTO)) return value;
            return new Converters.Mac().convert(value);
        }
    }

    /** A bridge that exists with a delay below 2 s cannot switch STP on without a new delay. */
    private void requireStpDelay(HostState host) {
        host.link(bridge).map(Link::bridge).filter(b -> b.forwardDelay() < 2).ifPresent(b -> {
            throw new UsageException("--stp on needs --forward-delay 2..30 (" + bridge + " has " + b.forwardDelay() + ")");
        });
    }

}
