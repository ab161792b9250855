package dev.vzbridge.tools;

import dev.vzbridge.api.host.Route;
import dev.vzbridge.api.net.Cidr;
import dev.vzbridge.api.plan.Action;
import dev.vzbridge.api.plan.Exec;
import dev.vzbridge.api.plan.Step;
import dev.vzbridge.api.tools.NetTools;

import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A flavour's intents run somewhere else, e.g. inside a container: every argv is
 * wrapped (ip netns exec CT …, vzctl exec2 CT …). The steps name no node links:
 * a container's eth0 is not the node's eth0.
 */
public final class PrefixedTools implements NetTools {
    private final NetTools base;
    private final UnaryOperator<List<String>> wrap;

    public PrefixedTools(NetTools base, UnaryOperator<List<String>> wrap) {
        this.base = base;
        this.wrap = wrap;
    }

    private Step w(Step s) {
        return new Step(w(s.apply()), s.undo().stream().map(this::w).toList(), Set.of());
    }

    private Action w(Action a) {
        return a instanceof Exec e ? new Exec(wrap.apply(e.argv()), e.stdin()) : a;
    }

    public String flavour() {
        return base.flavour();
    }

    public Step addBridge(String bridge) {
        return w(base.addBridge(bridge));
    }

    public Step deleteBridge(String bridge, boolean stp, int forwardDelay, String mac) {
        return w(base.deleteBridge(bridge, stp, forwardDelay, mac));
    }

    public Step setStp(String bridge, boolean on, boolean previous) {
        return w(base.setStp(bridge, on, previous));
    }

    public Step setForwardDelay(String bridge, int seconds, int previous) {
        return w(base.setForwardDelay(bridge, seconds, previous));
    }

    public Step setMac(String dev, String mac, String previous) {
        return w(base.setMac(dev, mac, previous));
    }

    public Step enslave(String port, String bridge) {
        return w(base.enslave(port, bridge));
    }

    public Step release(String port, String bridge) {
        return w(base.release(port, bridge));
    }

    public Step up(String dev, boolean wasUp) {
        return w(base.up(dev, wasUp));
    }

    public Step down(String dev, boolean wasUp) {
        return w(base.down(dev, wasUp));
    }

    public Step addAddress(String dev, Cidr address) {
        return w(base.addAddress(dev, address));
    }

    public Step deleteAddress(String dev, Cidr address) {
        return w(base.deleteAddress(dev, address));
    }

    public Step addRoute(Route route) {
        return w(base.addRoute(route));
    }

    public Step deleteRoute(Route route) {
        return w(base.deleteRoute(route));
    }

    /** The raw command wrapped like every other; its effects get the container's view from the caller's EffectTools. */
    public Step raw(List<String> argv, List<List<String>> undo, Set<String> links, List<dev.vzbridge.api.plan.Effect> effects) {
        return w(base.raw(argv, undo, links, effects));
    }
}
