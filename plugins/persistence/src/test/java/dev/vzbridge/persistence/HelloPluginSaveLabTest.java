package dev.vzbridge.persistence;

import dev.vzbridge.api.persist.OwnedBlock;
import dev.vzbridge.doc.ExamplePluginLab;
import dev.vzbridge.lab.Lab;
import dev.vzbridge.testkit.LabTest;
import dev.vzbridge.testkit.ShellDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example plugin persists through the boot-config extension point: its
 * address, added on the lab node (the gateway pings it), is written by save into
 * a block of the node's own file (RHEL ifcfg-eth0, Debian interfaces) with the
 * rest kept byte for byte; --check follows the running state, and once the
 * address is gone save gives back the original file exactly.
 */
@LabTest(containers = {})
class HelloPluginSaveLabTest {
    private static final String RHEL_FILE = "etc/sysconfig/network-scripts/ifcfg-eth0";
    private static final String RHEL = "# eth0, set up by the installer\nDEVICE=eth0\nONBOOT=yes\nIPADDR=10.0.0.2\nPREFIX=24\n";
    private static final String DEBIAN_FILE = "etc/network/interfaces";
    private static final String DEBIAN = "auto lo\niface lo inet loopback\n\nauto eth0\niface eth0 inet static\n"
        + "\taddress 10.0.0.2/24\n\tgateway 10.0.0.1\n# the admin's comment stays\n";

    @TempDir
    Path work;

    @Test
    void helloAddressIsSavedForRhelAndDebian(Lab lab) throws Exception {
        Path plugins = ExamplePluginLab.install(work);

        String rhelBlock = OwnedBlock.begin("hello") + "\nIPADDR1=10.0.0.9\nPREFIX1=24\n" + OwnedBlock.end("hello") + "\n";
        roundTrip(lab, plugins, "rhel", RHEL_FILE, RHEL, RHEL + rhelBlock, "+IPADDR1=10.0.0.9");

        String debianBlock = OwnedBlock.begin("hello") + "\niface eth0 inet static\n    address 10.0.0.9/24\n"
            + OwnedBlock.end("hello") + "\n";
        roundTrip(lab, plugins, "debian", DEBIAN_FILE, DEBIAN, DEBIAN + debianBlock, "+    address 10.0.0.9/24");
    }

    private void roundTrip(Lab lab, Path plugins, String name, String file, String original, String saved, String diffLine)
        throws IOException {
        Path root = work.resolve(name);
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, original);

        try (ExamplePluginLab shell = ExamplePluginLab.open(lab, plugins, root, new PersistenceCommands())) {
            ShellDriver.Result r = shell.run("hello addr eth0 10.0.0.9/24");
            assertEquals(0, r.exitCode(), r.toString());
            assertTrue(lab.ping(lab.upNetns(), "10.0.0.9"), "the gateway reaches the plugin's address");

            r = shell.run("save --diff");
            assertEquals(0, r.exitCode(), r.toString());
            assertTrue(r.stdout().contains(diffLine + "\n"), r.toString());
            assertEquals(original, Files.readString(path), "--diff writes nothing");

            r = shell.run("save");
            assertEquals(0, r.exitCode(), r.toString());
            assertEquals(saved, Files.readString(path), "the block follows the untouched original");
            r = shell.run("save --check");
            assertEquals(0, r.exitCode(), r.toString());

            lab.run(lab.nodeNetns(), "ip", "addr", "del", "10.0.0.9/24", "dev", "eth0");
            r = shell.run("save --check");
            assertEquals(1, r.exitCode(), r.toString());
            assertTrue(r.stdout().contains("-" + diffLine.substring(1) + "\n"), r.toString());
            r = shell.run("save");
            assertEquals(0, r.exitCode(), r.toString());
            assertEquals(original, Files.readString(path), "without the address the file is the original again");
        }
    }
}
