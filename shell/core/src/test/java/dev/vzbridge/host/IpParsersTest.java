package dev.vzbridge.host;

import dev.vzbridge.api.host.Address;
import dev.vzbridge.api.host.BridgeInfo;
import dev.vzbridge.api.host.Link;
import dev.vzbridge.api.host.Route;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** JSON and text forms of iproute2 6.1 output (recorded from one namespace) and of an old iproute2. */
class IpParsersTest {
    private static final List<List<Object>> BATCH;

    static {
        try {
            BATCH = IpJson.arrays(Samples.read("batch-6.1.json"));
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Test
    void jsonBatchHasLinksAddressesAndRoutes() {
        assertEquals(3, BATCH.size());
        List<Link> links = IpJson.links(BATCH.get(0));
        Link br = links.stream().filter(l -> l.name().equals("br0")).findFirst().orElseThrow();
        assertEquals("bridge", br.kind());
        assertEquals(new BridgeInfo(true, 4), br.bridge(), "forward_delay 400 cs is 4 s");
        assertEquals("02:00:0a:00:00:02", br.mac());
        assertTrue(br.up());
        Link eth0 = links.stream().filter(l -> l.name().equals("eth0")).findFirst().orElseThrow();
        assertEquals("veth", eth0.kind());
        assertEquals("br0", eth0.master());
        assertEquals(10, eth0.index());
        assertTrue(List.of("listening", "learning", "forwarding", "blocking").contains(eth0.portState()), eth0.portState());
        assertEquals("loopback", links.get(0).kind());
    }

    @Test
    void jsonAddressesAndMainTableRoutes() {
        List<Address> addrs = IpJson.addresses(BATCH.get(1));
        assertTrue(addrs.contains(new Address("br0", "10.0.0.2/24", "global")));
        assertTrue(addrs.contains(new Address("br0", "fd00:1::2/64", "global")));
        assertTrue(addrs.contains(new Address("lo", "127.0.0.1/8", "host")));
        List<Route> routes = IpJson.routes(BATCH.get(2));
        assertTrue(routes.contains(new Route("default", "10.0.0.1", "br0", null, null, null, null)));
        assertTrue(routes.contains(new Route("203.0.113.195/32", null, "br0", null, "link", null, null)), "host route gets /32");
        assertTrue(routes.contains(new Route("192.0.2.0/24", "10.0.0.1", "br0", "static", null, 7, null)));
        assertTrue(routes.contains(new Route("10.0.0.0/24", null, "br0", "kernel", "link", null, "10.0.0.2")));
        assertTrue(routes.stream().noneMatch(r -> r.dst().startsWith("127.") || r.dst().startsWith("ff00")), "local table left out");
        assertTrue(routes.stream().anyMatch(r -> r.dst().equals("fd00:1::/64") && r.metric() == 256));
    }

    @Test
    void textOf61MatchesItsJson() {
        List<Link> text = IpText.links(Samples.read("link-o-d-6.1.txt"));
        assertEquals(IpJson.links(BATCH.get(0)), text);
        assertEquals(new HashSet<>(IpJson.addresses(BATCH.get(1))), new HashSet<>(IpText.addresses(Samples.read("addr-o-6.1.txt"))));
        List<Route> routes = new java.util.ArrayList<>(IpText.routes(Samples.read("route-6.1.txt")));
        routes.addAll(IpText.routes(Samples.read("route6-6.1.txt")));
        assertEquals(new HashSet<>(IpJson.routes(BATCH.get(2))), new HashSet<>(routes));
    }

    @Test
    void oldTextWithSysfs() {
        List<Link> links = IpText.links(Samples.read("link-o-old.txt"));
        assertEquals(6, links.size());
        Link br = links.stream().filter(l -> l.name().equals("br0")).findFirst().orElseThrow();
        assertEquals("ether", br.kind(), "old -d names no kind");
        assertNull(br.bridge());
        assertEquals("void", links.get(3).kind());
        assertFalse(links.get(5).up());
        List<String> files = IpText.sysfsFiles(links);
        assertTrue(files.contains("/sys/class/net/br0/bridge/stp_state"));
        assertFalse(files.stream().anyMatch(f -> f.contains("/lo/")));

        List<Link> full = IpText.applySysfs(links, Samples.read("sysfs-old.txt"));
        Link br2 = full.stream().filter(l -> l.name().equals("br0")).findFirst().orElseThrow();
        assertEquals("bridge", br2.kind());
        assertEquals(new BridgeInfo(false, 15), br2.bridge());
        Link veth = full.stream().filter(l -> l.name().equals("veth101.0")).findFirst().orElseThrow();
        assertEquals("br0", veth.master());
        assertEquals("listening", veth.portState());
        assertEquals("forwarding", full.get(1).portState());
        assertEquals("00:18:51:aa:bb:cc", veth.mac());
    }

    @Test
    void oldAddressesAndRoutes() {
        List<Address> addrs = IpText.addresses(Samples.read("addr-o-old.txt"));
        assertEquals(List.of(
            new Address("lo", "127.0.0.1/8", "host"),
            new Address("lo", "::1/128", "host"),
            new Address("br0", "10.0.0.2/24", "global"),
            new Address("br0", "10.0.0.3/24", "global"),
            new Address("venet0", "127.0.0.2/32", "host"),
            new Address("br0", "fe80::216:3eff:fe11:2233/64", "link")), addrs);
        assertEquals(List.of(
            new Route("10.0.0.0/24", null, "br0", "kernel", "link", null, "10.0.0.2"),
            new Route("203.0.113.195/32", null, "br0", null, "link", null, null),
            new Route("169.254.0.0/16", null, "br0", null, "link", 1003, null),
            new Route("default", "10.0.0.1", "br0", null, null, null, null)), IpText.routes(Samples.read("route-old.txt")));
        List<Route> v6 = IpText.routes(Samples.read("route6-old.txt"));
        assertEquals(2, v6.size(), "unreachable ::/96 is not a route through a device");
        assertEquals(new Route("default", "fe80::1", "br0", "kernel", null, 1024, null), v6.get(1));
        assertTrue(v6.get(1).isV6());
    }

    @Test
    void portStateNumbersAndRouteDestinations() {
        assertEquals("forwarding", IpValues.name("3"));
        assertEquals("blocking", IpValues.name("4"));
        assertEquals("disabled", IpValues.name("disabled"));
        assertEquals(15, IpValues.seconds(1500));
        assertEquals("2001:db8::1/128", IpValues.cidrOf("2001:db8::1"));
        assertEquals("default", IpValues.cidrOf("default"));
    }

    @Test
    void nonJsonIsRejected() {
        assertThrows(Exception.class, () -> IpJson.arrays("1: lo: <LOOPBACK> mtu 65536"));
    }
}
