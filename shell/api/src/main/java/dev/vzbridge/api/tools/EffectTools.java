package dev.vzbridge.api.tools;

import dev.vzbridge.api.host.Route;
import dev.vzbridge.api.net.Cidr;
import dev.vzbridge.api.plan.Effect;
import dev.vzbridge.api.plan.Step;

/**
 * Gives every intent of a tool flavour its typed effect, once for all flavours:
 * the flavour spells argv, this says what the step does to the state of one view
 * (the node's, or a container's). The shell hands plugins tools wrapped this way.
 */
public class EffectTools implements NetTools {
    private final NetTools commands;
    private final String ct;

    /** @param ct null for the node, else the container the commands run in */
    public EffectTools(NetTools commands, String ct) {
        this.commands = commands;
        this.ct = ct;
    }

    /** The flavour without effects, e.g. to wrap its argv for another place. */
    public NetTools commands() {
        return commands;
    }

    private Step s(Step step, Effect effect) {
        return new Step(step.apply(), step.undo(), step.links(), java.util.List.of(effect));
    }

    public String flavour() {
        return commands.flavour();
    }

    public Step addBridge(String bridge) {
        return s(commands.addBridge(bridge), Effect.LinkAdded.bridge(ct, bridge));
    }

    public Step deleteBridge(String bridge, boolean stp, int forwardDelay, String mac) {
        return s(commands.deleteBridge(bridge, stp, forwardDelay, mac), new Effect.LinkRemoved(ct, bridge));
    }

    public Step setStp(String bridge, boolean on, boolean previous) {
        return s(commands.setStp(bridge, on, previous), new Effect.StpSet(ct, bridge, on));
    }

    public Step setForwardDelay(String bridge, int seconds, int previous) {
        return s(commands.setForwardDelay(bridge, seconds, previous), new Effect.ForwardDelaySet(ct, bridge, seconds));
    }

    public Step setMac(String dev, String mac, String previous) {
        return s(commands.setMac(dev, mac, previous), new Effect.MacSet(ct, dev, mac));
    }

    public Step enslave(String port, String bridge) {
        return s(commands.enslave(port, bridge), new Effect.Enslaved(ct, port, bridge));
    }

    public Step release(String port, String bridge) {
        return s(commands.release(port, bridge), new Effect.Released(ct, port));
    }

    public Step up(String dev, boolean wasUp) {
        return s(commands.up(dev, wasUp), new Effect.LinkSet(ct, dev, true));
    }

    public Step down(String dev, boolean wasUp) {
        return s(commands.down(dev, wasUp), new Effect.LinkSet(ct, dev, false));
    }

    public Step addAddress(String dev, Cidr address) {
        return s(commands.addAddress(dev, address), new Effect.AddressAdded(ct, dev, address));
    }

    public Step deleteAddress(String dev, Cidr address) {
        return s(commands.deleteAddress(dev, address), new Effect.AddressRemoved(ct, dev, address));
    }

    public Step addRoute(Route route) {
        return s(commands.addRoute(route), new Effect.RouteAdded(ct, route));
    }

    public Step deleteRoute(Route route) {
        return s(commands.deleteRoute(route), new Effect.RouteRemoved(ct, route));
    }

    /** The flavour's raw step, its effects in this view. */
    @Override
    public Step raw(java.util.List<String> argv, java.util.List<java.util.List<String>> undo, java.util.Set<String> links,
                    java.util.List<Effect> effects) {
        Step step = commands.raw(argv, undo, links, java.util.List.of());
        return new Step(step.apply(), step.undo(), step.links(), effects.stream().map(e -> e.in(ct)).toList());
    }
}
