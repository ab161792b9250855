package dev.vzbridge.persistence;

import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.api.tools.OpenVz;
import dev.vzbridge.exec.ExecResult;
import dev.vzbridge.lab.Lab;
import dev.vzbridge.testkit.LabTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static dev.vzbridge.persistence.EmulatedNode.ok;
import static dev.vzbridge.persistence.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * OpenVZ 7 at work, through the vzctl emulator's OpenVZ 7 mode: a node whose br0
 * came from the installer's layout, CT 101 configured the vzctl 7 way, saved,
 * stopped and started again: the hook (our one script, as "addif HOST NET") plugs
 * it in and adds the host routes, vzctl applies ip=/gw= inside, and the CT reaches
 * its gateway and the node. Then the script alone, driven exactly as the OpenVZ 7
 * hook calls it: argv, the minimal environment, a UUID VEID.
 */
@LabTest(containers = {101})
class OpenVz7StartLabTest {
    private static final String UUID = "3f2a1c9e-5b7d-4e21-9c0a-7d1e2f3a4b5c";

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

    /** br0 as OpenVZ 7's installer leaves it: over eth0, with the node's address, forward delay 2, STP off. */
    private void installerNode(Lab lab) throws IOException {
        this.lab = lab;
        this.node = EmulatedNode.openVz7(lab, root, bin, UUID).bridged(200);
        put(root, "/etc/sysconfig/network-scripts/ifcfg-br0", SaveOpenVz7Test.INSTALLER_BR0.getBytes());
        put(root, "/etc/sysconfig/network-scripts/ifcfg-eth0", SaveOpenVz7Test.INSTALLER_ETH0.getBytes());
        put(root, "/etc/vz/vz.conf", "VIRTUOZZO=yes\n".getBytes());
    }

    @Test
    void savedOpenVz7ContainerComesBackAtStart(Lab lab) throws IOException {
        installerNode(lab);
        ok(vzctl("stop", "101"));
        ok(vzctl("set", "101", "--netif_add", "eth0,,veth101.0", "--save"));
        ok(vzctl("set", "101", "--ifname", "eth0", "--network", "br0", "--nettype", "bridge",
            "--ipadd", "203.0.113.195/26", "--gw", "203.0.113.193", "--save"));
        ok(vzctl("start", "101"));
        // The host routes, as 'ct attach … --host-route' adds them.
        ip(hn(), "route add 203.0.113.195/32 dev br0");
        ip(ct(), "route add 10.0.0.2 dev eth0");
        assertTrue(lab.ping(ct(), "203.0.113.193"), "vzctl 7 attached and configured the CT");

        Plan plan = save().plan(context(node.observe(), root, OpenVz.SEVEN));
        apply(root, plan);
        String nicMac = lab.run(hn(), "cat", "/sys/class/net/eth0/address").strip().toUpperCase();
        assertEquals(SaveOpenVz7Test.INSTALLER_BR0 + "# Bridge br0, written by vzbridge 0.1.0-test; edit via \"vzbridge save\".\n"
            + "MACADDR=" + nicMac.toLowerCase() + "\n", new String(read(root, "/etc/sysconfig/network-scripts/ifcfg-br0")),
            "the installer's bridge is kept, on the NIC's MAC");
        assertEquals(SaveOpenVz7Test.INSTALLER_ETH0, new String(read(root, "/etc/sysconfig/network-scripts/ifcfg-eth0")));
        String conf = new String(read(root, "/etc/vz/conf/101.conf"));
        assertTrue(conf.contains(",network=br0,type=bridge,ip=203.0.113.195/26,gw=203.0.113.193,configure=all\""), conf);
        assertFalse(conf.contains("bridge=br0"), conf);

        // Stop: the umount script takes the node's host route away.
        ok(vzctl("stop", "101"));
        ExecResult umount = lab.exec(hn(), List.of("env", "-i", "VEID=101", "VE_CONFFILE=" + root.resolve("etc/vz/conf/101.conf"),
            "PATH=" + System.getenv("PATH"), root.resolve("etc/vz/conf/vps.umount").toString()));
        assertTrue(umount.ok(), umount.problem());
        assertEquals("", lab.run(hn(), "ip", "route", "show", "203.0.113.195/32"));

        // Start: the emulator calls EXTERNAL_SCRIPT addif veth101.0 br0 (VEID, NETWORK_TYPE=bridge), then applies ip=/gw= inside.
        ExecResult start = vzctl("start", "101");
        assertTrue(start.ok(), start.problem());
        assertTrue(lab.run(hn(), "ip", "-o", "link", "show", "veth101.0").contains("master br0"));
        assertFalse(lab.run(hn(), "ip", "route", "show", "203.0.113.195/32").isBlank(), "host route from the script");
        String routes = lab.run(ct(), "ip", "route");
        assertTrue(routes.contains("default via 203.0.113.193 dev eth0"), routes);
        assertTrue(routes.contains("10.0.0.2 dev eth0"), routes);
        assertTrue(lab.ping(ct(), "203.0.113.193"), "CT reaches its gateway");
        assertTrue(lab.ping(ct(), "10.0.0.2"), "CT reaches the node");
        assertTrue(lab.ping(hn(), "203.0.113.195"), "node reaches the CT over the host route");
        assertTrue(save("--check").plan(context(node.observe(), root, OpenVz.SEVEN)).isEmpty(), "save --check is clean after the restart");
    }

    /** The script alone, as OpenVZ 7's hook runs it: argv, VEID (a UUID), NETWORK_TYPE, HOME, TERM, PATH and nothing else. */
    private ExecResult hook(String veid, String... args) {
        List<String> argv = new ArrayList<>(List.of("env", "-i"));
        if (veid != null) argv.add("VEID=" + veid);
        argv.addAll(List.of("NETWORK_TYPE=bridge", "HOME=/root", "TERM=dumb", "PATH=" + node.path(),
            root.resolve("usr/sbin/vznetcfg.custom").toString()));
        argv.addAll(List.of(args));
        return lab.exec(hn(), argv);
    }

    @Test
    void theScriptDrivenAsTheOpenVz7HookWithAUuidVeid(Lab lab) throws IOException {
        installerNode(lab);
        // CT 101 under its UUID: the veth exists (vzctl made it), not yet on the bridge.
        ip(hn(), "link add veth101.0 type veth peer name eth0 netns " + ct());
        ip(ct(), "link set eth0 up", "addr add 203.0.113.195/26 dev eth0");
        put(root, "/etc/vz/conf/" + UUID + ".conf", ("NETIF=\"ifname=eth0,mac=00:18:51:C0:FF:EE,host_ifname=veth101.0,"
            + "host_mac=00:18:51:AA:BB:01,network=br0,type=bridge,ip=203.0.113.195/26,gw=203.0.113.193,configure=all\"\n"
            + "VZBRIDGE_HOST_ROUTES=\"203.0.113.195\"\n").getBytes());
        put(root, "/etc/vz/vz.conf", "CT0_IP=\"10.0.0.2\"\n".getBytes());
        put(root, "/usr/sbin/vznetcfg.custom", VzFiles.script("vznetcfg.custom", "test"));
        Files.setPosixFilePermissions(root.resolve("usr/sbin/vznetcfg.custom"), PosixFilePermissions.fromString("rwxr-xr-x"));

        ExecResult add = hook(UUID, "addif", "veth101.0", "br0");
        assertEquals(0, add.exitCode(), add.problem());
        assertEquals("", add.stdout() + add.stderr(), "silent on success");
        assertTrue(lab.run(hn(), "ip", "-o", "link", "show", "veth101.0").contains("master br0"));
        assertTrue(lab.run(hn(), "ip", "-o", "link", "show", "veth101.0").contains("state UP"));
        assertFalse(lab.run(hn(), "ip", "route", "show", "203.0.113.195/32", "dev", "br0").isBlank(), "the node's host route");
        assertTrue(lab.run(ct(), "ip", "route").contains("10.0.0.2 dev eth0"), "the CT's route to the node");
        assertTrue(lab.ping(hn(), "203.0.113.195"), "node reaches the CT");
        assertEquals(0, hook(UUID, "addif", "veth101.0", "br0").exitCode(), "a second addif changes nothing and succeeds");

        ExecResult del = hook(UUID, "delif", "veth101.0");
        assertEquals(0, del.exitCode(), del.problem());
        assertEquals("", lab.run(hn(), "ip", "route", "show", "203.0.113.195/32"), "delif took the host route back");
        assertFalse(lab.run(hn(), "ip", "-o", "link", "show", "veth101.0").contains("master"), "and the veth off the bridge");

        // Failures: non-zero, one line on stderr naming the problem.
        ExecResult noVeid = hook(null, "addif", "veth101.0", "br0");
        assertEquals(1, noVeid.exitCode());
        assertEquals("vznetcfg.custom: CT ?: VEID is not set\n", noVeid.stderr());
        ExecResult usage = hook(UUID, "addif", "veth101.0");
        assertEquals(2, usage.exitCode());
        assertTrue(usage.stderr().contains("usage:") && usage.stderr().contains("addif HOST_IFNAME NETWORK"), usage.stderr());
        assertEquals(2, hook("../101", "addif", "veth101.0", "br0").exitCode(), "a VEID that is a path");
        ExecResult unknown = hook(UUID, "addif", "veth999.0", "br0");
        assertEquals(1, unknown.exitCode());
        assertTrue(unknown.stderr().startsWith("vznetcfg.custom: CT " + UUID + ": veth999.0 is not in NETIF of "), unknown.stderr());
        ExecResult noBridge = hook(UUID, "addif", "veth101.0", "br7");
        assertEquals(1, noBridge.exitCode());
        assertTrue(noBridge.stderr().contains("bridge br7 for veth101.0 does not exist"), noBridge.stderr());
        List<String> virtual = new ArrayList<>(List.of("env", "-i", "VEID=" + UUID, "HOME=/root", "TERM=dumb",
            "PATH=" + node.path(), root.resolve("usr/sbin/vznetcfg.custom").toString(), "addif", "veth101.0", "Bridged"));
        put(root, "/etc/vz/conf/" + UUID + ".conf", new String(read(root, "/etc/vz/conf/" + UUID + ".conf"))
            .replace("network=br0,type=bridge", "network=Bridged").getBytes());
        ExecResult notBridged = lab.exec(hn(), virtual);
        assertEquals(1, notBridged.exitCode());
        assertTrue(notBridged.stderr().contains("network Bridged of veth101.0 is not a bridge"), notBridged.stderr());
        ExecResult noConf = hook("4b5c", "addif", "veth101.0", "br0");
        assertEquals(1, noConf.exitCode());
        assertTrue(noConf.stderr().contains("cannot read " + root + "/etc/vz/conf/4b5c.conf"), noConf.stderr());
    }
}
