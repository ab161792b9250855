package dev.vzbridge.api.tools;

import dev.vzbridge.api.net.Cidr;
import dev.vzbridge.api.plan.Step;

import java.util.List;

/**
 * What vzctl does in the recipe, for any runtime: add and remove a container's
 * veth, and run network intents inside a container.
 */
public interface ContainerRuntime {
    /** "vzctl" or "netns". */
    String name();

    /** Why no container can be worked with (the runtime is not installed), or empty when it can. */
    default java.util.Optional<String> unavailable() {
        return java.util.Optional.empty();
    }

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

    /** The OpenVZ generation whose forms and files this node follows (save writes for it). */
    default OpenVz openvz() {
        return OpenVz.LEGACY;
    }

    /**
     * Whether the runtime itself puts a CT interface on its bridge and gives it its
     * addresses and gateway (OpenVZ 7: NETIF network=, ip=, gw=, applied to a running
     * CT too). Then an attach plans {@link #configureVeth} instead of commands inside
     * the CT, and a detach only removes the interface.
     */
    default boolean configuresNatively() {
        return false;
    }

    /**
     * The runtime's own configuration of a freshly added interface: bridge, addresses
     * and gateway, saved and applied; its undo clears them again. Only where
     * {@link #configuresNatively()}.
     */
    default Step configureVeth(String ctid, String ifname, String bridge, List<Cidr> addresses, String gateway) {
        throw new UnsupportedOperationException(name() + " does not configure container interfaces itself");
    }
}
