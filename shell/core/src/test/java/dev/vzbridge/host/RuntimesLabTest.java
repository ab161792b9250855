package dev.vzbridge.host;

import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Route;
import dev.vzbridge.api.net.Cidr;
import dev.vzbridge.api.plan.Step;
import dev.vzbridge.api.tools.NetTools;
import dev.vzbridge.exec.CommandRunner;
import dev.vzbridge.exec.ExecResult;
import dev.vzbridge.lab.Lab;
import dev.vzbridge.testkit.LabActions;
import dev.vzbridge.testkit.LabTest;
import dev.vzbridge.lab.LabVzctlEmulator;
import dev.vzbridge.tools.Iproute2Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both runtimes give CT 101 a veth on the node's bridge; the CT then reaches the ISP gateway and the node. */
@LabTest
class RuntimesLabTest {
    private static final String CT = "101";

    @Test
    void netnsRuntime(Lab lab) {
        NetnsRuntime rt = new NetnsRuntime(lab.nodeRunner(), lab.ctNetnsPattern(), new Iproute2Tools());
        assertEquals(List.of("101", "102"), rt.list());
        assertTrue(rt.running(CT));
        attachPingDetach(lab, lab.nodeRunner(), rt);
    }

    @Test
    void vzctlRuntimeOnTheEmulator(Lab lab, @TempDir Path root) throws Exception {
        LabVzctlEmulator emu = LabVzctlEmulator.install(lab, root);
        CommandRunner node = emu.wrap(lab.nodeRunner());
        VzctlRuntime rt = new VzctlRuntime(node, new RootFileView(root), new Iproute2Tools());
        assertEquals(List.of("101", "102"), rt.list());
        assertTrue(rt.running(CT));
        Path conf = root.resolve("etc/vz/conf/101.conf");
        Files.createDirectories(conf.getParent());
        Files.writeString(conf, "# CT 101\nONBOOT=\"yes\"\nNETIF=\"\"\nHOSTNAME=\"ct101\"\n");

        attachPingDetach(lab, node, rt);

        // the detach (--netif_del --save) emptied NETIF in place; the attach had recorded it with the bridge
        assertEquals("# CT 101\nONBOOT=\"yes\"\nNETIF=\"\"\nHOSTNAME=\"ct101\"\n", Files.readString(conf));
    }

    private static void attachPingDetach(Lab lab, CommandRunner node, HostRuntime rt) {
        NetTools tools = new Iproute2Tools();
        NetTools inside = rt.inside(CT);
        String host = rt.hostIfname(CT, "eth0");
        assertEquals("veth101.0", host);
        Cidr nodeAddr = Cidr.parse("10.0.0.2/24");
        List<Step> steps = new ArrayList<>(List.of(
            tools.addBridge("br0"),
            tools.setForwardDelay("br0", 0, 15),
            tools.enslave("eth0", "br0"),
            tools.deleteAddress("eth0", nodeAddr),
            tools.addAddress("br0", nodeAddr),
            tools.up("br0", false),
            rt.addVeth(CT, "eth0", "br0", "02:00:cb:00:71:c3"),
            tools.enslave(host, "br0"),
            tools.up(host, false),
            tools.addRoute(Route.of("203.0.113.195/32", null, "br0")),
            inside.up("eth0", false),
            inside.addAddress("eth0", Cidr.parse("203.0.113.195/26")),
            inside.addRoute(Route.of("10.0.0.2/32", null, "eth0")),
            inside.addRoute(Route.of("default", "203.0.113.193", "eth0"))));
        LabActions.apply(node, steps);

        if (rt instanceof VzctlRuntime v) {
            var netif = v.netifs(CT);
            assertEquals(1, netif.size(), netif.toString());
            assertEquals("br0", netif.get(0).get("bridge"));
            assertEquals("veth101.0", netif.get(0).get("host_ifname"));
            assertEquals("02:00:cb:00:71:c3", netif.get(0).get("mac"));
        }
        HostState h = new HostProbe(node, rt).observe(List.of(CT));
        assertEquals("br0", h.link(host).orElseThrow().master());
        assertEquals("02:00:cb:00:71:c3", h.container(CT).orElseThrow().link("eth0").orElseThrow().mac());
        ExecResult ping = node.run(rt.inside(CT, Lab.pingArgv(Lab.ISP_GATEWAY)));
        assertTrue(ping.ok(), "CT reaches the ISP gateway over the bridge: " + ping.problem());
        assertTrue(node.run(rt.inside(CT, Lab.pingArgv(Lab.NODE_ADDRESS))).ok(), "CT reaches the node");
        assertTrue(lab.ping(lab.nodeNetns(), "203.0.113.195"), "node reaches the CT");
        assertTrue(lab.ping(lab.upNetns(), "203.0.113.195"), "the uplink reaches the CT");

        Step remove = rt.removeVeth(CT, "eth0", "br0", "02:00:cb:00:71:c3");
        LabActions.apply(node, List.of(remove));
        HostState gone = new HostProbe(node, rt).observe(List.of(CT));
        assertTrue(gone.link(host).isEmpty(), "host end removed");
        assertTrue(gone.container(CT).orElseThrow().link("eth0").isEmpty(), "CT end removed");
        assertFalse(lab.ping(lab.upNetns(), "203.0.113.195"), "CT is off the network");
        // the exact undo of the removal puts the pair back
        LabActions.undo(node, List.of(remove));
        assertTrue(new HostProbe(node, rt).observe(List.of(CT)).container(CT).orElseThrow().link("eth0").isPresent());
        LabActions.apply(node, List.of(remove));
    }
}
