package dev.vzbridge.persistence;

import dev.vzbridge.host.HostAccess;
import dev.vzbridge.lab.Lab;
import dev.vzbridge.shell.GlobalOptions;
import dev.vzbridge.testkit.LabTest;
import dev.vzbridge.testkit.ShellDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * examples/persist.vzb through the real shell (probe, dispatcher, engine) on a
 * bridged lab node: the diff first, then the files; afterwards save --check is
 * clean, and reports drift once the running setup changes.
 */
@LabTest(containers = {101})
class SaveShellLabTest {
    @TempDir
    Path root;

    private static Path example() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve("examples/persist.vzb");
            if (Files.exists(p)) return p;
        }
        throw new IllegalStateException("examples/persist.vzb not found");
    }

    @Test
    void exampleBatchShowsTheDiffThenSaves(Lab lab) throws IOException {
        String hn = lab.nodeNetns();
        String ct = lab.ctNetns("101");
        // The single-NIC recipe's result, made by hand: br0 over eth0, CT 101 on it with a host route.
        for (String cmd : new String[] {"link add br0 type bridge forward_delay 0 stp_state 0", "link set eth0 master br0",
            "addr del 10.0.0.2/24 dev eth0", "addr add 10.0.0.2/24 dev br0", "link set br0 up",
            "route add default via 10.0.0.1 dev br0", "link add veth101.0 type veth peer name eth0 netns " + ct,
            "link set veth101.0 master br0 up", "route add 203.0.113.195/32 dev br0"})
            lab.run(hn, ("ip " + cmd).split(" "));
        for (String cmd : new String[] {"link set eth0 up", "addr add 203.0.113.195/26 dev eth0",
            "route add default via 203.0.113.193 dev eth0", "route add 10.0.0.2 dev eth0"})
            lab.run(ct, ("ip " + cmd).split(" "));

        // A RHEL-style node: save --format auto picks ifcfg files.
        Files.createDirectories(root.resolve("etc/sysconfig/network-scripts"));
        GlobalOptions options = new GlobalOptions();
        options.netns = hn;
        options.runtime = "netns";
        options.ctNetns = lab.ctNetnsPattern();
        options.root = root;
        try (HostAccess host = options.openHost();
             ShellDriver shell = ShellDriver.withEngine(options, host, new PersistenceCommands())) {
            ShellDriver.Result r = shell.batch("persist.vzb", Files.readString(example()));
            assertEquals(0, r.exitCode(), r.toString());
            int diff = r.stdout().indexOf("+++ b/etc/sysconfig/network-scripts/ifcfg-br0");
            assertTrue(diff >= 0, r.toString());
            // the progress names the files where they are, under --root, not the node paths they stand for
            assertTrue(r.stderr().contains("write " + root.resolve("etc/sysconfig/network-scripts/ifcfg-br0") + "\n"), r.toString());
            assertTrue(r.stderr().contains("write " + root.resolve("etc/vz/conf/101.conf") + "\n"), r.toString());
            assertTrue(r.stdout().contains("+VZBRIDGE_HOST_ROUTES=\"203.0.113.195\""), r.toString());
            String conf = Files.readString(root.resolve("etc/vz/conf/101.conf"));
            assertTrue(conf.contains("VETH_IP_ADDRESS=\"203.0.113.195/26\"\n"), conf);
            assertTrue(conf.contains("VE_DEFAULT_GATEWAY=\"203.0.113.193\"\n"), conf);
            assertTrue(Files.readString(root.resolve("etc/sysconfig/network-scripts/ifcfg-eth0")).contains("BRIDGE=br0\n"));

            r = shell.run("save --check");
            assertEquals(0, r.exitCode(), r.toString());

            lab.run(hn, "ip", "route", "del", "203.0.113.195/32", "dev", "br0");
            r = shell.run("save --check");
            assertEquals(1, r.exitCode(), r.toString());
            assertTrue(r.stdout().contains("-VZBRIDGE_HOST_ROUTES=\"203.0.113.195\""), r.toString());
        }
    }
}
