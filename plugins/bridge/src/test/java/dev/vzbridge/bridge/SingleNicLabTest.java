package dev.vzbridge.bridge;

import dev.vzbridge.api.command.UsageException;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.lab.Lab;
import dev.vzbridge.testkit.LabNode;
import dev.vzbridge.testkit.LabTest;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The recipe on the real kernel, proven with ping, in both tool flavours. */
@LabTest
class SingleNicLabTest {
    static final String[] CREATE = {"bridge", "create", "br0", "--nic", "eth0"};
    static final String[] ATTACH_101 = {"ct", "attach", "101", "--bridge", "br0", "--address", "203.0.113.195/26",
        "--gateway", "203.0.113.193", "--host-route"};
    static final String[] ATTACH_102 = {"ct", "attach", "102", "--bridge", "br0", "--address", "203.0.113.196/26",
        "--gateway", "203.0.113.193", "--host-route"};

    @TempDir
    Path root;

    @ParameterizedTest
    @ValueSource(strings = {"iproute2", "legacy"})
    void theRecipeEndToEndThenDeleteRestoresTheStart(String flavour, Lab lab) {
        LabNode node = new LabNode(lab, root, flavour, new BridgePlugin());
        String start = node.fingerprint();

        assertEquals(0, node.run(CREATE), node.err::toString);
        assertTrue(node.ping(null, Lab.LAN_GATEWAY), "node reaches 10.0.0.1 over br0");
        assertEquals(0, node.run(ATTACH_101), node.err::toString);
        assertEquals(0, node.run(ATTACH_102), node.err::toString);
        for (String ct : new String[]{"101", "102"}) {
            String ip = ct.equals("101") ? "203.0.113.195" : "203.0.113.196";
            assertTrue(node.ping(ct, Lab.ISP_GATEWAY), "CT " + ct + " reaches the ISP gateway");
            assertTrue(node.ping(null, ip), "node reaches CT " + ct);
            assertTrue(node.ping(ct, Lab.NODE_ADDRESS), "CT " + ct + " reaches the node");
        }
        assertTrue(node.ping("101", "203.0.113.196"), "CTs reach each other over the bridge");
        assertTrue(node.ping(null, Lab.LAN_GATEWAY));

        for (String[] again : new String[][]{CREATE, ATTACH_101, ATTACH_102}) {
            Plan p = node.plan(again);
            assertTrue(p.isEmpty(), () -> String.join(" ", again) + " planned again:\n" + LabNode.steps(p));
        }

        assertEquals(0, node.run("ct", "detach", "102"), node.err::toString);
        assertThrows(UsageException.class, () -> node.plan("bridge", "delete", "br0"), "refused while CT 101 is attached");
        assertEquals(0, node.run("ct", "detach", "101"), node.err::toString);
        assertEquals(0, node.run("bridge", "delete", "br0"), node.err::toString);
        assertEquals(start, node.fingerprint(), "bridge delete restores the starting state");
        assertTrue(node.ping(null, Lab.LAN_GATEWAY));
        assertTrue(node.plan("bridge", "delete", "br0").isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"iproute2", "legacy"})
    void aSecondVethAndBridgePairPerContainer(String flavour, Lab lab) {
        LabNode node = new LabNode(lab, root, flavour, new BridgePlugin());
        String start = node.fingerprint();
        assertEquals(0, node.run(CREATE), node.err::toString);
        assertEquals(0, node.run(ATTACH_101), node.err::toString);
        // br1 bridges eth1, the node's second NIC towards the local LAN (no address of its own).
        assertEquals(0, node.run("bridge", "create", "br1", "--nic", "eth1"), node.err::toString);
        assertEquals(0, node.run("ct", "attach", "101", "--bridge", "br1", "--ifname", "eth1", "--address", "10.0.0.101/24"),
            node.err::toString);
        assertTrue(node.ping("101", Lab.LAN_GATEWAY), "CT 101 reaches the LAN through its second pair");
        assertTrue(node.lab.run(lab.ctNetns("101"), "ip", "route", "get", Lab.LAN_GATEWAY).contains("dev eth1"));
        assertTrue(node.ping("101", Lab.ISP_GATEWAY), "and the ISP gateway through the first");
        assertTrue(node.ping(null, "203.0.113.195"));
        assertTrue(node.plan("ct", "attach", "101", "--bridge", "br1", "--ifname", "eth1", "--address", "10.0.0.101/24").isEmpty());
        for (String[] undo : new String[][]{{"ct", "detach", "101", "--ifname", "eth1"}, {"bridge", "delete", "br1"},
            {"ct", "detach", "101"}, {"bridge", "delete", "br0"}})
            assertEquals(0, node.run(undo), () -> String.join(" ", undo) + "\n" + node.err);
        assertEquals(start, node.fingerprint());
    }

    /** Legacy vzctl (5-field --netif_add, the planner plugs and configures) and vzctl 7 (it does both itself). */
    @ParameterizedTest
    @ValueSource(strings = {"vzctl", "vzctl7"})
    void theRecipeWithTheVzctlRuntime(String runtime, Lab lab) throws java.io.IOException {
        LabNode node = new LabNode(lab, root, "iproute2", runtime, new BridgePlugin());
        String start = node.fingerprint();
        assertEquals(0, node.run(CREATE), node.err::toString);
        String attach = LabNode.steps(node.plan(ATTACH_101));
        assertEquals(0, node.run(ATTACH_101), node.err::toString);
        String conf = java.nio.file.Files.readString(root.resolve("etc/vz/conf/101.conf"));
        if (runtime.equals("vzctl7")) {
            assertTrue(attach.contains("vzctl set 101 --netif_add eth0,,veth101.0 --save\n"
                + "vzctl set 101 --ifname eth0 --network br0 --nettype bridge --ipadd 203.0.113.195/26 --gw 203.0.113.193 --save"), attach);
            assertFalse(attach.contains("vzctl exec2 101 ip addr"), "vzctl 7 configures the CT itself: " + attach);
            assertTrue(conf.matches("(?s).*NETIF=\"ifname=eth0,mac=[0-9A-F:]{17},host_ifname=veth101.0,host_mac=[0-9A-F:]{17},"
                + "network=br0,type=bridge,ip=203.0.113.195/26,gw=203.0.113.193,configure=all\".*"), conf);
        } else {
            assertTrue(attach.contains("--netif_add eth0,,veth101.0,,br0 --save"), attach);
            assertTrue(conf.contains("bridge=br0"), conf);
        }
        assertTrue(node.ping("101", Lab.ISP_GATEWAY));
        assertTrue(node.ping(null, "203.0.113.195"));
        assertTrue(node.ping("101", Lab.NODE_ADDRESS));
        assertTrue(node.plan(ATTACH_101).isEmpty());
        assertEquals(0, node.run("ct", "detach", "101"), node.err::toString);
        assertEquals(0, node.run("bridge", "delete", "br0"), node.err::toString);
        assertEquals(start, node.fingerprint());
    }

    @org.junit.jupiter.api.Test
    void withStpTheEngineWaitsForForwardingAndTheSettingsHold(Lab lab) {
        LabNode node = new LabNode(lab, root, "iproute2", new BridgePlugin());
        assertEquals(0, node.run("bridge", "create", "br0", "--nic", "eth0", "--stp", "on", "--forward-delay", "2"), node.err::toString);
        var br = node.observe().link("br0").orElseThrow();
        assertEquals(new dev.vzbridge.api.host.BridgeInfo(true, 2), br.bridge());
        assertEquals("forwarding", node.observe().link("eth0").orElseThrow().portState());
        assertTrue(node.ping(null, Lab.LAN_GATEWAY));
        assertTrue(node.plan("bridge", "create", "br0", "--nic", "eth0").isEmpty(), "an existing bridge keeps its STP settings");
        assertEquals(0, node.run("bridge", "delete", "br0"), node.err::toString);
        assertTrue(node.ping(null, Lab.LAN_GATEWAY));
    }
}
