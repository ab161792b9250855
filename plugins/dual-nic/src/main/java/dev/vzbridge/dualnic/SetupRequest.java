package dev.vzbridge.dualnic;

import dev.vzbridge.api.command.UsageException;
import dev.vzbridge.api.net.Cidr;
import dev.vzbridge.api.net.IpAddress;
import dev.vzbridge.api.recipes.Inputs;

import java.util.List;

/**
 * The arguments of {@code dualnic setup}, checked without looking at the node. Names,
 * address syntax and on/off were checked as picocli read them; here what takes two
 * of them: the gateway inside the local subnet, the local subnet apart from the
 * bridge's. Everything here fails before any host command runs.
 *
 * @param bridgeAddress null when the bridge gets no address (then the node cannot reach the CTs)
 * @param stp           null keeps an existing bridge's setting (new bridge: off)
 * @param forwardDelay  null keeps an existing bridge's setting (new bridge: 0)
 * @param hostRoute     the admin will attach containers with --host-route (needs a bridge address)
 * @param dad           probe the segments for another owner of the addresses first
 */
public record SetupRequest(String external, String local, String bridge, Cidr localAddress, String gateway,
                           Cidr bridgeAddress, Boolean stp, Integer forwardDelay, boolean hostRoute, boolean dad) {
    /** Longest forward delay the kernel accepts, in seconds. */
    static final int MAX_FORWARD_DELAY = 30;

    public static SetupRequest of(String external, String local, String bridge, Cidr localCidr, IpAddress gateway,
                                  Cidr bridgeCidr, Boolean stpOn, Integer forwardDelay, boolean hostRoute, boolean dad) {
        if (external.equals(local))
            throw new UsageException("--external and --local are both " + external + "; the dual-NIC setup needs two different NICs");
        if (bridge.equals(external)) throw new UsageException("--bridge " + bridge + " is the external NIC itself; name a new bridge, e.g. br0");
        if (bridge.equals(local)) throw new UsageException("--bridge " + bridge + " is the local NIC; name a new bridge, e.g. br0");

        String gw = Inputs.gateway("--gateway", gateway, List.of(localCidr)).toString();
        if (localCidr.isV6() != gw.contains(":"))
            throw new UsageException("--gateway " + gw + " and --local-address " + localCidr + " are of different IP versions");
        if (bridgeCidr != null) {
            if (bridgeCidr.address().equals(localCidr.address()))
                throw new UsageException("--bridge-address " + bridgeCidr.address() + " is the --local-address; the bridge needs an address of its own");
            if (bridgeCidr.overlaps(localCidr))
                throw new UsageException("--bridge-address " + bridgeCidr + " overlaps the local subnet " + localCidr.subnet()
                    + "; the node could not tell which NIC reaches it (use an address of the containers' subnet)");
        }
        if (hostRoute && bridgeCidr == null)
            throw new UsageException("--host-route needs --bridge-address: in a dual-NIC setup the node's own address is on "
                + local + ", so without an address on " + bridge + " the node has no end for the routes to the containers");

        if (forwardDelay != null) {
            boolean on = Boolean.TRUE.equals(stpOn);
            Inputs.seconds("--forward-delay", forwardDelay, on ? 2 : 0, MAX_FORWARD_DELAY);
        }
        return new SetupRequest(external, local, bridge, localCidr, gw, bridgeCidr, stpOn, forwardDelay, hostRoute, dad);
    }

}
