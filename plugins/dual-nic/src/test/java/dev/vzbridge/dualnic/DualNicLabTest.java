package dev.vzbridge.dualnic;

import dev.vzbridge.lab.Lab;
import dev.vzbridge.testkit.LabNode;
import dev.vzbridge.testkit.LabTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The recipe's dual-NIC section on the real kernel: the lab's eth0 leads to the
 * uplink (10.0.0.1 and the ISP gateway 203.0.113.193), eth1 to the separate 'lan'
 * namespace, which answers as 10.0.0.1 as well — so which namespace answered a
 * ping tells which NIC carried it.
 */
@LabTest
class DualNicLabTest {
    static final String SETUP = "dualnic setup --external eth0 --local eth1 --bridge br0 --local-address 10.0.0.2/24 --gateway 10.0.0.1";
    static final String SETUP_WITH_ADDRESS = SETUP + " --bridge-address 203.0.113.194/26";
    static final String ATTACH_101 = "ct attach 101 --bridge br0 --address 203.0.113.195/26 --gateway 203.0.113.193";
    static final String ATTACH_102_HOST_ROUTE = "ct attach 102 --bridge br0 --address 203.0.113.196/26 --gateway 203.0.113.193 --host-route";
    static final int PINGS = 5;

    @TempDir
    Path root;

    @ParameterizedTest
    @ValueSource(strings = {"iproute2", "legacy"})
    void containersLeaveByEth0TheNodeByEth1AndTeardownRestoresTheStart(String flavour, Lab lab) {
        LabNode sh = Nodes.shell(lab, root, flavour);
        String start = sh.fingerprint();
        assertTrue(sh.routeGet(Lab.LAN_GATEWAY).contains("dev eth0"), "the lab starts single-NIC");

        var setup = sh.planLine(SETUP);
        assertTrue(setup.notes().contains("node → 10.0.0.1 via eth1; CTs on br0 → eth0"), setup.notes()::toString);
        assertEquals(0, sh.submit(setup, null), sh.err::toString);
        assertTrue(sh.planLine(SETUP).isEmpty(), "a second setup plans nothing");
        assertEquals(0, sh.runLine(ATTACH_101), sh.err::toString);

        long eth0Out = sh.counter(lab.nodeNetns(), "eth0", "tx_packets");
        assertTrue(sh.ping("101", Lab.ISP_GATEWAY), "CT 101 reaches the ISP gateway");
        assertTrue(sh.counter(lab.nodeNetns(), "eth0", "tx_packets") > eth0Out, "… out through eth0");

        assertTrue(sh.routeGet(Lab.LAN_GATEWAY).contains("dev eth1"), sh.routeGet(Lab.LAN_GATEWAY));
        assertNodeTrafficToTheGatewayUsesEth1Only(sh);

        assertFalse(sh.ping(null, "203.0.113.195"), "without a bridge address the node cannot reach CT 101");
        assertEquals(0, sh.runLine("dualnic show"));
        assertTrue(sh.lastReport.text().contains("node ↔ CTs: not possible: br0 has no address"), sh.lastReport.text());
        assertTrue(sh.lastReport.text().contains("CT 101 203.0.113.195: not reachable"), sh.lastReport.text());
        assertEquals(2, sh.runLine(ATTACH_102_HOST_ROUTE), "--host-route needs an address on br0");
        assertTrue(sh.err.toString().contains("--host-route needs an IPv4 address on br0"), sh.err::toString);

        assertEquals(2, sh.runLine("dualnic teardown"), "refused while CT 101 is plugged in");
        assertEquals(0, sh.runLine("ct detach 101"), sh.err::toString);
        assertEquals(0, sh.runLine("dualnic teardown"), sh.err::toString);
        assertEquals(start, sh.fingerprint(), "teardown restores the starting state exactly");
        assertTrue(sh.routeGet(Lab.LAN_GATEWAY).contains("dev eth0"));
        assertTrue(sh.ping(null, Lab.LAN_GATEWAY));
        assertTrue(sh.planLine("dualnic teardown").isEmpty(), "a second teardown plans nothing");
    }

    /** The lan namespace answers every echo, the uplink none, and br0 carries none of them. */
    static void assertNodeTrafficToTheGatewayUsesEth1Only(LabNode sh) {
        Lab lab = sh.lab;
        long lanBefore = sh.echoesAnswered(lab.lanNetns());
        long upBefore = sh.echoesAnswered(lab.upNetns());
        long brTx = sh.counter(lab.nodeNetns(), "br0", "tx_packets");
        long eth1Tx = sh.counter(lab.nodeNetns(), "eth1", "tx_packets");
        String out = lab.run(lab.nodeNetns(), "ping", "-n", "-q", "-c", String.valueOf(PINGS), "-i", "0.2", "-w", "5", Lab.LAN_GATEWAY);
        assertTrue(out.contains(PINGS + " received"), out);
        assertTrue(sh.echoesAnswered(lab.lanNetns()) - lanBefore >= PINGS, "the lan namespace (behind eth1) answered");
        assertEquals(upBefore, sh.echoesAnswered(lab.upNetns()), "the uplink (behind eth0/br0) saw none of the node's pings");
        assertTrue(sh.counter(lab.nodeNetns(), "eth1", "tx_packets") - eth1Tx >= PINGS, "eth1 sent them");
        assertTrue(sh.counter(lab.nodeNetns(), "br0", "tx_packets") - brTx < PINGS, "br0 did not");
    }

    @Test
    void withABridgeAddressTheNodeAndTheContainersReachEachOther(Lab lab) {
        LabNode sh = Nodes.shell(lab, root, "iproute2");
        String start = sh.fingerprint();
        assertEquals(0, sh.runLine(SETUP_WITH_ADDRESS), sh.err::toString);
        assertEquals(0, sh.runLine(ATTACH_101), sh.err::toString);
        assertEquals(0, sh.runLine(ATTACH_102_HOST_ROUTE), sh.err::toString);

        for (String ct : new String[]{"101", "102"}) {
            String ip = ct.equals("101") ? "203.0.113.195" : "203.0.113.196";
            assertTrue(sh.ping(ct, Lab.ISP_GATEWAY), "CT " + ct + " reaches the ISP gateway");
            assertTrue(sh.ping(null, ip), "node reaches CT " + ct);
            assertTrue(sh.ping(ct, "203.0.113.194"), "CT " + ct + " reaches the node's bridge address");
            assertTrue(sh.routeGet(ip).contains("dev br0"), sh.routeGet(ip));
        }
        assertNodeTrafficToTheGatewayUsesEth1Only(sh);
        assertEquals(0, sh.runLine("dualnic show"));
        assertTrue(sh.lastReport.text().contains("node ↔ CTs: possible through br0 (203.0.113.194/26)"), sh.lastReport.text());
        assertTrue(sh.lastReport.text().contains("CT 102 203.0.113.196: reachable from the node via br0"), sh.lastReport.text());

        assertEquals(0, sh.runLine("ct detach 102"), sh.err::toString);
        assertEquals(0, sh.runLine("ct detach 101"), sh.err::toString);
        assertEquals(0, sh.runLine("dualnic teardown"), sh.err::toString);
        assertEquals(start, sh.fingerprint());
    }

    @Test
    void addingTheBridgeAddressLaterAndTearingDownStillRestoresTheStart(Lab lab) {
        LabNode sh = Nodes.shell(lab, root, "iproute2");
        String start = sh.fingerprint();
        assertEquals(0, sh.runLine(SETUP), sh.err::toString);
        assertEquals(0, sh.runLine(SETUP_WITH_ADDRESS), sh.err::toString);
        assertTrue(sh.planLine(SETUP_WITH_ADDRESS).isEmpty());
        assertEquals(0, sh.runLine(ATTACH_101), sh.err::toString);
        assertTrue(sh.ping(null, "203.0.113.195"));
        assertEquals(0, sh.runLine("dualnic teardown --force"), sh.err::toString);
        assertEquals(0, sh.runLine("ct detach 101"), sh.err::toString);
        assertEquals(start, sh.fingerprint());
    }
}
