package dev.vzbridge.dualnic;

import dev.vzbridge.api.host.Route;
import dev.vzbridge.api.net.Cidr;
import dev.vzbridge.api.plan.Action;
import dev.vzbridge.api.plan.Check;
import dev.vzbridge.api.plan.DeleteFile;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.api.plan.WriteFile;
import dev.vzbridge.testkit.TestContext;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SetupPlannerTest {
    static final String SETUP = "dualnic setup --external eth0 --local eth1 --bridge br0 --local-address 10.0.0.2/24 --gateway 10.0.0.1";
    static final String SETUP_WITH_ADDRESS = SETUP + " --bridge-address 203.0.113.194/26";

    static List<String> applied(Plan p) {
        return p.changes().stream().flatMap(c -> c.apply().stream()).map(Action::render).toList();
    }

    static List<String> reverted(Plan p) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = p.changes().size() - 1; i >= 0; i--) p.changes().get(i).revert().forEach(a -> out.add(a.render()));
        return out;
    }

    static WriteFile recordWrite(Plan p) {
        return p.changes().get(0).steps().get(0).apply() instanceof WriteFile w ? w : null;
    }

    @Test
    void labSetupBridgesTheExternalNicAndMovesTheNodeToTheLocalNic() {
        TestContext ctx = TestContext.iproute2(Nodes.lab().state());
        Plan p = Cli.plan(ctx, SETUP);
        assertEquals(List.of(
            "write /var/lib/vzbridge/dual-nic.state (" + recordWrite(p).content().length + " bytes, mode 644)",
            "ip link add br0 type bridge",
            "ip link set dev br0 type bridge forward_delay 0",
            "ip link set dev br0 address " + Nodes.ETH0_MAC,
            "ip link set dev br0 up",
            "ip route del default via 10.0.0.1 dev eth0",
            "ip addr del 10.0.0.2/24 dev eth0",
            "ip link set dev eth0 master br0",
            "ip addr add 10.0.0.2/24 dev eth1",
            "ip route add default via 10.0.0.1 dev eth1"), applied(p));
        assertEquals(List.of(
            "ip route del default via 10.0.0.1 dev eth1",
            "ip addr del 10.0.0.2/24 dev eth1",
            "ip link set dev eth0 nomaster",
            "ip addr add 10.0.0.2/24 dev eth0",
            "ip route add default via 10.0.0.1 dev eth0 proto boot",
            "ip link set dev br0 down",
            "ip link del br0",
            "rm -f /var/lib/vzbridge/dual-nic.state"),
            reverted(p).stream().filter(a -> !a.contains("forward_delay 1500")).toList());
        assertTrue(p.notes().contains("node → 10.0.0.1 via eth1; CTs on br0 → eth0"), p.notes().toString());
        assertTrue(p.notes().stream().anyMatch(n -> n.startsWith("node ↔ CTs: not possible: br0 has no address")), p.notes().toString());
        assertTrue(p.checks().contains(Check.Ping.of(null, "10.0.0.1")));
        assertTrue(p.checks().contains(Check.Route.defaultVia(null, "10.0.0.1", "eth1")));
        assertTrue(p.checks().contains(new Check.Route(null, dev.vzbridge.api.net.Destination.parse("10.0.0.0/24"), null, "eth1", true)));
        assertTrue(p.checks().contains(new Check.Route(null, dev.vzbridge.api.net.Destination.parse("10.0.0.0/24"), null, "eth0", false)));
        assertTrue(p.checks().contains(Check.Link.portOf(null, "eth0", "br0")));
        assertEquals(java.util.Set.of(SetupRecord.PATH), p.files());
        assertEquals(List.of(), ctx.probes, "10.0.0.2 is the node's own address: no probe");
    }

    @Test
    void theRecordHoldsWhatTeardownMustPutBack() {
        Plan p = Cli.plan(TestContext.iproute2(Nodes.lab().state()), SETUP);
        SetupRecord r = SetupRecord.parse(recordWrite(p).content());
        assertEquals("eth0", r.external());
        assertEquals("eth1", r.local());
        assertEquals("br0", r.bridge());
        assertTrue(r.externalWasUp() && r.localWasUp());
        assertEquals(List.of(Cidr.parse("10.0.0.2/24")), r.externalAddresses());
        assertEquals(List.of(new Route("default", "10.0.0.1", "eth0", "boot", null, null, null)), r.externalRoutes());
        assertEquals(List.of(Cidr.parse("10.0.0.2/24")), r.localAddedAddresses());
        assertEquals(List.of(Route.of("default", "10.0.0.1", "eth1")), r.localAddedRoutes());
        assertEquals(r, SetupRecord.parse(r.toBytes()), "the file format round-trips");
    }

    @Test
    void aSecondRunPlansNothingAndStillPrintsThePaths() {
        byte[] record = recordWrite(Cli.plan(TestContext.iproute2(Nodes.lab().state()), SETUP)).content();
        TestContext ctx = TestContext.iproute2(Nodes.labAfterSetup(null).state()).withFile(SetupRecord.PATH, record);
        Plan p = Cli.plan(ctx, SETUP);
        assertTrue(p.isEmpty(), applied(p).toString());
        assertEquals("nothing to do", p.notes().get(0));
        assertTrue(p.notes().contains("node → 10.0.0.1 via eth1; CTs on br0 → eth0"));
        assertEquals(List.of(), ctx.probes);
    }

    @Test
    void aBridgeAddressIsProbedOnTheExternalSegmentAndGivenToTheBridge() {
        TestContext ctx = TestContext.iproute2(Nodes.lab().state());
        Plan p = Cli.plan(ctx, SETUP_WITH_ADDRESS);
        List<String> a = applied(p);
        assertTrue(a.indexOf("ip addr add 203.0.113.194/26 dev br0") > a.indexOf("ip link set dev eth0 master br0"), a.toString());
        assertTrue(p.checks().contains(new Check.Address(null, "br0", dev.vzbridge.api.net.Cidr.parse("203.0.113.194/26"), true)));
        assertTrue(p.notes().stream().anyMatch(n -> n.startsWith("node ↔ CTs: through br0 (203.0.113.194/26)")), p.notes().toString());
        assertEquals(List.of("eth0 203.0.113.194"), ctx.probes);
        assertEquals(Cidr.parse("203.0.113.194/26"), SetupRecord.parse(recordWrite(p).content()).asked().bridgeAddress());
    }

    @Test
    void addingABridgeAddressLaterKeepsThePreSetupFactsAndUndoesTheRecordToItsOldBytes() {
        byte[] first = recordWrite(Cli.plan(TestContext.iproute2(Nodes.lab().state()), SETUP)).content();
        TestContext ctx = TestContext.iproute2(Nodes.labAfterSetup(null).state()).withFile(SetupRecord.PATH, first);
        Plan p = Cli.plan(ctx, SETUP_WITH_ADDRESS);
        assertEquals(List.of("ip addr add 203.0.113.194/26 dev br0"), applied(p).subList(1, applied(p).size()));
        Action undo = p.changes().get(0).steps().get(0).undo().get(0);
        assertTrue(undo instanceof WriteFile w && Arrays.equals(w.content(), first), undo.render());
        SetupRecord next = SetupRecord.parse(recordWrite(p).content());
        assertEquals(SetupRecord.parse(first).externalAddresses(), next.externalAddresses());
        assertEquals(SetupRecord.parse(first).externalRoutes(), next.externalRoutes());
    }

    @Test
    void aLocalNicThatIsAlreadyConfiguredIsLeftAsItIs() {
        var host = new Nodes().link("lo", "loopback", true, "00:00:00:00:00:00", null)
            .link("eth0", "ether", true, Nodes.ETH0_MAC, null).link("eth1", "ether", true, Nodes.ETH1_MAC, null)
            .addr("eth1", "10.0.0.2/24").route("default", "10.0.0.1", "eth1", "boot").state();
        Plan p = Cli.plan(TestContext.iproute2(host), SETUP);
        assertTrue(applied(p).stream().noneMatch(a -> a.contains("eth1")), applied(p).toString());
        SetupRecord r = SetupRecord.parse(recordWrite(p).content());
        assertEquals(List.of(), r.localAddedAddresses());
        assertEquals(List.of(), r.localAddedRoutes());
        assertEquals(List.of(), r.externalAddresses());
    }

    @Test
    void aDownLocalNicIsBroughtUpAndRecordedAsDown() {
        var host = Nodes.lab().link("eth1", "ether", false, Nodes.ETH1_MAC, null).state();
        Plan p = Cli.plan(TestContext.iproute2(host), SETUP);
        assertTrue(applied(p).contains("ip link set dev eth1 up"));
        assertTrue(!SetupRecord.parse(recordWrite(p).content()).localWasUp());
    }

    @Test
    void routesThroughTheLocalGatewayMoveAlongOthersAreNoted() {
        var host = Nodes.lab().route("192.168.7.0/24", "10.0.0.254", "eth0", "static").route("198.51.100.0/24", null, "eth0", "static").state();
        Plan p = Cli.plan(TestContext.iproute2(host), SETUP);
        assertTrue(applied(p).contains("ip route add 192.168.7.0/24 via 10.0.0.254 dev eth1 proto static"), applied(p).toString());
        assertTrue(p.notes().stream().anyMatch(n -> n.contains("198.51.100.0/24 dev eth0") && n.contains("not kept")), p.notes().toString());
        assertEquals(3, SetupRecord.parse(recordWrite(p).content()).externalRoutes().size());
    }

    @Test
    void anSshSessionOverTheExternalNicIsNamedInTheNotes() {
        TestContext ctx = TestContext.iproute2(Nodes.lab().state());
        ctx.ssh = "10.0.0.50 50000 10.0.0.2 22";
        Plan p = Cli.plan(ctx, SETUP);
        assertTrue(p.notes().stream().anyMatch(n -> n.startsWith("your SSH session (10.0.0.50 -> 10.0.0.2) runs over eth0")
            && n.contains("until eth1 carries it")), p.notes().toString());
    }

    @Test
    void stpAndForwardDelayAreSetWithStpLast() {
        Plan p = Cli.plan(TestContext.iproute2(Nodes.lab().state()), SETUP + " --stp on --forward-delay 4");
        List<String> a = applied(p);
        assertTrue(a.indexOf("ip link set dev br0 type bridge forward_delay 400") < a.indexOf("ip link set dev br0 type bridge stp_state 1"), a.toString());
    }

    @Test
    void noRecordUndoDeletesAFileThatDidNotExist() {
        Plan p = Cli.plan(TestContext.iproute2(Nodes.lab().state()), SETUP);
        assertEquals(List.of(new DeleteFile(SetupRecord.PATH)), p.changes().get(0).steps().get(0).undo());
        assertArrayEquals(recordWrite(p).content(), SetupRecord.parse(recordWrite(p).content()).toBytes());
    }
}
