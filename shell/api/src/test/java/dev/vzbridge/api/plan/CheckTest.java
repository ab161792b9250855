package dev.vzbridge.api.plan;

import dev.vzbridge.api.host.Address;
import dev.vzbridge.api.host.Container;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Link;
import dev.vzbridge.api.host.Route;
import dev.vzbridge.api.net.Cidr;
import dev.vzbridge.api.net.Destination;
import dev.vzbridge.api.net.IpAddress;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Typed checks verify themselves against one observation. */
class CheckTest {
    private static final HostState NODE = new HostState(
        List.of(new Link("eth0", 2, "ether", "br0", true, "52:54:00:00:00:02", null, "forwarding"),
            new Link("br0", 3, "bridge", null, true, "52:54:00:00:00:02", null, null),
            new Link("eth1", 4, "ether", null, false, "52:54:00:00:00:03", null, null)),
        List.of(new Address("br0", "10.0.0.2/24", "global")),
        List.of(new Route("default", "10.0.0.1", "br0", "boot", null, null, null),
            new Route("10.0.0.0/24", null, "br0", "kernel", "link", null, null),
            new Route("203.0.113.195", null, "br0", "boot", "link", null, null)),
        List.of(new Container("101", true, List.of(new Link("eth0", 2, "veth", null, true, null, null, null)),
            List.of(new Address("eth0", "203.0.113.195/26", "global")), List.of())));

    @Test
    void linkMastersAreAnyNoneOrOneBridge() {
        assertTrue(Check.Link.present(null, "eth0").holds(NODE));
        assertTrue(Check.Link.portOf(null, "eth0", "br0").holds(NODE));
        assertFalse(Check.Link.portOf(null, "eth0", "br1").holds(NODE));
        assertFalse(Check.Link.noMaster(null, "eth0").holds(NODE));
        assertTrue(Check.Link.noMaster(null, "eth1").holds(NODE));
        assertTrue(Check.Link.absent(null, "veth101.0").holds(NODE));
        assertFalse(Check.Link.absent(null, "br0").holds(NODE));
        assertTrue(Check.Link.noMaster("101", "eth0").holds(NODE), "a container's own view");
        assertFalse(Check.Link.present("102", "eth0").holds(NODE), "an unobserved container has nothing");
        assertEquals(Check.Master.ANY, new Check.Link(null, "x", true, null).master(), "null means any, once, at the edge");
    }

    @Test
    void addressesCompareAsPrefixesNotText() {
        assertTrue(new Check.Address(null, "br0", Cidr.parse("10.0.0.2/255.255.255.0"), true).holds(NODE));
        assertFalse(new Check.Address(null, "br0", Cidr.parse("10.0.0.2/25"), true).holds(NODE));
        assertTrue(new Check.Address(null, "eth0", Cidr.parse("10.0.0.2/24"), false).holds(NODE));
        assertTrue(new Check.Address("101", "eth0", Cidr.parse("203.0.113.195/26"), true).holds(NODE));
        assertThrows(IllegalArgumentException.class, () -> new Check.Address(null, "br0", null, true));
    }

    @Test
    void routesMatchDestinationGatewayAndDevice() {
        assertTrue(Check.Route.defaultVia(null, "10.0.0.1", "br0").holds(NODE));
        assertFalse(Check.Route.defaultVia(null, "10.0.0.1", "eth0").holds(NODE));
        assertFalse(Check.Route.defaultVia(null, "10.0.0.254", "br0").holds(NODE));
        assertTrue(new Check.Route(null, Destination.DEFAULT, null, null, true).holds(NODE), "any gateway, any device");
        assertTrue(new Check.Route(null, Destination.parse("203.0.113.195/32"), null, "br0", true).holds(NODE),
            "a host route matches with or without its full prefix");
        assertTrue(new Check.Route(null, Destination.parse("10.0.0.0/24"), null, "eth1", false).holds(NODE));
        assertFalse(new Check.Route(null, Destination.parse("10.0.0.0/24"), null, "br0", false).holds(NODE));
        assertFalse(Destination.parse("10.0.0.0/24").matches("default"));
        assertThrows(IllegalArgumentException.class, () -> new Check.Route(null, null, null, "br0", true));
    }

    @Test
    void everyCheckKindIsEitherAStateFactOrAPing() {
        for (Class<?> kind : Check.class.getPermittedSubclasses()) {
            boolean state = kind == Check.OfState.class;
            boolean ping = kind == Check.Ping.class;
            assertTrue(state || ping, kind + " would have no way to be verified");
        }
        assertEquals("CT 101 reaches 10.0.0.2", Check.Ping.of("101", "10.0.0.2").describe());
        assertEquals(IpAddress.parse("10.0.0.2"), Check.Ping.of(null, "10.0.0.2").target());
    }
}
