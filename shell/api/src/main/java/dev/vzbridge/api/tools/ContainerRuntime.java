package dev.vzbridge.api.tools;

import dev.vzbridge.api.plan.Step;

/**
 * What vzctl does in the recipe, for any runtime: add and remove a container's
 * veth, and run network intents inside a container.
 */
public interface ContainerRuntime {
    /** "vzctl" or "netns". */
    String name();

    /** The host end's name for a container interface, e.g. CT 101 eth0 → veth101.0. */
    String hostIfname(String ctid, String ifname);

    /**
     * Adds a veth pair: {@code ifname} inside the CT, {@link #hostIfname} on the node,
     * recording {@code bridge} where the runtime keeps config (vzctl's NETIF).
     * Does not enslave the host end; use {@link NetTools#enslave}. mac may be null.
     */
    Step addVeth(String ctid, String ifname, String bridge, String mac);

    /** Removes the pair; the undo re-adds it (addresses inside are the planner's business). */
    Step removeVeth(String ctid, String ifname, String bridge, String mac);

    /** Intents whose commands run inside the container. */
    NetTools inside(String ctid);
}
