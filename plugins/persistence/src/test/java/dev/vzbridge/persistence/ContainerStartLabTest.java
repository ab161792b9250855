package dev.vzbridge.persistence;

import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.exec.ExecResult;
import dev.vzbridge.lab.Lab;
import dev.vzbridge.testkit.LabTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static dev.vzbridge.persistence.EmulatedNode.ok;
import static dev.vzbridge.persistence.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The saved files at work: the vzctl emulator starts a fresh CT 101 and runs the
 * generated vznetcfg.custom the way vzctl does; the CT comes up on the bridge with
 * its address, default route and host routes, as it was when saved. The umount
 * script removes the node's host route when the CT stops.
 */
@LabTest(containers = {101})
class ContainerStartLabTest {
    @TempDir
    Path root;
    @TempDir
    Path bin;

    private EmulatedNode node;
    private Lab lab;

    private String hn() {
        return node.hn();
    }

    private String ct() {
        return node.ct();
    }

    private ExecResult vzctl(String... args) {
        return node.vzctl(args);
    }

    private void ip(String netns, String... commands) {
        node.ip(netns, commands);
    }

    private HostState observe() {
        return node.observe();
    }

    /** The node as 'bridge create br0 --nic eth0' leaves it, and the vzctl emulator in place. */
    private void bridgedNode(Lab lab) throws IOException {
        this.lab = lab;
        this.node = EmulatedNode.legacy(lab, root, bin).bridged(0);
        Files.createDirectories(root.resolve("etc/sysconfig/network-scripts"));
        // CT 101 as vzctl made it, stopped: its veths are added to the config only.
        ok(vzctl("stop", "101"));
    }

    @Test
    void savedScriptsRebuildTheContainersNetworkAtStart(Lab lab) throws IOException {
        bridgedNode(lab);
        // Attached by hand as 'ct attach … --host-route' does.
        ok(vzctl("set", "101", "--netif_add", "eth0,,veth101.0,,br0", "--save"));
        ok(vzctl("start", "101"));
        ip(hn(), "link set veth101.0 master br0 up", "route add 203.0.113.195/32 dev br0");
        ip(ct(), "link set eth0 up", "addr add 203.0.113.195/26 dev eth0",
            "route add default via 203.0.113.193 dev eth0", "route add 10.0.0.2 dev eth0");
        assertTrue(lab.ping(ct(), "203.0.113.193"), "hand-made setup works");

        HostState running = observe();
        Plan plan = save().plan(context(running, root));
        apply(root, plan);
        String port = new String(read(root, "/etc/sysconfig/network-scripts/ifcfg-eth0"));
        assertTrue(port.contains("BRIDGE=br0\n") && !port.contains("IPADDR"), "the lab's veth uplink is the NIC: " + port);
        assertFalse(Files.exists(root.resolve("etc/sysconfig/network-scripts/ifcfg-veth101.0")));

        // Stop: the CT and its veth go; the umount script removes the node's host route.
        ok(vzctl("stop", "101"));
        assertFalse(lab.run(hn(), "ip", "route", "show", "203.0.113.195/32").isBlank(), "the route outlives the CT");
        ExecResult umount = lab.exec(hn(), List.of("env", "-i", "VEID=101", "VE_CONFFILE=" + root.resolve("etc/vz/conf/101.conf"),
            "PATH=" + System.getenv("PATH"), root.resolve("etc/vz/conf/vps.umount").toString()));
        assertTrue(umount.ok(), umount.problem());
        assertEquals("", lab.run(hn(), "ip", "route", "show", "203.0.113.195/32"), "umount removed the host route");

        // Start: the emulator runs vznetcfg.custom init veth veth101.0 with only VEID, PATH, HOME, TERM.
        ExecResult start = vzctl("start", "101");
        assertTrue(start.ok(), start.problem());
        assertEquals("Container start in progress...\n", start.stdout(), "the script prints nothing on stdout");
        assertTrue(lab.run(hn(), "ip", "-o", "link", "show", "veth101.0").contains("master br0"));
        String routes = lab.run(ct(), "ip", "route");
        assertTrue(routes.contains("default via 203.0.113.193 dev eth0"), routes);
        assertTrue(routes.contains("10.0.0.2 dev eth0"), routes);
        assertTrue(lab.run(ct(), "ip", "-o", "addr", "show", "dev", "eth0").contains("203.0.113.195/26"));
        assertFalse(lab.run(hn(), "ip", "route", "show", "203.0.113.195/32").isBlank(), "host route back");
        assertTrue(lab.ping(ct(), "203.0.113.193"), "CT reaches its gateway");
        assertTrue(lab.ping(hn(), "203.0.113.195"), "node reaches the CT over the host route");
        assertTrue(lab.ping(ct(), "10.0.0.2"), "CT reaches the node");

        // The restarted CT is what was saved.
        HostState again = observe();
        assertTrue(save("--check").plan(context(again, root)).isEmpty(), "save --check is clean after the restart");
    }

    /** Any number of veth/bridge pairs: eth0 on br0 (public, default route), eth1 on br1 (a local segment). */
    @Test
    void twoVethBridgePairsComeBackOnTheirOwnBridges(Lab lab) throws IOException {
        bridgedNode(lab);
        ip(hn(), "link add br1 type bridge forward_delay 0 stp_state 0", "addr add 192.168.77.1/24 dev br1", "link set br1 up");
        ok(vzctl("set", "101", "--netif_add", "eth0,,veth101.0,,br0", "--netif_add", "eth1,,veth101.1,,br1", "--save"));
        ok(vzctl("start", "101"));
        ip(hn(), "link set veth101.0 master br0 up", "link set veth101.1 master br1 up");
        ip(ct(), "link set eth0 up", "addr add 203.0.113.195/26 dev eth0", "route add default via 203.0.113.193 dev eth0",
            "link set eth1 up", "addr add 192.168.77.5/24 dev eth1");

        apply(root, save().plan(context(observe(), root)));
        ok(vzctl("stop", "101"));
        ExecResult start = vzctl("start", "101");
        assertTrue(start.ok(), start.problem());

        assertTrue(lab.run(hn(), "ip", "-o", "link", "show", "veth101.0").contains("master br0"));
        assertTrue(lab.run(hn(), "ip", "-o", "link", "show", "veth101.1").contains("master br1"));
        assertTrue(lab.run(ct(), "ip", "-o", "addr", "show", "dev", "eth0").contains("203.0.113.195/26"));
        String eth1 = lab.run(ct(), "ip", "-o", "addr", "show", "dev", "eth1");
        assertTrue(eth1.contains("192.168.77.5/24") && !eth1.contains("203.0.113"), eth1);
        assertTrue(lab.run(ct(), "ip", "route").contains("default via 203.0.113.193 dev eth0"));
        assertTrue(lab.ping(ct(), "203.0.113.193"), "CT reaches its gateway over br0");
        assertTrue(lab.ping(ct(), "192.168.77.1"), "CT reaches the node over br1");
        assertTrue(save("--check").plan(context(observe(), root)).isEmpty(), "save --check is clean after the restart");
    }

    /** Legacy too: a br0 from the installer's layout is kept (edited in place, one bridge file), and the CT comes back. */
    @Test
    void theInstallersBridgeIsKeptOnLegacy(Lab lab) throws IOException {
        bridgedNode(lab);
        ip(hn(), "link set br0 type bridge forward_delay 200");
        put(root, "/etc/sysconfig/network-scripts/ifcfg-br0", SaveOpenVz7Test.INSTALLER_BR0.getBytes());
        put(root, "/etc/sysconfig/network-scripts/ifcfg-eth0", SaveOpenVz7Test.INSTALLER_ETH0.getBytes());
        ok(vzctl("set", "101", "--netif_add", "eth0,,veth101.0,,br0", "--save"));
        ok(vzctl("start", "101"));
        ip(hn(), "link set veth101.0 master br0 up", "route add 203.0.113.195/32 dev br0");
        ip(ct(), "link set eth0 up", "addr add 203.0.113.195/26 dev eth0",
            "route add default via 203.0.113.193 dev eth0", "route add 10.0.0.2 dev eth0");

        apply(root, save().plan(context(observe(), root)));
        String brMac = lab.run(hn(), "cat", "/sys/class/net/br0/address").strip();
        assertEquals(SaveOpenVz7Test.INSTALLER_BR0 + "# Bridge br0, written by vzbridge 0.1.0-test; edit via \"vzbridge save\".\n"
            + "MACADDR=" + brMac + "\n", new String(read(root, "/etc/sysconfig/network-scripts/ifcfg-br0")));
        assertEquals(SaveOpenVz7Test.INSTALLER_ETH0, new String(read(root, "/etc/sysconfig/network-scripts/ifcfg-eth0")));
        try (var files = Files.list(root.resolve("etc/sysconfig/network-scripts"))) {
            assertEquals(2, files.count(), "no second bridge file");
        }

        ok(vzctl("stop", "101"));
        ok(vzctl("start", "101"));
        assertTrue(lab.ping(ct(), "203.0.113.193"), "CT reaches its gateway");
        assertTrue(lab.ping(ct(), "10.0.0.2"), "CT reaches the node");
        assertTrue(save("--check").plan(context(observe(), root)).isEmpty(), "save --check is clean after the restart");
    }
}
