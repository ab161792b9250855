package dev.vzbridge.api.recipes;

import dev.vzbridge.api.host.Route;
import dev.vzbridge.api.net.Cidr;
import dev.vzbridge.api.plan.Effect;
import dev.vzbridge.api.plan.Exec;
import dev.vzbridge.api.plan.Step;
import dev.vzbridge.api.tools.ContainerRuntime;
import dev.vzbridge.api.tools.EffectTools;
import dev.vzbridge.api.tools.NetTools;

import java.util.ArrayList;
import java.util.List;

/**
 * Intents as plain words ("sim node addBridge br0") that {@link SimHost} carries out,
 * with the effects every flavour's steps carry.
 */
public final class FakeTools extends EffectTools {
    public FakeTools(String scope) {
        super(new Commands(scope), scope.startsWith("ct:") ? scope.substring(3) : null);
    }

    public static Exec x(String scope, String... words) {
        List<String> argv = new ArrayList<>(List.of("sim", scope));
        for (String w : words) argv.add(w == null ? "-" : w);
        return Exec.of(argv);
    }

    /** The words alone. */
    static final class Commands implements NetTools {
    private final String scope;

    Commands(String scope) {
        this.scope = scope;
    }

    private Step step(Exec apply, Exec undo, String... links) {
        return new Step(apply, List.of(undo), scope.equals("node") ? java.util.Set.of(links) : java.util.Set.of());
    }

    public String flavour() {
        return "sim";
    }

    public Step addBridge(String b) {
        return step(x(scope, "addBridge", b), x(scope, "deleteBridge", b), b);
    }

    public Step deleteBridge(String b, boolean stp, int fd, String mac) {
        return step(x(scope, "deleteBridge", b), x(scope, "addBridge", b, "" + stp, "" + fd, mac), b);
    }

    public Step setStp(String b, boolean on, boolean prev) {
        return step(x(scope, "stp", b, "" + on), x(scope, "stp", b, "" + prev), b);
    }

    public Step setForwardDelay(String b, int s, int prev) {
        return step(x(scope, "fd", b, "" + s), x(scope, "fd", b, "" + prev), b);
    }

    public Step setMac(String dev, String mac, String prev) {
        return step(x(scope, "mac", dev, mac), x(scope, "mac", dev, prev), dev);
    }

    public Step enslave(String port, String b) {
        return step(x(scope, "enslave", port, b), x(scope, "release", port, b), port, b);
    }

    public Step release(String port, String b) {
        return step(x(scope, "release", port, b), x(scope, "enslave", port, b), port, b);
    }

    public Step up(String dev, boolean wasUp) {
        return new Step(x(scope, "up", dev), wasUp ? List.of() : List.of(x(scope, "down", dev)), java.util.Set.of(dev));
    }

    public Step down(String dev, boolean wasUp) {
        return new Step(x(scope, "down", dev), wasUp ? List.of(x(scope, "up", dev)) : List.of(), java.util.Set.of(dev));
    }

    public Step addAddress(String dev, Cidr a) {
        return step(x(scope, "addAddr", dev, a.toString()), x(scope, "delAddr", dev, a.toString()), dev);
    }

    public Step deleteAddress(String dev, Cidr a) {
        return step(x(scope, "delAddr", dev, a.toString()), x(scope, "addAddr", dev, a.toString()), dev);
    }

    public Step addRoute(Route r) {
        return step(x(scope, "addRoute", r.dst(), r.via(), r.dev(), r.proto()), x(scope, "delRoute", r.dst(), r.via(), r.dev(), r.proto()), r.dev());
    }

    public Step deleteRoute(Route r) {
        return step(x(scope, "delRoute", r.dst(), r.via(), r.dev(), r.proto()), x(scope, "addRoute", r.dst(), r.via(), r.dev(), r.proto()), r.dev());
    }

    }

    /** The netns-like runtime: CT 101's eth0 has host end veth101.0. */
    public static final class Runtime implements ContainerRuntime {
        public String name() {
            return "sim";
        }

        public String hostIfname(String ctid, String ifname) {
            return "veth" + ctid + "." + ifname.replaceAll("\\D", "");
        }

        public Step addVeth(String ctid, String ifname, String bridge, String mac) {
            return new Step(x("node", "addVeth", ctid, ifname, mac), List.of(x("node", "removeVeth", ctid, ifname)),
                java.util.Set.of(hostIfname(ctid, ifname)))
                .with(Effect.LinkAdded.veth(null, hostIfname(ctid, ifname), null), Effect.LinkAdded.veth(ctid, ifname, mac));
        }

        public Step removeVeth(String ctid, String ifname, String bridge, String mac) {
            return new Step(x("node", "removeVeth", ctid, ifname), List.of(x("node", "addVeth", ctid, ifname, mac)),
                java.util.Set.of(hostIfname(ctid, ifname)))
                .with(new Effect.LinkRemoved(null, hostIfname(ctid, ifname)), new Effect.LinkRemoved(ctid, ifname));
        }

        public NetTools inside(String ctid) {
            return new FakeTools("ct:" + ctid);
        }
    }
}
