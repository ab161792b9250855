package dev.vzbridge.api.recipes;

import dev.vzbridge.api.command.UsageException;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.net.Cidr;
import dev.vzbridge.api.plan.Action;
import dev.vzbridge.api.plan.Check;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BridgeOverNicTest {
    static final FakeTools NODE = new FakeTools("node");

    static BridgeSpec spec(List<Cidr> addresses, String gateway) {
        return new BridgeSpec("br0", "eth0", addresses, gateway, true, null, null, BridgeSpec.MAC_NIC);
    }

    static Recipe create(HostState h) {
        return BridgeOverNic.plan(h, NODE, spec(null, null), Optional.empty());
    }

    static List<String> rendered(Recipe r) {
        return Faults.steps(r).stream().map(s -> s.apply().render()).toList();
    }

    @Test
    void movesAddressAndDefaultRouteInTheOrderThatKeepsTheNodeReachable() {
        Recipe r = create(SimHost.recipe().state());
        assertEquals(List.of(
            "sim node addBridge br0",
            "sim node fd br0 0",
            "sim node mac br0 52:54:00:00:00:02",
            "sim node up br0",
            "sim node delRoute default 10.0.0.1 eth0 boot",
            "sim node delAddr eth0 10.0.0.2/24",
            "sim node enslave eth0 br0",
            "sim node addAddr br0 10.0.0.2/24",
            "sim node addRoute default 10.0.0.1 br0 boot"), rendered(r));
    }

    @Test
    void appliedPlanGivesTheBridgeEverythingAndASecondRunPlansNothing() {
        SimHost sim = SimHost.recipe();
        Faults.apply(sim, create(sim.state()));
        HostState after = sim.state();
        assertEquals("br0", after.link("eth0").orElseThrow().master());
        assertEquals(List.of("10.0.0.2/24"), after.addressesOf("br0").stream().map(a -> a.cidr()).toList());
        assertTrue(after.addressesOf("eth0").isEmpty());
        assertEquals("br0", after.defaultRoute(false).orElseThrow().dev());
        assertEquals("52:54:00:00:00:02", after.link("br0").orElseThrow().mac());
        Recipe again = create(after);
        assertTrue(again.isEmpty(), () -> "second run: " + rendered(again));
        assertEquals("nothing to do", again.toPlan("bridge create").notes().get(0));
    }

    @Test
    void everyPartialFailureRollsBackExactly() {
        int n = Faults.failAtEveryStep(SimHost::recipe, BridgeOverNicTest::create);
        assertEquals(9, n);
    }

    @Test
    void secondaryAddressesAndIpv6AreMovedButLinkLocalStays() {
        SimHost sim = SimHost.recipe().addr("eth0", "10.0.0.3/24").addr("eth0", "2001:db8::2/64");
        sim.node.addresses.add(new dev.vzbridge.api.host.Address("eth0", "fe80::1/64", "link"));
        Recipe r = create(sim.state());
        List<String> steps = rendered(r);
        assertTrue(steps.indexOf("sim node delAddr eth0 10.0.0.3/24") < steps.indexOf("sim node delAddr eth0 10.0.0.2/24"),
            "secondary leaves before primary: " + steps);
        assertTrue(steps.indexOf("sim node addAddr br0 10.0.0.2/24") < steps.indexOf("sim node addAddr br0 10.0.0.3/24"));
        assertFalse(steps.stream().anyMatch(s -> s.contains("fe80")));
        Faults.failAtEveryStep(() -> {
            SimHost s = SimHost.recipe().addr("eth0", "10.0.0.3/24").addr("eth0", "2001:db8::2/64");
            s.node.addresses.add(new dev.vzbridge.api.host.Address("eth0", "fe80::1/64", "link"));
            return s;
        }, BridgeOverNicTest::create);
    }

    @Test
    void givenAddressesAndGatewayReplaceTheNicsOwn() {
        SimHost sim = SimHost.recipe();
        Recipe r = BridgeOverNic.plan(sim.state(), NODE, spec(List.of(Cidr.parse("10.0.0.5/24")), "10.0.0.1"), Optional.empty());
        Faults.apply(sim, r);
        assertEquals(List.of("10.0.0.5/24"), sim.state().addressesOf("br0").stream().map(a -> a.cidr()).toList());
        assertEquals("10.0.0.1", sim.state().defaultRoute(false).orElseThrow().via());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("eth0 loses 10.0.0.2/24")), r.notes().toString());
        assertTrue(r.checks().contains(Check.Ping.of(null, "10.0.0.1")));
        assertTrue(r.checks().contains(new Check.PortForwarding("br0", "eth0")));
        assertTrue(r.checks().contains(Check.Route.defaultVia(null, "10.0.0.1", "br0")));
    }

    @Test
    void resumesAHalfDoneSetupWithOnlyTheMissingSteps() {
        SimHost sim = SimHost.recipe();
        List<dev.vzbridge.api.plan.Step> all = Faults.steps(create(sim.state()));
        for (int i = 0; i < 4; i++) sim.run(all.get(i).apply());
        Recipe rest = create(sim.state());
        assertEquals(List.of("sim node delRoute default 10.0.0.1 eth0 boot", "sim node delAddr eth0 10.0.0.2/24", "sim node enslave eth0 br0",
            "sim node addAddr br0 10.0.0.2/24", "sim node addRoute default 10.0.0.1 br0 boot"), rendered(rest));
    }

    @Test
    void stpOnSetsTheDelayFirstSoTheKernelAcceptsBothWaysRound() {
        BridgeSpec s = new BridgeSpec("br0", "eth0", null, null, true, true, 4, BridgeSpec.MAC_AUTO);
        Recipe r = BridgeOverNic.plan(SimHost.recipe().state(), NODE, s, Optional.empty());
        List<String> steps = rendered(r);
        assertEquals(List.of("sim node addBridge br0", "sim node fd br0 4", "sim node stp br0 true", "sim node up br0"), steps.subList(0, 4));
        Faults.failAtEveryStep(SimHost::recipe, h -> BridgeOverNic.plan(h, NODE, s, Optional.empty()));
    }

    @Test
    void stpOffOnABridgeWithStpSwitchesItOffBeforeTheDelay() {
        Supplier sup = () -> {
            SimHost sim = SimHost.recipe();
            sim.run(FakeTools.x("node", "addBridge", "br0", "true", "15", "02:00:00:00:00:99"));
            return sim;
        };
        BridgeSpec s = new BridgeSpec("br0", "eth0", null, null, true, false, 0, BridgeSpec.MAC_AUTO);
        List<String> steps = rendered(BridgeOverNic.plan(sup.get().state(), NODE, s, Optional.empty()));
        assertEquals(List.of("sim node stp br0 false", "sim node fd br0 0", "sim node up br0"), steps.subList(0, 3));
        Faults.failAtEveryStep(sup::get, h -> BridgeOverNic.plan(h, NODE, s, Optional.empty()));
    }

    interface Supplier {
        SimHost get();
    }

    @Test
    void sshSessionFromTheLanIsCutWhenTheAddressLeavesEth0() {
        Recipe r = BridgeOverNic.plan(SimHost.recipe().state(), NODE, spec(null, null),
            SshSession.parse(Optional.of("10.0.0.1 50000 10.0.0.2 22")));
        assertEquals(1, r.notes().size(), r.notes().toString());
        assertTrue(r.notes().get(0).contains("'sim node delAddr eth0 10.0.0.2/24'"), r.notes().get(0));
    }

    @Test
    void sshSessionFromAfarIsCutWhenTheDefaultRouteLeaves() {
        Recipe r = BridgeOverNic.plan(SimHost.recipe().state(), NODE, spec(null, null),
            SshSession.parse(Optional.of("198.51.100.7 50000 10.0.0.2 22")));
        assertTrue(r.notes().get(0).contains("'sim node delRoute default 10.0.0.1 eth0 boot'"), r.notes().get(0));
    }

    @Test
    void sshSessionOverAnotherNicIsNotMentioned() {
        SimHost sim = SimHost.recipe().link("eth1", "ether", true, "52:54:00:00:01:02").addr("eth1", "192.168.7.2/24");
        Recipe r = BridgeOverNic.plan(sim.state(), NODE, spec(null, null),
            SshSession.parse(Optional.of("192.168.7.9 50000 192.168.7.2 22")));
        assertTrue(r.notes().isEmpty(), r.notes().toString());
    }

    @Test
    void refusesImpossibleSituations() {
        SimHost sim = SimHost.recipe().link("eth1", "ether", true, "52:54:00:00:01:02").addr("eth1", "192.168.7.2/24")
            .route("default", "192.168.7.1", "eth1");
        sim.node.routes.removeIf(r -> r.dev().equals("eth0") && r.isDefault());
        HostState h = sim.state();
        assertMessage("a default route already exists (via 192.168.7.1 dev eth1)",
            () -> BridgeOverNic.plan(h, NODE, spec(null, "10.0.0.1"), Optional.empty()));
        assertMessage("192.168.7.2 is already on eth1",
            () -> BridgeOverNic.plan(h, NODE, spec(List.of(Cidr.parse("192.168.7.2/24")), null), Optional.empty()));
        assertMessage("the bridge and --nic must differ",
            () -> BridgeOverNic.plan(h, NODE, new BridgeSpec("eth0", "eth0", null, null, true, null, null, "nic"), Optional.empty()));
        assertMessage("eth1 exists and is a ether, not a bridge",
            () -> BridgeOverNic.plan(h, NODE, new BridgeSpec("eth1", "eth0", null, null, true, null, null, "nic"), Optional.empty()));
        assertMessage("--nic: lo is the loopback, not a NIC",
            () -> BridgeOverNic.plan(h, NODE, new BridgeSpec("br0", "lo", null, null, true, null, null, "nic"), Optional.empty()));
        SimHost bridged = SimHost.recipe().link("eth1", "ether", true, "52:54:00:00:01:02");
        Faults.apply(bridged, create(bridged.state()));
        assertMessage("br0 already bridges eth0; one uplink per bridge",
            () -> BridgeOverNic.plan(bridged.state(), NODE, new BridgeSpec("br0", "eth1", null, null, true, null, null, "nic"), Optional.empty()));
        assertMessage("--nic eth0 is already a port of br0",
            () -> BridgeOverNic.plan(bridged.state(), NODE, new BridgeSpec("br1", "eth0", null, null, true, null, null, "nic"), Optional.empty()));
    }

    @Test
    void removalIsTheExactInverseAndRestoresTheStartState() {
        SimHost sim = SimHost.recipe();
        HostState start = sim.state();
        Faults.apply(sim, create(start));
        Recipe del = BridgeRemoval.plan(sim.state(), NODE, "br0", false, Map.of(), false, Optional.empty());
        assertEquals(List.of(
            "sim node delRoute default 10.0.0.1 br0 boot",
            "sim node delAddr br0 10.0.0.2/24",
            "sim node release eth0 br0",
            "sim node addAddr eth0 10.0.0.2/24",
            "sim node addRoute default 10.0.0.1 eth0 boot",
            "sim node down br0",
            "sim node deleteBridge br0"), rendered(del));
        Faults.apply(sim, del);
        assertEquals(start, sim.state());
        Recipe again = BridgeRemoval.plan(sim.state(), NODE, "br0", false, Map.of(), false, Optional.empty());
        assertTrue(again.isEmpty());
        assertTrue(again.toPlan("bridge delete").notes().contains("no bridge br0 (there are no bridges)"), again.notes()::toString);
        assertTrue(del.checks().contains(Check.Link.absent(null, "br0")));
        assertTrue(del.checks().contains(Check.Ping.of(null, "10.0.0.1")));
    }

    @Test
    void removalRollsBackExactlyFromEveryStep() {
        java.util.function.Supplier<SimHost> bridged = () -> {
            SimHost sim = SimHost.recipe();
            Faults.apply(sim, create(sim.state()));
            return sim;
        };
        int n = Faults.failAtEveryStep(bridged, h -> BridgeRemoval.plan(h, NODE, "br0", false, Map.of(), false, Optional.empty()));
        assertEquals(7, n);
    }

    @Test
    void removalRefusesContainerPortsUnlessForcedAndThenNamesTheContainers() {
        SimHost sim = SimHost.recipe();
        Faults.apply(sim, create(sim.state()));
        sim.run(FakeTools.x("node", "addVeth", "101", "eth0", null));
        sim.run(FakeTools.x("node", "enslave", "veth101.0", "br0"));
        Map<String, String> owners = ContainerPorts.of(sim.state(), new FakeTools.Runtime());
        assertEquals(Map.of("veth101.0", "101"), owners);
        assertMessage("br0 still carries container interfaces (veth101.0 of CT 101); detach them first or use --force",
            () -> BridgeRemoval.plan(sim.state(), NODE, "br0", false, owners, false, Optional.empty()));
        Recipe forced = BridgeRemoval.plan(sim.state(), NODE, "br0", true, owners, false, Optional.empty());
        assertTrue(forced.notes().contains("containers lose their network on br0: veth101.0 of CT 101"), forced.notes().toString());
        HostState before = sim.state();
        Faults.apply(sim, forced);
        assertTrue(sim.state().link("br0").isEmpty());
        SimHost again = new SimHost();
        assertFalse(again.state().equals(before));
    }

    static void assertMessage(String expected, org.junit.jupiter.api.function.Executable e) {
        UsageException x = assertThrows(UsageException.class, e);
        assertTrue(x.getMessage().contains(expected), () -> "expected '" + expected + "' in: " + x.getMessage());
        assertFalse(x.getMessage().contains("\n"));
    }

    static List<Action> applyOf(Recipe r) {
        return Faults.steps(r).stream().map(s -> s.apply()).toList();
    }
}
