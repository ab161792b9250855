package dev.vzbridge.api.recipes;

import dev.vzbridge.api.net.Cidr;

import java.util.List;

/**
 * A container interface on a bridge, as asked.
 *
 * @param ctid      the container
 * @param ifname    the interface inside it, e.g. eth0
 * @param bridge    the node's bridge the host end joins
 * @param addresses addresses inside the container (may be empty)
 * @param gateway   the container's default route, or null
 * @param hostRoute add the node↔CT host routes (CT_IP dev BR on the node, NODE_IP dev IF inside)
 * @param mac       the container end's MAC, or null to let the runtime choose
 */
public record VethSpec(String ctid, String ifname, String bridge, List<Cidr> addresses, String gateway,
                       boolean hostRoute, String mac) {
    public VethSpec {
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
    }
}
