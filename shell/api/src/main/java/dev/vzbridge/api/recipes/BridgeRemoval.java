package dev.vzbridge.api.recipes;

import dev.vzbridge.api.command.UsageException;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Link;
import dev.vzbridge.api.host.Route;
import dev.vzbridge.api.net.Cidr;
import dev.vzbridge.api.plan.Change;
import dev.vzbridge.api.plan.Check;
import dev.vzbridge.api.plan.Step;
import dev.vzbridge.api.tools.NetTools;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The inverse of {@link BridgeOverNic}: routes then addresses off the bridge,
 * ports released, addresses then routes back on the uplink, bridge down and gone.
 */
public final class BridgeRemoval {
    private BridgeRemoval() {
    }

    /**
     * @param containerPorts host ends of container interfaces on this node, mapped to their CT ID
     * @param keepOnBridge   addresses and routes are dropped instead of moved back (the uplink
     *                       had none before, as with a dual-NIC setup)
     */
    public static Recipe plan(HostState host, NetTools tools, String bridge, boolean force,
                              Map<String, String> containerPorts, boolean keepOnBridge, Optional<SshSession> ssh) {
        Names.ifname("bridge", bridge);
        Optional<Link> found = host.link(bridge);
        // Deleting what is gone is done (a batch can run twice); the bridges there are show a typo.
        if (found.isEmpty()) return new Recipe(List.of(), List.of(), List.of("no bridge " + bridge
            + " (" + Names.listed("bridges", Names.bridgeNames(host), "there are no bridges") + ")"), host);
        Link br = found.get();
        if (!br.isBridge()) throw new UsageException(bridge + " is " + Names.kindOf(br) + ", not a bridge");

        List<Link> ports = host.portsOf(bridge);
        List<Link> ctPorts = ports.stream().filter(p -> containerPorts.containsKey(p.name())).toList();
        List<Link> uplinks = ports.stream().filter(p -> !ctPorts.contains(p)).toList();
        List<String> notes = new ArrayList<>();
        if (!ctPorts.isEmpty()) {
            String who = String.join(", ", ctPorts.stream().map(p -> describe(p, containerPorts)).toList());
            if (!force) throw new UsageException(bridge + " still carries container interfaces (" + who + "); detach them first or use --force");
            notes.add("containers lose their network on " + bridge + ": " + who);
        }
        Link uplink = uplinks.isEmpty() ? null : uplinks.get(0);

        TakeOff takeOff = TakeOff.of(host, tools, bridge);
        List<Step> release = new ArrayList<>();
        for (Link p : ctPorts) release.add(tools.release(p.name(), bridge));
        for (Link p : uplinks) release.add(tools.release(p.name(), bridge));

        List<Step> giveBack = new ArrayList<>();
        List<Cidr> back = List.of();
        List<Route> routesBack = List.of();
        if (uplink != null && !keepOnBridge) {
            back = takeOff.addresses();
            routesBack = Moves.rehome(takeOff.routes(), uplink.name());
            giveBack.addAll(Moves.addAddresses(tools, uplink.name(), back));
            giveBack.addAll(Moves.addRoutes(tools, routesBack));
        } else if (!takeOff.isEmpty()) {
            notes.add(bridge + "'s addresses and routes are removed with it: "
                + String.join(", ", takeOff.addresses().stream().map(Cidr::toString).toList()));
        }
        if (uplinks.size() > 1) notes.add("addresses go back to " + uplink.name() + ", the first of " + bridge + "'s uplinks");

        List<Step> remove = new ArrayList<>();
        if (br.up()) remove.add(tools.down(bridge, true));
        boolean stp = br.bridge() != null && br.bridge().stp();
        int fd = br.bridge() != null ? br.bridge().forwardDelay() : BridgeSpec.KERNEL_FORWARD_DELAY;
        remove.add(tools.deleteBridge(bridge, stp, fd, br.mac()));

        List<Change> changes = List.of(
            new Change("take addresses and routes off " + bridge, BridgeOverNic.concat(takeOff.routeSteps(), takeOff.addressSteps())),
            new Change("release " + bridge + "'s ports", release),
            new Change(uplink == null ? "nothing to give back" : "give " + uplink.name() + " its addresses and routes back", giveBack),
            new Change("remove bridge " + bridge, remove));
        String newHome = uplink == null ? "another interface" : uplink.name();
        ssh.flatMap(s -> takeOff.interrupting(host, s).map(step -> TakeOff.sessionNote(s, bridge, step, newHome)))
            .ifPresent(notes::add);
        return Recipe.of(host, changes, checks(uplink, routesBack), notes);
    }

    private static String describe(Link port, Map<String, String> containerPorts) {
        String ct = containerPorts.get(port.name());
        return ct == null ? port.name() : port.name() + " of CT " + ct;
    }

    /** What the effects do not imply: the gateway answers over the uplink again. */
    private static List<Check> checks(Link uplink, List<Route> routesBack) {
        if (uplink == null) return List.of();
        return routesBack.stream().filter(Route::isDefault).findFirst().filter(r -> r.via() != null)
            .map(r -> List.<Check>of(Check.Ping.of(null, r.via()))).orElse(List.of());
    }
}
