package dev.vzbridge.bridge;

import dev.vzbridge.api.command.Candidates;
import dev.vzbridge.api.command.CommandContext;
import dev.vzbridge.api.command.PlanningCommand;
import dev.vzbridge.api.host.Address;
import dev.vzbridge.api.host.Container;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.net.Cidr;
import dev.vzbridge.api.net.IpAddress;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.api.recipes.ContainerVeth;
import dev.vzbridge.api.recipes.Converters;
import dev.vzbridge.api.recipes.Dad;
import dev.vzbridge.api.recipes.Inputs;
import dev.vzbridge.api.recipes.Names;
import dev.vzbridge.api.recipes.Recipe;
import dev.vzbridge.api.recipes.VethSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

@Command(name = "attach", description = {
    "Give container CTID an interface on bridge BR: add the veth pair, plug the host end (vethCTID.N) into BR,",
    "set the addresses and default route inside, and with --host-route the node<->CT routes",
    "(CT_IP dev BR on the node, NODE_IP dev IF in the container; NODE_IP is BR's IPv4 address)."})
public final class CtAttach implements PlanningCommand {
    @Parameters(index = "0", paramLabel = "CTID", description = "The container.", completionCandidates = Candidates.Containers.class)
    String ctid;

    @Option(names = "--bridge", required = true, paramLabel = "BR", description = "The bridge the container joins.",
        converter = Converters.InterfaceName.class, completionCandidates = Candidates.Bridges.class)
    String bridge;

    @Option(names = "--ifname", paramLabel = "IF", description = "Interface name inside the container (default: eth0).",
        converter = Converters.InterfaceName.class, completionCandidates = Completions.CtIfnames.class)
    String ifname = "eth0";

    @Option(names = "--address", paramLabel = "CIDR", description = "Address(es) inside the container (repeatable).")
    List<Cidr> addresses = new ArrayList<>();

    @Option(names = "--gateway", paramLabel = "IP", description = "The container's default route.")
    IpAddress gateway;

    @Option(names = "--host-route", description = "Add the routes between node and container (for node<->CT traffic).")
    boolean hostRoute;

    @Option(names = "--mac", paramLabel = "MAC", description = "MAC of the container's end (default: the runtime's choice).",
        converter = Converters.Mac.class)
    String mac;

    @Option(names = "--no-dad", description = "Skip the duplicate-address probe on BR's segment.")
    boolean noDad;

    @Override
    public Plan plan(CommandContext ctx) {
        List<Cidr> given = Inputs.distinct("--address", addresses);
        if (gateway != null && !given.isEmpty()) Inputs.gateway("--gateway", gateway, given);
        Names.ctid(ctid);
        Names.runtimeAvailable(ctx.containers());

        HostState host = ctx.host();
        Container ct = Names.runningContainer(host, ctid);
        List<Cidr> subnets = new ArrayList<>(given);
        ct.addressesOf(ifname).stream().filter(a -> !a.isLinkLocal()).map(Address::parsed).forEach(subnets::add);
        String gw = gateway == null ? null : Inputs.gateway("--gateway", gateway, subnets).toString();

        VethSpec spec = new VethSpec(ct.id(), ifname, bridge, given, gw, hostRoute, mac);
        Recipe recipe = ContainerVeth.attach(host, ctx.tools(), ctx.containers(), spec);
        if (!noDad && !recipe.isEmpty()) {
            List<Cidr> claimed = given.stream().filter(c -> ct.addresses().stream().noneMatch(a -> a.parsed().address().equals(c.address()))).toList();
            Dad.requireUnused(ctx, host, bridge, claimed);
        }
        return recipe.toPlan(ctx, ctx.commandLine(), ct.id());
    }
}
