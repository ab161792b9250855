package dev.vzbridge.testkit;

import dev.vzbridge.exec.CommandRunner;
import dev.vzbridge.exec.ExecResult;
import dev.vzbridge.lab.Lab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The emulator writes NETIF like vzctl and starts CTs through vznet.conf's EXTERNAL_SCRIPT. */
@LabTest
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
}
