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
import java.util.Optional;

/**
 * "Create a bridge over a NIC and move its addresses and routes to it", in the
 * order that keeps the node reachable longest: create and configure the bridge,
 * bring it up, take routes then addresses off the NIC, enslave the NIC, give the
 * bridge its addresses, then its routes. Only what is missing is planned, so a
 * second run plans nothing.
 */
public final class BridgeOverNic {
    private BridgeOverNic() {
    }

    /** Inputs must already be valid names/addresses; this refuses impossible situations. */
    public static Recipe plan(HostState host, NetTools tools, BridgeSpec spec, Optional<SshSession> ssh) {
        String br = spec.bridge();
        Link nic = Names.existingNic(host, "--nic", spec.nic());
        if (br.equals(nic.name())) throw new UsageException("the bridge and --nic must differ (" + br + ")");
        Optional<Link> existing = host.link(br);
        existing.ifPresent(l -> requireUsableBridge(host, l, nic));
        if (nic.master() != null && !nic.master().equals(br))
            throw new UsageException("--nic " + nic.name() + " is already a port of " + nic.master());

        TakeOff takeOff = TakeOff.of(host, tools, nic.name());
        List<Cidr> wanted = spec.addresses() != null ? spec.addresses() : takeOff.addresses();
        List<Cidr> give = wanted.stream().filter(c -> !Moves.hasAddress(host.addresses(), br, c)).toList();
        give.forEach(c -> requireFree(host, c, nic.name(), br));
        List<Route> routesToBridge = routesFor(host, spec, takeOff);

        List<Change> changes = new ArrayList<>();
        Settings wantedSettings = settings(spec, existing, nic);
        changes.add(new Change("create bridge " + br, createSteps(tools, spec, existing, wantedSettings)));
        changes.add(new Change("take addresses and routes off " + nic.name(), concat(takeOff.routeSteps(), takeOff.addressSteps())));
        List<Step> enslave = new ArrayList<>();
        if (!nic.up()) enslave.add(tools.up(nic.name(), false));
        if (nic.master() == null) enslave.add(tools.enslave(nic.name(), br));
        changes.add(new Change("make " + nic.name() + " a port of " + br, enslave));
        changes.add(new Change("give " + br + " its addresses and routes",
            concat(Moves.addAddresses(tools, br, give), Moves.addRoutes(tools, routesToBridge))));

        List<String> notes = new ArrayList<>();
        if (spec.addresses() != null) {
            List<Cidr> dropped = takeOff.addresses().stream().filter(c -> !wanted.contains(c)).toList();
            if (!dropped.isEmpty()) notes.add(nic.name() + " loses " + join(dropped) + " (not among --address)");
        }
        ssh.flatMap(s -> takeOff.interrupting(host, s).map(step -> TakeOff.sessionNote(s, nic.name(), step, br)))
            .ifPresent(notes::add);
        return Recipe.of(host, changes, checks(host, br, nic.name(), routesToBridge), notes);
    }

    /** What the bridge ends up with: STP, forward delay, and the MAC to pin (null: leave it). */
    record Settings(boolean stp, boolean stpNow, int fd, int fdNow, String mac, String macNow) {
    }

    private static Settings settings(BridgeSpec spec, Optional<Link> existing, Link nic) {
        boolean stpNow = existing.map(l -> l.bridge() != null && l.bridge().stp()).orElse(false);
        int fdNow = existing.map(l -> l.bridge() == null ? BridgeSpec.KERNEL_FORWARD_DELAY : l.bridge().forwardDelay())
            .orElse(BridgeSpec.KERNEL_FORWARD_DELAY);
        boolean stp = spec.stp() != null ? spec.stp() : existing.isPresent() ? stpNow : false;
        // A new bridge gets delay 0 without STP; with STP the kernel's 15 s (0 is invalid there).
        int fd = spec.forwardDelay() != null ? spec.forwardDelay() : existing.isPresent() ? fdNow : stp ? fdNow : 0;
        String mac = spec.mac().equals(BridgeSpec.MAC_NIC) ? nic.mac() : spec.mac().equals(BridgeSpec.MAC_AUTO) ? null : spec.mac();
        return new Settings(stp, stpNow, fd, fdNow, mac, existing.map(Link::mac).orElse(null));
    }

    private static void requireUsableBridge(HostState host, Link l, Link nic) {
        if (!l.isBridge()) throw new UsageException(l.name() + " exists and is " + Names.kindOf(l) + ", not a bridge");
        // Any port but a container's end is an uplink (a node that is itself a namespace has its NIC on a veth):
        // a second one can loop the network while STP is off.
        for (Link port : host.portsOf(l.name()))
            if (!(port.isVeth() && ContainerPorts.isContainerEnd(port.name())) && !port.name().equals(nic.name()))
                throw new UsageException(l.name() + " already bridges " + port.name() + "; one uplink per bridge"
                    + " (a second one can loop the network): use another bridge for " + nic.name());
    }

    /** An address the bridge gets must not live on some third interface already. */
    private static void requireFree(HostState host, Cidr c, String nic, String br) {
        host.addresses().stream()
            .filter(a -> !a.dev().equals(nic) && !a.dev().equals(br) && a.parsed().address().equals(c.address()))
            .findFirst()
            .ifPresent(a -> {
                throw new UsageException(c.address() + " is already on " + a.dev());
            });
    }

    private static List<Route> routesFor(HostState host, BridgeSpec spec, TakeOff takeOff) {
        String br = spec.bridge();
        List<Route> out = new ArrayList<>();
        if (spec.moveRoutes()) {
            for (Route r : Moves.rehome(takeOff.routes(), br))
                if (spec.gateway() == null || !r.isDefault() || r.isV6() != spec.gateway().contains(":")) out.add(r);
        }
        if (spec.gateway() != null) {
            Route def = Moves.defaultVia(spec.gateway(), br);
            boolean v6 = spec.gateway().contains(":");
            host.defaultRoute(v6)
                .filter(r -> !spec.nic().equals(r.dev()) && !Moves.sameRoute(r, def))
                .ifPresent(r -> {
                    throw new UsageException("a default route already exists (via " + r.via() + " dev " + r.dev()
                        + "); remove it or leave out --gateway");
                });
            out.add(def);
        }
        return out.stream().filter(r -> !Moves.hasRoute(host.routes(), r)).toList();
    }

    private static List<Step> createSteps(NetTools tools, BridgeSpec spec, Optional<Link> existing, Settings s) {
        String br = spec.bridge();
        List<Step> steps = new ArrayList<>();
        if (existing.isEmpty()) steps.add(tools.addBridge(br));
        steps.addAll(stpAndDelay(tools, br, s.stp(), s.stpNow(), s.fd(), s.fdNow()));
        if (s.mac() != null && !s.mac().equalsIgnoreCase(String.valueOf(s.macNow()))) {
            Step pin = tools.setMac(br, s.mac(), s.macNow() == null ? s.mac() : s.macNow());
            // A new bridge's random MAC is gone with the bridge itself: nothing to restore.
            steps.add(existing.isEmpty() ? new Step(pin.apply(), List.of(), pin.links(), pin.effects()) : pin);
        }
        boolean upNow = existing.map(Link::up).orElse(false);
        if (!upNow) steps.add(tools.up(br, false));
        return steps;
    }

    /**
     * The kernel refuses a forward delay outside 2..30 s while STP is on, so the
     * delay changes while STP is off: before switching it on, after switching it
     * off. The undo, run backwards, then stays valid as well.
     */
    static List<Step> stpAndDelay(NetTools tools, String br, boolean stp, boolean stpNow, int fd, int fdNow) {
        List<Step> out = new ArrayList<>();
        Step stpStep = stp != stpNow ? tools.setStp(br, stp, stpNow) : null;
        Step fdStep = fd != fdNow ? tools.setForwardDelay(br, fd, fdNow) : null;
        if (stp && !stpNow) {
            if (fdStep != null) out.add(fdStep);
            out.add(stpStep);
        } else {
            if (stpStep != null) out.add(stpStep);
            if (fdStep != null) out.add(fdStep);
        }
        return out;
    }

    /** What the effects do not imply: the uplink forwards, and the gateway answers over the bridge. */
    static List<Check> checks(HostState host, String br, String nic, List<Route> newRoutes) {
        List<Check> out = new ArrayList<>();
        out.add(new Check.PortForwarding(br, nic));
        newRoutes.stream().filter(Route::isDefault).findFirst()
            .or(() -> host.defaultRoute(false).filter(r -> br.equals(r.dev())))
            .filter(r -> r.via() != null)
            .ifPresent(r -> out.add(Check.Ping.of(null, r.via())));
        return out;
    }

    static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    static String join(List<Cidr> cs) {
        return String.join(", ", cs.stream().map(Cidr::toString).toList());
    }
}
