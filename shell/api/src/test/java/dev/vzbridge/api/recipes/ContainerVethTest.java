package dev.vzbridge.api.recipes;

import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.net.Cidr;
import dev.vzbridge.api.plan.Check;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import static dev.vzbridge.api.recipes.BridgeOverNicTest.assertMessage;
import static dev.vzbridge.api.recipes.BridgeOverNicTest.rendered;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContainerVethTest {
    static final FakeTools NODE = new FakeTools("node");
    static final FakeTools.Runtime RT = new FakeTools.Runtime();

    static SimHost bridged() {
        SimHost sim = SimHost.recipe();
        Faults.apply(sim, BridgeOverNicTest.create(sim.state()));
        return sim;
    }

    static VethSpec ct101(boolean hostRoute) {
        return new VethSpec("101", "eth0", "br0", List.of(Cidr.parse("203.0.113.195/26")), "203.0.113.193", hostRoute, null);
    }

    static Recipe attach(HostState h) {
        return ContainerVeth.attach(h, NODE, RT, ct101(true));
    }

    @Test
    void attachIsTheRecipesSequence() {
        assertEquals(List.of(
            "sim node addVeth 101 eth0 -",
            "sim node enslave veth101.0 br0",
            "sim node up veth101.0",
            "sim ct:101 up eth0",
            "sim ct:101 addAddr eth0 203.0.113.195/26",
            "sim ct:101 addRoute default 203.0.113.193 eth0 -",
            "sim node addRoute 203.0.113.195/32 - br0 -",
            "sim ct:101 addRoute 10.0.0.2/32 - eth0 -"), rendered(attach(bridged().state())));
    }

    @Test
    void attachedContainerHasItsAddressRoutesAndASecondRunPlansNothing() {
        SimHost sim = bridged();
        Recipe r = attach(sim.state());
        Faults.apply(sim, r);
        HostState h = sim.state();
        assertEquals("br0", h.link("veth101.0").orElseThrow().master());
        var ct = h.container("101").orElseThrow();
        assertEquals(List.of("203.0.113.195/26"), ct.addressesOf("eth0").stream().map(a -> a.cidr()).toList());
        assertTrue(Moves.hasRoute(ct.routes(), Moves.defaultVia("203.0.113.193", "eth0")));
        assertTrue(Moves.hasRoute(h.routes(), Moves.hostRoute(Cidr.parse("203.0.113.195/26"), "br0")));
        assertTrue(attach(h).isEmpty(), () -> rendered(attach(h)).toString());
        assertTrue(r.checks().contains(Check.Ping.of("101", "203.0.113.193")));
        assertTrue(r.checks().contains(Check.Ping.of(null, "203.0.113.195")));
        assertTrue(r.checks().contains(Check.Ping.of("101", "10.0.0.2")));
        assertTrue(r.checks().contains(new Check.PortForwarding("br0", "veth101.0")));
    }

    @Test
    void attachRollsBackExactlyFromEveryStep() {
        assertEquals(8, Faults.failAtEveryStep(ContainerVethTest::bridged, ContainerVethTest::attach));
    }

    @Test
    void detachIsTheExactInverse() {
        SimHost sim = bridged();
        HostState before = sim.state();
        Faults.apply(sim, attach(before));
        Recipe d = ContainerVeth.detach(sim.state(), NODE, RT, "101", "eth0");
        Faults.apply(sim, d);
        assertEquals(before, sim.state());
        assertTrue(ContainerVeth.detach(sim.state(), NODE, RT, "101", "eth0").isEmpty());
        Supplier<SimHost> attached = () -> {
            SimHost s = bridged();
            Faults.apply(s, attach(s.state()));
            return s;
        };
        Faults.failAtEveryStep(attached, h -> ContainerVeth.detach(h, NODE, RT, "101", "eth0"));
    }

    @Test
    void twoContainersAndASecondPairPerContainer() {
        SimHost sim = bridged();
        Faults.apply(sim, attach(sim.state()));
        VethSpec ct102 = new VethSpec("102", "eth0", "br0", List.of(Cidr.parse("203.0.113.196/26")), "203.0.113.193", true, "02:aa:00:00:01:02");
        Faults.apply(sim, ContainerVeth.attach(sim.state(), NODE, RT, ct102));
        assertEquals("02:aa:00:00:01:02", sim.state().container("102").orElseThrow().link("eth0").orElseThrow().mac());
        sim.run(FakeTools.x("node", "addBridge", "br1"));
        sim.run(FakeTools.x("node", "up", "br1"));
        sim.run(FakeTools.x("node", "addAddr", "br1", "192.168.50.1/24"));
        VethSpec second = new VethSpec("101", "eth1", "br1", List.of(Cidr.parse("192.168.50.101/24")), null, false, null);
        Recipe r = ContainerVeth.attach(sim.state(), NODE, RT, second);
        Faults.apply(sim, r);
        assertEquals("br1", sim.state().link("veth101.1").orElseThrow().master());
        assertMessage("203.0.113.196 is already used by CT 102 (eth0)", () -> ContainerVeth.attach(sim.state(), NODE, RT,
            new VethSpec("101", "eth2", "br0", List.of(Cidr.parse("203.0.113.196/26")), null, false, null)));
        assertMessage("CT 101 already has a default route via 203.0.113.193 dev eth0", () -> ContainerVeth.attach(sim.state(), NODE, RT,
            new VethSpec("101", "eth2", "br1", List.of(Cidr.parse("192.168.50.102/24")), "192.168.50.1", false, null)));
        assertMessage("CT 101 eth1 is on br1; detach it first", () -> ContainerVeth.attach(sim.state(), NODE, RT,
            new VethSpec("101", "eth1", "br0", List.of(), null, false, null)));
    }

    @Test
    void refusals() {
        SimHost sim = bridged();
        sim.run(FakeTools.x("node", "addBridge", "br9"));
        HostState h = sim.state();
        assertMessage("--host-route needs an IPv4 address on br9", () -> ContainerVeth.attach(h, NODE, RT,
            new VethSpec("101", "eth0", "br9", List.of(Cidr.parse("203.0.113.195/26")), null, true, null)));
        assertMessage("10.0.0.2 is the node's own address (on br0)", () -> ContainerVeth.attach(h, NODE, RT,
            new VethSpec("101", "eth0", "br0", List.of(Cidr.parse("10.0.0.2/24")), null, false, null)));
        assertMessage("no container 999 on the node", () -> ContainerVeth.attach(h, NODE, RT,
            new VethSpec("999", "eth0", "br0", List.of(), null, false, null)));
        assertMessage("--bridge: eth0 is not a bridge", () -> ContainerVeth.attach(h, NODE, RT,
            new VethSpec("101", "eth0", "eth0", List.of(), null, false, null)));
        assertMessage("--host-route needs an IPv4 address in CT 101", () -> ContainerVeth.attach(h, NODE, RT,
            new VethSpec("101", "eth0", "br0", List.of(Cidr.parse("2001:db8::5/64")), null, true, null)));
        assertEquals(Optional.empty(), Optional.<String>empty());
    }
}
