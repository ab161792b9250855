package dev.vzbridge.engine;

import dev.vzbridge.api.host.Address;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Link;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LinkLocalRepairTest {
    private static Link link(String name) {
        return new Link(name, 2, "ether", null, true, "02:00:00:00:00:01", null, null);
    }

    @Test
    void findsOnlyLinkLocalAddressesLostOnLinksThatStillExist() {
        Address ll = new Address("eth0", "fe80::1/64", "link");
        Address gone = new Address("veth9", "fe80::9/64", "link");
        Address v4 = new Address("eth0", "10.0.0.2/24", "global");
        HostState before = new HostState(List.of(link("eth0"), link("veth9")), List.of(ll, gone, v4), List.of(), List.of());
        HostState now = new HostState(List.of(link("eth0")), List.of(), List.of(), List.of());

        // The IPv4 address is the rollback's business, the deleted veth's address went with it.
        assertEquals(List.of(ll), LinkLocalRepair.missing(before, now));
    }

    @Test
    void nothingMissingWhenTheAddressIsStillThere() {
        Address ll = new Address("eth0", "fe80::1/64", "link");
        HostState state = new HostState(List.of(link("eth0")), List.of(ll), List.of(), List.of());
        assertEquals(List.of(), LinkLocalRepair.missing(state, state));
    }
}
