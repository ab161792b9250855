package dev.vzbridge.dualnic;

import dev.vzbridge.api.net.Cidr;

/** The sentences that say which NIC carries what, shared by setup's notes and show. */
final class TrafficPaths {
    private TrafficPaths() {
    }

    /** "node → 10.0.0.1 via eth1; CTs on br0 → eth0" */
    static String summary(String local, String gateway, String bridge, String external) {
        return "node → " + gateway + " via " + local + "; CTs on " + bridge + " → " + external;
    }

    /** Whether the node and the containers on the bridge can reach each other, and why not. */
    static String nodeToContainers(String bridge, String local, Cidr bridgeAddress) {
        if (bridgeAddress == null) return "node ↔ CTs: not possible: " + reasonWithoutAddress(bridge, local);
        return "node ↔ CTs: through " + bridge + " (" + bridgeAddress + "); for CT addresses outside "
            + bridgeAddress.subnet() + " attach with 'ct attach … --host-route'";
    }

    static String reasonWithoutAddress(String bridge, String local) {
        return bridge + " has no address, so the node has no route to the containers (its own traffic leaves via "
            + local + ") and no address they could answer to; add one with 'dualnic setup … --bridge-address CIDR'";
    }
}
