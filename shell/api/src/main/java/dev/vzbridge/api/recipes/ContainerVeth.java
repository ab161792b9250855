package dev.vzbridge.api.recipes;

import dev.vzbridge.api.command.UsageException;
import dev.vzbridge.api.host.Address;
import dev.vzbridge.api.host.Container;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Link;
import dev.vzbridge.api.host.Route;
import dev.vzbridge.api.net.Cidr;
import dev.vzbridge.api.plan.Change;
import dev.vzbridge.api.plan.Check;
import dev.vzbridge.api.plan.Step;
import dev.vzbridge.api.tools.ContainerRuntime;
import dev.vzbridge.api.tools.NetTools;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * "Attach a container's veth to a bridge with addresses, gateway and host routes"
 * and its inverse. Only what is missing is planned.
 */
public final class ContainerVeth {
    private ContainerVeth() {
    }

    /** The recipe's attach; addresses and gateway must already be valid inputs. */
    public static Recipe attach(HostState host, NetTools node, ContainerRuntime runtime, VethSpec spec) {
        Container ct = Names.runningContainer(host, spec.ctid());
        Link br = Names.existingBridge(host, "--bridge", spec.bridge());
        String ifname = Names.ifname("--ifname", spec.ifname());
        String hostIf = Names.ifname("host interface for CT " + ct.id() + " " + ifname, runtime.hostIfname(ct.id(), ifname));
        Optional<Link> ctLink = ct.link(ifname);
        Optional<Link> hostLink = host.link(hostIf);
        if (ctLink.isPresent() && hostLink.isEmpty())
            throw new UsageException("CT " + ct.id() + " already has " + ifname + " (not a veth of this node); choose another --ifname");
        if (hostLink.isPresent() && ctLink.isEmpty())
            throw new UsageException(hostIf + " exists on the node but CT " + ct.id() + " has no " + ifname);
        hostLink.map(Link::master).filter(m -> !m.equals(br.name())).ifPresent(m -> {
            throw new UsageException("CT " + ct.id() + " " + ifname + " is on " + m + "; detach it first");
        });
        for (Cidr c : spec.addresses()) requireFreeForCt(host, ct, ifname, c);

        NetTools inside = runtime.inside(ct.id());
        List<Cidr> give = spec.addresses().stream().filter(c -> !Moves.hasAddress(ct.addresses(), ifname, c)).toList();
        List<Cidr> ctAddresses = new ArrayList<>(ct.addressesOf(ifname).stream().filter(a -> !a.isLinkLocal()).map(Address::parsed).toList());
        give.forEach(ctAddresses::add);

        // OpenVZ 7 configures a new interface itself (bridge, addresses, gateway), live and saved.
        boolean natively = ctLink.isEmpty() && runtime.configuresNatively();
        List<Step> add = new ArrayList<>();
        if (ctLink.isEmpty()) add.add(runtime.addVeth(ct.id(), ifname, br.name(), spec.mac()));
        if (natively) add.add(runtime.configureVeth(ct.id(), ifname, br.name(), give, spec.gateway()));
        List<Step> plug = new ArrayList<>();
        if (!natively && hostLink.map(Link::master).isEmpty()) plug.add(node.enslave(hostIf, br.name()));
        boolean hostUp = hostLink.map(Link::up).orElse(false);
        if (!natively && !hostUp) plug.add(node.up(hostIf, false));

        List<Step> configure = new ArrayList<>();
        boolean ctUp = ctLink.map(Link::up).orElse(false);
        if (!natively && !ctUp) configure.add(inside.up(ifname, false));
        if (!natively) configure.addAll(Moves.addAddresses(inside, ifname, give));
        Route def = null;
        if (spec.gateway() != null) {
            def = Moves.defaultVia(spec.gateway(), ifname);
            Route wanted = def;
            boolean v6 = spec.gateway().contains(":");
            Optional<Route> existing = ct.routes().stream().filter(r -> r.isDefault() && r.isV6() == v6).findFirst();
            if (existing.isPresent() && !Moves.sameRoute(existing.get(), wanted))
                throw new UsageException("CT " + ct.id() + " already has a default route via " + existing.get().via()
                    + " dev " + existing.get().dev() + "; leave out --gateway or detach that interface");
            if (existing.isEmpty() && !natively) configure.add(inside.addRoute(def));
        }

        // Checks the effects imply come with the recipe; these are the ones traffic and STP prove.
        List<Check> extra = new ArrayList<>();
        extra.add(new Check.PortForwarding(br.name(), hostIf));
        if (def != null) extra.add(Check.Ping.of(ct.id(), def.via()));
        List<Step> routes = new ArrayList<>();
        if (spec.hostRoute()) {
            Cidr nodeIp = nodeAddress(host, br.name());
            List<Cidr> v4 = ctAddresses.stream().filter(c -> !c.isV6()).toList();
            if (v4.isEmpty()) throw new UsageException("--host-route needs an IPv4 address in CT " + ct.id() + " on " + ifname);
            for (Cidr c : v4) {
                Route r = Moves.hostRoute(c, br.name());
                if (!Moves.hasRoute(host.routes(), r)) routes.add(node.addRoute(r));
            }
            Route back = Moves.hostRoute(nodeIp, ifname);
            if (!Moves.hasRoute(ct.routes(), back)) routes.add(inside.addRoute(back));
            extra.add(new Check.Ping(null, v4.get(0).address()));
            extra.add(new Check.Ping(ct.id(), nodeIp.address()));
        }

        String where = "CT " + ct.id() + " " + ifname;
        List<Change> changes = List.of(
            new Change("add " + where + " (" + hostIf + " on the node)", add),
            new Change("plug " + hostIf + " into " + br.name(), plug),
            new Change("configure " + where, configure),
            new Change("host routes between the node and CT " + ct.id(), routes));
        return Recipe.of(host, changes, extra, List.of());
    }

    /** The node's IPv4 address on the bridge: where the CT's host route points. */
    public static Cidr nodeAddress(HostState host, String bridge) {
        return Moves.movableAddresses(host, bridge).stream().filter(c -> !c.isV6()).findFirst()
            .orElseThrow(() -> new UsageException("--host-route needs an IPv4 address on " + bridge
                + " (the node's end of the CT routes), and " + bridge + " has none"));
    }

    private static void requireFreeForCt(HostState host, Container ct, String ifname, Cidr c) {
        for (Address a : host.addresses())
            if (a.parsed().address().equals(c.address()))
                throw new UsageException(c.address() + " is the node's own address (on " + a.dev() + ")");
        for (Container other : host.containers())
            for (Address a : other.addresses()) {
                if (!a.parsed().address().equals(c.address())) continue;
                if (other.id().equals(ct.id()) && a.dev().equals(ifname)) continue;
                throw new UsageException(c.address() + " is already used by CT " + other.id() + " (" + a.dev() + ")");
            }
    }

    /** Removes a container interface and everything the attach put on it, each step with its exact undo. */
    public static Recipe detach(HostState host, NetTools node, ContainerRuntime runtime, String ctid, String ifname) {
        Container ct = Names.runningContainer(host, ctid);
        Names.ifname("--ifname", ifname);
        String hostIf = runtime.hostIfname(ct.id(), ifname);
        Optional<Link> ctLink = ct.link(ifname);
        Optional<Link> hostLink = host.link(hostIf);
        if (ctLink.isEmpty() && hostLink.isEmpty())
            return new Recipe(List.of(), List.of(), List.of("CT " + ct.id() + " has no " + ifname + ": nothing to detach"), host);
        if (ctLink.isPresent() && hostLink.isEmpty())
            throw new UsageException("CT " + ct.id() + " " + ifname + " is not a veth of this node; nothing vzbridge can detach");
        String bridge = hostLink.get().master();

        List<Cidr> ctAddresses = Moves.movableAddresses(ctView(ct), ifname);
        List<Route> nodeRoutes = bridge == null ? List.of() : host.routesVia(bridge).stream()
            .filter(r -> !r.isKernel() && r.via() == null)
            .filter(r -> ctAddresses.stream().anyMatch(c -> Moves.sameRoute(r, Moves.hostRoute(c, bridge))))
            .toList();
        NetTools inside = runtime.inside(ct.id());
        TakeOff inCt = TakeOff.of(ctView(ct), inside, ifname);

        // OpenVZ 7 keeps the interface's bridge, addresses and gateway with it: removing it
        // removes them, and its undo brings all of them back.
        boolean natively = runtime.configuresNatively();
        List<Step> unplug = new ArrayList<>();
        if (!natively && ctLink.map(Link::up).orElse(false)) unplug.add(inside.down(ifname, true));
        if (!natively && hostLink.get().up()) unplug.add(node.down(hostIf, true));
        if (!natively && bridge != null) unplug.add(node.release(hostIf, bridge));
        String where = "CT " + ct.id() + " " + ifname;
        String mac = ctLink.map(Link::mac).orElse(null);
        List<Step> clear = natively ? List.of() : BridgeOverNic.concat(inCt.routeSteps(), inCt.addressSteps());
        List<Change> changes = List.of(
            new Change("remove host routes to CT " + ct.id(), Moves.deleteRoutes(node, nodeRoutes)),
            new Change("clear " + where, clear),
            new Change("unplug " + hostIf + (bridge == null ? "" : " from " + bridge), unplug),
            new Change("remove " + where, List.of(runtime.removeVeth(ct.id(), ifname, bridge, mac))));
        return Recipe.of(host, changes, List.of(), List.of());
    }

    /** A container's own view as a HostState, so the node's helpers work inside it. */
    public static HostState ctView(Container ct) {
        return new HostState(ct.links(), ct.addresses(), ct.routes(), List.of());
    }
}
