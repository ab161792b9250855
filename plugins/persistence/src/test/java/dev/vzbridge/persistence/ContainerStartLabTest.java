package dev.vzbridge.persistence;

import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.exec.ExecResult;
import dev.vzbridge.host.HostProbe;
import dev.vzbridge.host.NetnsRuntime;
import dev.vzbridge.lab.Lab;
import dev.vzbridge.testkit.LabTest;
import dev.vzbridge.tools.ToolFlavours;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

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

    private Lab lab;

    private String hn() {
        return lab.nodeNetns();
    }

    private String ct() {
        return lab.ctNetns("101");
    }

    /** Runs the emulator in the node namespace, as the admin's vzctl would run there. */
    private ExecResult vzctl(String... args) {
        List<String> argv = new ArrayList<>(List.of("env", "PATH=" + bin + ":" + System.getenv("PATH")));
        argv.add("vzctl");
        argv.addAll(List.of(args));
        return lab.exec(hn(), argv);
    }

    /** The emulator, and a vzctl on PATH that reaches it with the lab's settings even from env -i. */
    private void installVzctl() throws IOException {
        Path emu = bin.resolve("emulator");
        Files.createDirectories(emu);
        for (String tool : List.of("vzctl", "vzlist")) {
            try (InputStream in = getClass().getResourceAsStream("/vzctl-emulator/" + tool)) {
                assertNotNull(in, "vzctl emulator on the test classpath");
                Files.write(emu.resolve(tool), in.readAllBytes());
            }
            Files.setPosixFilePermissions(emu.resolve(tool), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.writeString(bin.resolve("vzctl"), "#!/bin/sh\nVZCTL_EMU_NETNS='" + lab.ctNetnsPattern() + "' VZCTL_EMU_ROOT='"
            + root + "' exec '" + emu.resolve("vzctl") + "' \"$@\"\n");
        Files.setPosixFilePermissions(bin.resolve("vzctl"), PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static void ok(ExecResult r) {
        assertTrue(r.ok(), String.join(" ", r.argv()) + ": " + r.problem());
    }

    private HostState observe() {
        var runtime = new NetnsRuntime(lab.nodeRunner(), lab.ctNetnsPattern(), ToolFlavours.select("iproute2", lab.nodeRunner()));
        return new HostProbe(lab.nodeRunner(), runtime).observe(null);
    }

    @Test
    void savedScriptsRebuildTheContainersNetworkAtStart(Lab lab) throws IOException {
        this.lab = lab;
        {
            installVzctl();
            // The node as 'bridge create br0 --nic eth0' leaves it.
            for (String cmd : List.of("link add br0 type bridge forward_delay 0 stp_state 0", "link set eth0 master br0",
                "addr del 10.0.0.2/24 dev eth0", "addr add 10.0.0.2/24 dev br0", "link set br0 up",
                "route add default via 10.0.0.1 dev br0")) {
                List<String> argv = new ArrayList<>(List.of("ip"));
                argv.addAll(List.of(cmd.split(" ")));
                lab.run(hn(), argv.toArray(String[]::new));
            }
            // CT 101 made by vzctl (stopped, so only its config changes), attached by hand as
            // 'ct attach … --host-route' does.
            ok(vzctl("stop", "101"));
            ok(vzctl("set", "101", "--netif_add", "eth0,,veth101.0,,br0", "--save"));
            ok(vzctl("start", "101"));
            lab.run(hn(), "ip", "link", "set", "veth101.0", "master", "br0", "up");
            lab.run(ct(), "ip", "link", "set", "eth0", "up");
            lab.run(ct(), "ip", "addr", "add", "203.0.113.195/26", "dev", "eth0");
            lab.run(ct(), "ip", "route", "add", "default", "via", "203.0.113.193", "dev", "eth0");
            lab.run(ct(), "ip", "route", "add", "10.0.0.2", "dev", "eth0");
            lab.run(hn(), "ip", "route", "add", "203.0.113.195/32", "dev", "br0");
            assertTrue(lab.ping(ct(), "203.0.113.193"), "hand-made setup works");

            Files.createDirectories(root.resolve("etc/sysconfig/network-scripts"));
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

            // The restarted CT is what was saved.
            HostState again = observe();
            assertTrue(save("--check").plan(context(again, root)).isEmpty(), "save --check is clean after the restart");
        }
    }
}
