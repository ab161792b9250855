package dev.vzbridge.dualnic;

import dev.vzbridge.api.command.Report;
import dev.vzbridge.api.command.UsageException;
import dev.vzbridge.api.plan.Action;
import dev.vzbridge.api.plan.Check;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.api.plan.WriteFile;
import dev.vzbridge.testkit.TestContext;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static dev.vzbridge.dualnic.SetupPlannerTest.SETUP;
import static dev.vzbridge.dualnic.SetupPlannerTest.SETUP_WITH_ADDRESS;
import static dev.vzbridge.dualnic.SetupPlannerTest.applied;
import static dev.vzbridge.dualnic.SetupPlannerTest.recordWrite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TeardownAndShowTest {
    static byte[] record(String setupLine) {
        return recordWrite(Cli.plan(TestContext.iproute2(Nodes.lab().state()), setupLine)).content();
    }

    @Test
    void teardownIsTheExactInverseOfTheLabSetup() {
        byte[] rec = record(SETUP_WITH_ADDRESS);
        TestContext ctx = TestContext.iproute2(Nodes.labAfterSetup("203.0.113.194/26").state()).withFile(SetupRecord.PATH, rec);
        Plan p = Cli.plan(ctx, "dualnic teardown");
        assertEquals(List.of(
            "ip addr del 203.0.113.194/26 dev br0",
            "ip link set dev eth0 nomaster",
            "ip link set dev br0 down",
            "ip link del br0",
            "ip route del default via 10.0.0.1 dev eth1",
            "ip addr del 10.0.0.2/24 dev eth1",
            "ip addr add 10.0.0.2/24 dev eth0",
            "ip route add default via 10.0.0.1 dev eth0 proto boot",
            "rm -f /var/lib/vzbridge/dual-nic.state"), applied(p));
        List<Action> undoRecord = p.changes().get(p.changes().size() - 1).steps().get(0).undo();
        assertTrue(undoRecord.get(0) instanceof WriteFile w && Arrays.equals(w.content(), rec), "undo puts the record back byte for byte");
        assertTrue(p.checks().contains(Check.Link.absent(null, "br0")));
        assertTrue(p.checks().contains(new Check.Address(null, "eth0", dev.vzbridge.api.net.Cidr.parse("10.0.0.2/24"), true)));
        assertTrue(p.checks().contains(new Check.Address(null, "eth1", dev.vzbridge.api.net.Cidr.parse("10.0.0.2/24"), false)));
        assertTrue(p.checks().contains(Check.Route.defaultVia(null, "10.0.0.1", "eth0")));
        assertTrue(p.checks().contains(Check.Ping.of(null, "10.0.0.1")));
    }

    /** Links, addresses and routes as sorted lines, for comparing a predicted state with a hand-built one. */
    static String view(dev.vzbridge.api.host.HostState h) {
        List<String> out = new java.util.ArrayList<>();
        h.links().forEach(l -> out.add("link " + l.name() + " " + l.kind() + " master=" + l.master() + " up=" + l.up()));
        h.addresses().forEach(a -> out.add("addr " + a.dev() + " " + a.cidr()));
        h.routes().forEach(r -> out.add("route " + r.dst() + " via " + r.via() + " dev " + r.dev()));
        return String.join("\n", out.stream().sorted().toList());
    }

    @Test
    void setupAndTeardownPredictTheStateTheyLeadTo() {
        TestContext ctx = TestContext.iproute2(Nodes.lab().state());
        Cli.plan(ctx, SETUP_WITH_ADDRESS);
        assertEquals(view(Nodes.labAfterSetup("203.0.113.194/26").state()), view(ctx.expected));

        TestContext down = TestContext.iproute2(Nodes.labAfterSetup("203.0.113.194/26").state()).withFile(SetupRecord.PATH, record(SETUP_WITH_ADDRESS));
        Cli.plan(down, "dualnic teardown");
        assertEquals(view(Nodes.lab().state()), view(down.expected));
    }

    @Test
    void teardownWithoutARecordPlansNothing() {
        Plan p = Cli.plan(TestContext.iproute2(Nodes.lab().state()), "dualnic teardown");
        assertTrue(p.isEmpty());
        assertEquals("nothing to do", p.notes().get(0));
    }

    @Test
    void teardownRefusesWhileContainersArePluggedInUnlessForced() {
        byte[] rec = record(SETUP);
        var host = Nodes.labAfterSetup(null).ctOn("101", "br0", "203.0.113.195/26").state();
        UsageException e = assertThrows(UsageException.class,
            () -> Cli.plan(TestContext.iproute2(host).withFile(SetupRecord.PATH, rec), "dualnic teardown"));
        assertTrue(e.getMessage().contains("veth101.0 of CT 101"), e.getMessage());
        Plan forced = Cli.plan(TestContext.iproute2(host).withFile(SetupRecord.PATH, rec), "dualnic teardown --force");
        assertTrue(applied(forced).contains("ip link set dev veth101.0 nomaster"), applied(forced).toString());
    }

    @Test
    void teardownPutsADownLocalNicDownAgain() {
        byte[] rec = recordWrite(Cli.plan(TestContext.iproute2(Nodes.lab().link("eth1", "ether", false, Nodes.ETH1_MAC, null).state()), SETUP)).content();
        Plan p = Cli.plan(TestContext.iproute2(Nodes.labAfterSetup(null).state()).withFile(SetupRecord.PATH, rec), "dualnic teardown");
        List<String> a = applied(p);
        assertTrue(a.indexOf("ip link set dev eth1 down") > a.indexOf("ip addr del 10.0.0.2/24 dev eth1"), a.toString());
    }

    @Test
    void teardownTwiceAfterItRanPlansOnlyWhatIsLeft() {
        // The node is back at the start but the record survived (e.g. removed by hand): only the record goes.
        Plan p = Cli.plan(TestContext.iproute2(Nodes.lab().state()).withFile(SetupRecord.PATH, record(SETUP)), "dualnic teardown");
        assertEquals(List.of("rm -f /var/lib/vzbridge/dual-nic.state"), applied(p));
    }

    @Test
    void showSaysWhyTheNodeCannotReachContainersWithoutABridgeAddress() {
        var host = Nodes.labAfterSetup(null).ctOn("101", "br0", "203.0.113.195/26").state();
        Report r = Cli.query(TestContext.iproute2(host).withFile(SetupRecord.PATH, record(SETUP)), "dualnic show");
        assertTrue(r.text().contains("paths: node → 10.0.0.1 via eth1; CTs on br0 → eth0"), r.text());
        assertTrue(r.text().contains("node ↔ CTs: not possible: br0 has no address"), r.text());
        assertTrue(r.text().contains("CT 101 203.0.113.195: not reachable: br0 has no address (the node's traffic to it leaves via eth1)"), r.text());
        Map<?, ?> data = (Map<?, ?>) r.data();
        assertEquals(false, data.get("nodeToContainers"));
        assertEquals(0, r.exitCode());
    }

    @Test
    void showWithABridgeAddressReportsTheContainerReachable() {
        var host = Nodes.labAfterSetup("203.0.113.194/26").ctOn("101", "br0", "203.0.113.195/26").state();
        Report r = Cli.query(TestContext.iproute2(host).withFile(SetupRecord.PATH, record(SETUP_WITH_ADDRESS)), "dualnic show");
        assertTrue(r.text().contains("node ↔ CTs: possible through br0 (203.0.113.194/26)"), r.text());
        assertTrue(r.text().contains("CT 101 203.0.113.195: reachable from the node via br0"), r.text());
        assertTrue(r.text().contains("eth0"), r.text());
        assertEquals(true, ((Map<?, ?>) r.data()).get("nodeToContainers"));
    }

    @Test
    void showWarnsWhenTheNodesTrafficDoesNotUseTheLocalNic() {
        // Drift: the node's address and default route were put on the bridge by hand.
        var host = new Nodes().link("lo", "loopback", true, "00:00:00:00:00:00", null)
            .link("eth0", "ether", true, Nodes.ETH0_MAC, "br0").link("eth1", "ether", true, Nodes.ETH1_MAC, null)
            .bridge("br0", true, Nodes.ETH0_MAC).addr("br0", "10.0.0.2/24").route("default", "10.0.0.1", "br0", "boot").state();
        Report r = Cli.query(TestContext.iproute2(host).withFile(SetupRecord.PATH, record(SETUP)), "dualnic show");
        assertTrue(r.text().contains("node → 10.0.0.1 via br0"), r.text());
        assertTrue(r.text().contains("warning: the node's traffic to 10.0.0.1 leaves via br0, not eth1"), r.text());
    }

    @Test
    void showWithoutASetupSaysSo() {
        Report r = Cli.query(TestContext.iproute2(Nodes.lab().state()), "dualnic show");
        assertTrue(r.text().startsWith("no dual-NIC setup is recorded"), r.text());
        assertEquals(false, ((Map<?, ?>) r.data()).get("setup"));
    }

    @Test
    void underAnotherRootTheMessagesNameTheRecordWhereItIs() {
        TestContext ctx = TestContext.iproute2(Nodes.lab().state()).withFilesUnder("/tmp/vzbridge-lab-1");
        assertTrue(Cli.query(ctx, "dualnic show").text()
            .startsWith("no dual-NIC setup is recorded in /tmp/vzbridge-lab-1/var/lib/vzbridge/dual-nic.state;"));
        Plan teardown = Cli.plan(ctx, "dualnic teardown");
        assertTrue(teardown.notes().contains("no dual-NIC setup is recorded in /tmp/vzbridge-lab-1/var/lib/vzbridge/dual-nic.state"),
            teardown.notes()::toString);
    }
}
