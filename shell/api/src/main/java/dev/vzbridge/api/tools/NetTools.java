package dev.vzbridge.api.tools;

import dev.vzbridge.api.host.Route;
import dev.vzbridge.api.net.Cidr;
import dev.vzbridge.api.plan.Effect;
import dev.vzbridge.api.plan.Step;

import java.util.List;
import java.util.Set;

/**
 * Network intents turned into steps for the selected tool flavour (iproute2 or
 * the legacy brctl/ifconfig/route). Every step carries the exact undo and its
 * typed effect ({@link dev.vzbridge.api.plan.Effect}: link added, port enslaved,
 * address added, …), so planners never spell argv themselves and never describe
 * the state their plan leads to by hand. Arguments named {@code previous*} are
 * the observed values the undo restores. For a command no intent covers, see
 * {@link #raw}.
 */
public interface NetTools {
    /** "iproute2" or "legacy". */
    String flavour();

    Step addBridge(String bridge);

    /** Deletes an empty, down bridge; the undo recreates it with these settings. */
    Step deleteBridge(String bridge, boolean stp, int forwardDelay, String mac);

    Step setStp(String bridge, boolean on, boolean previous);

    Step setForwardDelay(String bridge, int seconds, int previous);

    Step setMac(String dev, String mac, String previous);

    Step enslave(String port, String bridge);

    Step release(String port, String bridge);

    /** Brings dev up; the undo brings it down again only when it was down before. */
    Step up(String dev, boolean wasUp);

    Step down(String dev, boolean wasUp);

    Step addAddress(String dev, Cidr address);

    Step deleteAddress(String dev, Cidr address);

    Step addRoute(Route route);

    Step deleteRoute(Route route);

    /**
     * A command no intent covers (a vlan, a bond, …) as a step: its argv, the argv
     * lists that undo it, the node links it touches and what it does to the state.
     * Run where these tools run: inside a container its argv is wrapped and its
     * effects are in the container's view. Spell argv for {@link #flavour()}.
     */
    default Step raw(List<String> argv, List<List<String>> undo, Set<String> links, List<Effect> effects) {
        return Step.raw(argv, undo, links, effects.toArray(Effect[]::new));
    }
}
