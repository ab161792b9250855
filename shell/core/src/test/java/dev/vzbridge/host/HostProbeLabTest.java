package dev.vzbridge.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vzbridge.api.host.Address;
import dev.vzbridge.api.host.Container;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Link;
import dev.vzbridge.api.host.Route;
import dev.vzbridge.lab.Lab;
import dev.vzbridge.testkit.LabTest;
import dev.vzbridge.tools.Iproute2Tools;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@LabTest
class HostProbeLabTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A bridge with STP and a 4 s delay over eth0, a CT veth, IPv6 and a host route: every kind of object. */
    private static void furnish(Lab lab) {
        String hn = lab.nodeNetns();
        lab.run(hn, "ip", "link", "add", "br0", "type", "bridge", "stp_state", "1", "forward_delay", "400");
        lab.run(hn, "ip", "link", "set", "eth0", "master", "br0");
        lab.run(hn, "ip", "link", "set", "br0", "up");
        lab.run(hn, "ip", "-6", "addr", "add", "fd00:1::2/64", "dev", "br0");
        lab.run(hn, "ip", "link", "add", "veth101.0", "type", "veth", "peer", "name", "eth0", "netns", lab.ctNetns("101"));
        lab.run(hn, "ip", "route", "add", "203.0.113.195", "dev", "br0");
        lab.run(hn, "ip", "route", "add", "192.0.2.0/24", "via", "10.0.0.1", "dev", "eth0", "metric", "7");
        lab.run(lab.ctNetns("101"), "ip", "addr", "add", "203.0.113.195/26", "dev", "eth0");
        lab.run(lab.ctNetns("101"), "ip", "link", "set", "eth0", "up");
    }

    private static HostState observe(Lab lab, boolean text) {
        var runtime = new NetnsRuntime(lab.nodeRunner(), lab.ctNetnsPattern(), new Iproute2Tools());
        HostProbe probe = text ? HostProbe.textOnly(lab.nodeRunner(), runtime) : new HostProbe(lab.nodeRunner(), runtime);
        HostState h = probe.observe(null);
        if (!text) {
            assertEquals(java.util.Optional.of(true), probe.readJson(""), "this iproute2 speaks JSON");
            assertEquals(java.util.Optional.of(true), probe.readJson("101"));
        }
        return h;
    }

    /** --per-command: each container is read once, and again only when an observation names it. */
    @Test
    void keptViewsAreReadOnceAndAgainOnlyWhenNamed(Lab lab) {
        var rec = new dev.vzbridge.testkit.RecordingRunner(lab.nodeRunner());
        HostProbe probe = new HostProbe(rec, new NetnsRuntime(rec, lab.ctNetnsPattern(), new Iproute2Tools()));
        String ct = lab.ctNetns("101");
        java.util.function.IntSupplier reads = () -> (int) rec.commands().stream()
            .filter(c -> c.startsWith("ip -n " + ct + " ")).count();
        java.util.function.Predicate<HostState> seesNew = h -> h.container("101").orElseThrow().addresses().stream()
            .anyMatch(a -> a.cidr().equals("10.9.9.9/32"));
        probe.keepContainerViews(true);
        probe.observe(null);
        assertEquals(1, reads.getAsInt(), rec.commands().toString());
        lab.run(ct, "ip", "addr", "add", "10.9.9.9/32", "dev", "lo");
        assertFalse(seesNew.test(probe.observe(null)), "not named: the kept view serves");
        assertEquals(1, reads.getAsInt());
        assertTrue(seesNew.test(probe.observe(List.of("101"))), "named: read again");
        assertEquals(2, reads.getAsInt());
        assertTrue(seesNew.test(probe.observe(null)), "and kept as read");
        assertEquals(2, reads.getAsInt());
        probe.keepContainerViews(false);
        assertTrue(seesNew.test(probe.observe(null)));
        assertEquals(3, reads.getAsInt(), "off: every observation reads everything");
    }

    /**
     * The node is read beside the containers, not before them: its read waits (up to 20 s, a safety net)
     * for a container's read to have begun, which only happens when they run side by side.
     */
    @Test
    void theNodeIsReadBesideTheContainers(Lab lab) {
        String ct = lab.ctNetns("101");
        java.util.concurrent.CountDownLatch ctRead = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean overlapped = new java.util.concurrent.atomic.AtomicBoolean();
        dev.vzbridge.exec.CommandRunner watching = new dev.vzbridge.exec.CommandRunner() {
            @Override
            public dev.vzbridge.exec.ExecResult run(List<String> argv, String stdin, java.time.Duration timeout) {
                boolean ofCt = String.join(" ", argv).startsWith("ip -n " + ct + " ");
                if (ofCt) ctRead.countDown();
                if (!ofCt && argv.contains("-j")) { // the node's read
                    try {
                        if (ctRead.await(20, java.util.concurrent.TimeUnit.SECONDS)) overlapped.set(true);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return lab.nodeRunner().run(argv, stdin, timeout);
            }
        };
        HostState h = new HostProbe(watching, new NetnsRuntime(watching, lab.ctNetnsPattern(), new Iproute2Tools()))
            .observe(null);
        assertTrue(overlapped.get(), "a container's read began while the node's waited");
        assertTrue(h.link("eth0").isPresent() && h.container("101").isPresent(), "both read in full");
    }

    @Test
    void matchesWhatIpShows(Lab lab) throws Exception {
        furnish(lab);
        HostState h = observe(lab, false);
        JsonNode links = MAPPER.readTree(lab.run(lab.nodeNetns(), "ip", "-j", "link", "show"));
        Set<String> expected = new TreeSet<>();
        for (JsonNode l : links) expected.add(l.get("ifname").asText() + "@" + l.get("ifindex").asInt() + ">" + l.path("master").asText("-"));
        Set<String> seen = new TreeSet<>();
        for (Link l : h.links()) seen.add(l.name() + "@" + l.index() + ">" + (l.master() == null ? "-" : l.master()));
        assertEquals(expected, seen);

        JsonNode addrs = MAPPER.readTree(lab.run(lab.nodeNetns(), "ip", "-j", "addr", "show"));
        Set<String> expectedAddrs = new TreeSet<>();
        for (JsonNode l : addrs)
            for (JsonNode a : l.get("addr_info")) expectedAddrs.add(l.get("ifname").asText() + " " + a.get("local").asText() + "/" + a.get("prefixlen").asInt());
        Set<String> seenAddrs = new TreeSet<>();
        for (Address a : h.addresses()) seenAddrs.add(a.dev() + " " + a.cidr());
        assertEquals(expectedAddrs, seenAddrs);

        Link br = h.link("br0").orElseThrow();
        assertEquals("bridge", br.kind());
        assertNotNull(br.bridge());
        assertTrue(br.bridge().stp());
        assertEquals(4, br.bridge().forwardDelay());
        Link eth0 = h.link("eth0").orElseThrow();
        assertEquals("br0", eth0.master());
        assertTrue(Set.of("listening", "learning", "forwarding").contains(eth0.portState()), eth0.portState());
        String sysfsState = lab.run(lab.nodeNetns(), "cat", "/sys/class/net/eth0/brport/state").strip();
        assertTrue(Set.of("1", "2", "3").contains(sysfsState));
        assertEquals("veth", h.link("veth101.0").orElseThrow().kind());

        assertTrue(h.routes().contains(new Route("203.0.113.195/32", null, "br0", null, "link", null, null)), h.routes().toString());
        assertTrue(h.routes().contains(new Route("192.0.2.0/24", "10.0.0.1", "eth0", null, null, 7, null)), h.routes().toString());
        assertTrue(h.routes().stream().anyMatch(r -> r.dst().equals("fd00:1::/64") && "br0".equals(r.dev())));
        assertTrue(h.addressesOf("br0").stream().anyMatch(a -> a.cidr().equals("fd00:1::2/64") && a.isV6()));

        Container ct = h.container("101").orElseThrow();
        assertTrue(ct.running());
        assertTrue(ct.addressesOf("eth0").stream().anyMatch(a -> a.cidr().equals("203.0.113.195/26")));
        assertTrue(ct.link("eth0").orElseThrow().up());
        assertFalse(h.container("102").orElseThrow().links().isEmpty(), "CT 102 has its lo");
    }

    @Test
    void textFallbackSeesTheSameAsJson(Lab lab) {
        furnish(lab);
        HostState json = observe(lab, false);
        HostState text = observe(lab, true);
        assertEquals(withoutMacOfLo(json.links()), withoutMacOfLo(text.links()));
        assertEquals(new HashSet<>(json.addresses()), new HashSet<>(text.addresses()));
        assertEquals(new HashSet<>(json.routes()), new HashSet<>(text.routes()));
        assertEquals(json.containers(), text.containers());
    }

    private static List<Link> withoutMacOfLo(List<Link> links) {
        return links.stream().map(l -> l.isLoopback() ? new Link(l.name(), l.index(), l.kind(), l.master(), l.up(), null, null, null) : l).toList();
    }
}
