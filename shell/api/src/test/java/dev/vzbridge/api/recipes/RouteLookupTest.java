package dev.vzbridge.api.recipes;

import dev.vzbridge.api.host.Address;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Route;
import dev.vzbridge.api.net.IpAddress;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RouteLookupTest {
    static final HostState DUAL = new HostState(List.of(),
        List.of(new Address("eth1", "10.0.0.2/24", "global"), new Address("br0", "203.0.113.194/26", "global")),
        List.of(new Route("default", "10.0.0.1", "eth1", "boot", null, null, null),
            new Route("198.51.100.7/32", null, "br0", "boot", "link", null, null),
            new Route("198.51.100.0/24", "10.0.0.254", "eth1", "static", null, 200, null),
            new Route("198.51.100.0/24", "10.0.0.253", "eth1", "static", null, 100, null)),
        List.of());

    static Optional<String> dev(String ip) {
        return RouteLookup.deviceTo(DUAL, IpAddress.parse(ip));
    }

    @Test
    void theLongestPrefixWinsAndAddressSubnetsCountAsRoutes() {
        assertEquals(Optional.of("eth1"), dev("10.0.0.1"));
        assertEquals(Optional.of("br0"), dev("203.0.113.195"));
        assertEquals(Optional.of("br0"), dev("198.51.100.7"));
        assertEquals(Optional.of("eth1"), dev("192.0.2.1"), "the default route");
    }

    @Test
    void equalPrefixesGoToTheLowestMetric() {
        assertEquals("10.0.0.253", RouteLookup.to(DUAL, IpAddress.parse("198.51.100.9")).orElseThrow().via());
    }

    @Test
    void withoutADefaultRouteOtherAddressesHaveNoRoute() {
        HostState bare = new HostState(List.of(), List.of(new Address("eth1", "10.0.0.2/24", "global")), List.of(), List.of());
        assertEquals(Optional.empty(), RouteLookup.deviceTo(bare, IpAddress.parse("192.0.2.1")));
        assertEquals(Optional.empty(), RouteLookup.deviceTo(DUAL, IpAddress.parse("2001:db8::1")), "no IPv6 default route");
    }
}
