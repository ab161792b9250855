package dev.vzbridge.lab;

import dev.vzbridge.exec.CommandRunner;
import dev.vzbridge.exec.ExecResult;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The emulator writes NETIF like vzctl and starts CTs through vznet.conf's EXTERNAL_SCRIPT. */
@dev.vzbridge.testkit.LabTest
class LabVzctlEmulatorTest {
    private static ExecResult ok(ExecResult r) {
        assertTrue(r.ok(), String.join(" ", r.argv()) + ": " + r.problem());
        return r;
    }

    @Test
    void netifIsRecordedInPlaceAndStartRunsTheExternalScript(Lab lab, @TempDir Path root) throws Exception {
        LabVzctlEmulator emu = LabVzctlEmulator.install(lab, root);
        CommandRunner node = emu.wrap(lab.nodeRunner());
        Path conf = root.resolve("etc/vz/conf/102.conf");
        Files.createDirectories(conf.getParent());
        Files.writeString(conf, "# keep me\nONBOOT=\"yes\"\nNETIF=\"\"\nOSTEMPLATE=\"centos\"\n");

        ok(node.run("vzctl", "set", "102", "--netif_add", "eth0,00:18:51:00:00:01,veth102.0,00:18:51:00:00:02,br0", "--save"));
        ok(node.run("vzctl", "set", "102", "--netif_add", "eth1,,,,", "--save"));
        String text = Files.readString(conf);
        assertTrue(text.startsWith("# keep me\nONBOOT=\"yes\"\nNETIF=\"ifname=eth0,bridge=br0,mac=00:18:51:00:00:01,"
            + "host_ifname=veth102.0,host_mac=00:18:51:00:00:02;ifname=eth1,mac="), text);
        assertTrue(text.endsWith("host_ifname=veth102.1,host_mac=" + text.split("host_ifname=veth102.1,host_mac=")[1].substring(0, 17)
            + "\"\nOSTEMPLATE=\"centos\"\n"), text);
        assertTrue(lab.exec(lab.nodeNetns(), "ip", "link", "show", "veth102.0").ok(), "running CT got its veth");
        assertFalse(node.run("vzctl", "set", "102", "--netif_add", "eth0", "--save").ok(), "eth0 exists already");

        ok(node.run("vzctl", "set", "102", "--netif_del", "eth1", "--save"));
        assertTrue(Files.readString(conf).contains("NETIF=\"ifname=eth0,bridge=br0,mac=00:18:51:00:00:01,"
            + "host_ifname=veth102.0,host_mac=00:18:51:00:00:02\"\n"));
        assertFalse(lab.exec(lab.nodeNetns(), "ip", "link", "show", "veth102.1").ok(), "veth102.1 removed");

        // start: veths recreated from NETIF, then EXTERNAL_SCRIPT (a node path, found under the root)
        Path log = root.resolve("script.log");
        Path script = root.resolve("usr/sbin/vznet-test");
        Files.createDirectories(script.getParent());
        Files.writeString(script, "#!/bin/sh\necho \"args=$*\" >> " + log + "\nenv | sort >> " + log + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(root.resolve("etc/vz/vznet.conf"), "# vznet\nEXTERNAL_SCRIPT=\"/usr/sbin/vznet-test\"\n");
        ok(node.run("vzctl", "stop", "102"));
        assertFalse(lab.exec(lab.nodeNetns(), "ip", "link", "show", "veth102.0").ok(), "stopped CT has no veth");
        assertTrue(ok(node.run("vzlist", "-a", "-H", "-o", "ctid,status")).stdout().contains("102 stopped"));
        ok(node.run("vzctl", "start", "102"));
        assertTrue(lab.exec(lab.nodeNetns(), "ip", "link", "show", "veth102.0").ok(), "started CT has its veth again");
        assertTrue(ok(node.run("vzctl", "exec2", "102", "ip", "link", "show", "eth0")).stdout().contains("00:18:51:00:00:01"));
        String logged = Files.readString(log);
        assertTrue(logged.startsWith("args=init veth veth102.0\n"), logged);
        assertTrue(logged.contains("VEID=102\n"), logged);
        for (String line : logged.lines().toList()) {
            if (line.startsWith("args=")) continue;
            String name = line.substring(0, line.indexOf('='));
            // PWD, SHLVL and _ are set by the script's own shell
            assertTrue(java.util.Set.of("VEID", "PATH", "HOME", "TERM", "PWD", "SHLVL", "_").contains(name), "unexpected env " + line);
        }
        assertEquals(1, node.run("vzctl", "exec2", "102", "false").exitCode(), "exec2 passes the exit code through");
        assertEquals(3, node.run("vzctl", "exec2", "999", "true").exitCode(), "a CT that does not run");
    }

    /**
     * vzctl 7 as the emulator plays it: the 5-field --netif_add is refused, NETIF gets
     * network=/type=/ip=/gw=/configure= and no bridge=, a running CT is attached and
     * configured at once, and start calls the hook as "addif HOST NET" with the
     * OpenVZ 7 environment, then applies ip=/gw= inside.
     */
    @Test
    void openvz7Forms(Lab lab, @TempDir Path root) throws Exception {
        LabVzctlEmulator emu = LabVzctlEmulator.install(lab, root, dev.vzbridge.api.tools.OpenVz.SEVEN);
        CommandRunner node = emu.wrap(lab.nodeRunner());
        assertEquals("vzctl version 7.0.262\n", ok(node.run("vzctl", "--version")).stdout());
        Path conf = root.resolve("etc/vz/conf/102.conf");
        Files.createDirectories(conf.getParent());
        Files.writeString(conf, "# keep me\nNETIF=\"\"\nOSTEMPLATE=\"centos\"\n");
        lab.run(lab.nodeNetns(), "ip", "link", "add", "br9", "type", "bridge");
        lab.run(lab.nodeNetns(), "ip", "link", "set", "br9", "up");

        ExecResult five = node.run("vzctl", "set", "102", "--netif_add", "eth0,,veth102.0,,br9", "--save");
        assertEquals(2, five.exitCode(), five.problem());
        assertTrue(five.stderr().contains("Invalid host MAC address"), five.stderr());
        assertFalse(node.run("vzctl", "set", "102", "--bridge", "br9").ok(), "vzctl 7 has no --bridge");

        ok(node.run("vzctl", "set", "102", "--netif_add", "eth0,00:1C:42:00:00:01,veth102.0,FE:1C:42:00:00:02", "--save"));
        ok(node.run("vzctl", "set", "102", "--ifname", "eth0", "--network", "br9", "--nettype", "bridge",
            "--ipadd", "203.0.113.196/26", "--gw", "203.0.113.193", "--save"));
        assertEquals("# keep me\nNETIF=\"ifname=eth0,mac=00:1C:42:00:00:01,host_ifname=veth102.0,host_mac=FE:1C:42:00:00:02,"
            + "network=br9,type=bridge,ip=203.0.113.196/26,gw=203.0.113.193,configure=all\"\nOSTEMPLATE=\"centos\"\n", Files.readString(conf));
        assertTrue(lab.run(lab.nodeNetns(), "ip", "-o", "link", "show", "veth102.0").contains("master br9"), "built-in attach");
        assertTrue(ok(node.run("vzctl", "exec2", "102", "ip", "route")).stdout().contains("default via 203.0.113.193 dev eth0"));

        Path log = root.resolve("script.log");
        Path script = root.resolve("usr/sbin/vznet-test");
        Files.createDirectories(script.getParent());
        Files.writeString(script, "#!/bin/sh\necho \"args=$*\" >> " + log + "\nenv | sort >> " + log
            + "\n[ \"$1\" = delif ] || { ip link set \"$2\" master \"$3\" && ip link set \"$2\" up; }\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(root.resolve("etc/vz/vznet.conf"), "EXTERNAL_SCRIPT=\"/usr/sbin/vznet-test\"\n");
        ok(node.run("vzctl", "stop", "102"));
        ok(node.run("vzctl", "start", "102"));
        String logged = Files.readString(log);
        assertTrue(logged.startsWith("args=addif veth102.0 br9\n"), logged);
        assertTrue(logged.contains("NETWORK_TYPE=bridge\n") && logged.contains("VEID=102\n"), logged);
        for (String line : logged.lines().toList()) {
            if (line.startsWith("args=")) continue;
            String name = line.substring(0, line.indexOf('='));
            assertTrue(java.util.Set.of("VEID", "NETWORK_TYPE", "PATH", "HOME", "TERM", "PWD", "SHLVL", "_").contains(name), "unexpected env " + line);
        }
        assertTrue(ok(node.run("vzctl", "exec2", "102", "ip", "-o", "addr", "show", "eth0")).stdout().contains("203.0.113.196/26"),
            "the in-container step applied ip=");

        // A failing EXTERNAL_SCRIPT fails the start; netif_del of a running CT calls delif.
        ok(node.run("vzctl", "set", "102", "--netif_del", "eth0", "--save"));
        assertTrue(Files.readString(log).contains("args=delif veth102.0\n"), Files.readString(log));
        assertEquals("# keep me\nNETIF=\"\"\nOSTEMPLATE=\"centos\"\n", Files.readString(conf));
        ok(node.run("vzctl", "set", "102", "--netif_add", "eth0", "--save"));
        ok(node.run("vzctl", "set", "102", "--ifname", "eth0", "--network", "br9", "--nettype", "bridge", "--save"));
        Files.writeString(script, "#!/bin/sh\necho 'cannot attach' >&2\nexit 1\n");
        ok(node.run("vzctl", "stop", "102"));
        ExecResult failed = node.run("vzctl", "start", "102");
        assertFalse(failed.ok());
        assertTrue(failed.stderr().contains("cannot attach"), failed.stderr());
        lab.run(lab.nodeNetns(), "ip", "link", "del", "br9");
    }
}
