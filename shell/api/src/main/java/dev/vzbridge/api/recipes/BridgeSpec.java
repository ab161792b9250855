package dev.vzbridge.api.recipes;

import dev.vzbridge.api.net.Cidr;

import java.util.List;

/**
 * A bridge over an uplink NIC, as asked.
 *
 * @param bridge       the bridge (created when missing)
 * @param nic          the uplink it bridges
 * @param addresses    addresses the bridge gets; null means the NIC's own
 * @param gateway      default route via this gateway on the bridge; null keeps the NIC's routes
 * @param moveRoutes   re-create the NIC's routes on the bridge (false: they leave the NIC and
 *                     go elsewhere, as when a second NIC carries the node's own traffic)
 * @param stp          STP on/off; null keeps an existing bridge's setting (new bridge: off)
 * @param forwardDelay seconds; null keeps an existing bridge's setting (new bridge: 0)
 * @param mac          "nic" (pin the bridge's MAC to the NIC's), "auto" (leave it), or a MAC
 */
public record BridgeSpec(String bridge, String nic, List<Cidr> addresses, String gateway, boolean moveRoutes,
                         Boolean stp, Integer forwardDelay, String mac) {
    public static final String MAC_NIC = "nic";
    public static final String MAC_AUTO = "auto";

    /** Kernel defaults for a new bridge (iproute2 and brctl alike). */
    public static final int KERNEL_FORWARD_DELAY = 15;

    public BridgeSpec {
        if (addresses != null) addresses = List.copyOf(addresses);
        if (mac == null) mac = MAC_NIC;
    }
}
