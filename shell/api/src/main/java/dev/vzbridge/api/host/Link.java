package dev.vzbridge.api.host;

/**
 * A network interface as observed.
 *
 * @param kind      "bridge", "veth", "ether" (plain NIC), "loopback", or another iproute2 kind
 * @param master    the bridge this link is a port of, or null
 * @param bridge    bridge settings when kind is "bridge", else null
 * @param portState STP port state ("forwarding", "learning", "listening", "blocking", "disabled") when a port, else null
 */
public record Link(String name, int index, String kind, String master, boolean up, String mac,
                   BridgeInfo bridge, String portState) {
    public boolean isBridge() {
        return "bridge".equals(kind);
    }

    public boolean isVeth() {
        return "veth".equals(kind);
    }

    public boolean isLoopback() {
        return "loopback".equals(kind) || "lo".equals(name);
    }
}
