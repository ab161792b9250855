package dev.vzbridge.bridge;

import dev.vzbridge.api.command.CommandFailedException;
import dev.vzbridge.api.command.UsageException;
import dev.vzbridge.lab.Lab;
import dev.vzbridge.shell.GlobalOptions;
import dev.vzbridge.testkit.LabNode;
import dev.vzbridge.testkit.LabTest;
import dev.vzbridge.testkit.ShellDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The duplicate-address probe against a real owner on the segment: the uplink's 203.0.113.193. */
@LabTest
class DuplicateAddressLabTest {
    @TempDir
    Path root;

    @Test
    void anAddressSomebodyAnswersForIsRefusedWithTheirMac(Lab lab) {
        LabNode node = new LabNode(lab, root, "iproute2", new BridgePlugin());
        assertEquals(0, node.run(SingleNicLabTest.CREATE), node.err::toString);
        String uplinkMac = lab.run(lab.upNetns(), "cat", "/sys/class/net/eth0/address").strip();
        String before = node.fingerprint();

        UsageException e = assertThrows(UsageException.class,
            () -> node.plan("ct", "attach", "101", "--bridge", "br0", "--address", "203.0.113.193/26"));
        assertTrue(e.getMessage().contains("203.0.113.193 is already in use on br0's segment (answered by " + uplinkMac + ")"),
            e.getMessage());
        assertEquals(before, node.fingerprint(), "nothing changed");

        assertFalse(node.plan("ct", "attach", "101", "--bridge", "br0", "--address", "203.0.113.193/26", "--no-dad").isEmpty(),
            "--no-dad plans without asking");
        assertTrue(node.plan("ct", "attach", "101", "--bridge", "br0", "--address", "203.0.113.195/26").changes().size() > 0,
            "a free address passes the probe");
    }

    /** Before: br0 did not exist at plan time, arping failed with "Device br0 not available", and that read as "nobody". */
    @Test
    void aBridgePlannedInTheSameBatchIsProbedThroughTheNicItTakesOver(Lab lab) {
        LabNode node = new LabNode(lab, root, "iproute2", new BridgePlugin());
        String uplinkMac = lab.run(lab.upNetns(), "cat", "/sys/class/net/eth0/address").strip();
        String before = node.fingerprint();
        GlobalOptions options = new GlobalOptions();
        options.root = root;
        try (ShellDriver shell = ShellDriver.withEngine(options, node.host, new BridgePlugin())) {
            ShellDriver.Result r = shell.batch("two.vzb", "bridge create br0 --nic eth0\n"
                + "ct attach 101 --bridge br0 --address 203.0.113.193/26\n");
            assertEquals(2, r.exitCode(), r::toString);
            assertTrue(r.stderr().contains("two.vzb:2: ct attach: 203.0.113.193 is already in use on br0's segment (answered by "
                + uplinkMac + ")"), r::toString);
            assertEquals(1, r.stderr().strip().lines().count(), r::toString);
            assertEquals(before, node.fingerprint(), "nothing applied");

            ShellDriver.Result free = shell.batch("two.vzb", "bridge create br0 --nic eth0\n"
                + "ct attach 101 --bridge br0 --address 203.0.113.195/26\n");
            assertEquals(0, free.exitCode(), free::toString);
            assertTrue(node.ping("101", "203.0.113.193"), "the free address works once applied");
        }
    }

    /** A probe that cannot be made (here: the bridge is down, so arping cannot send) refuses, and says why. */
    @Test
    void aProbeThatCannotRunRefusesUnlessNoDad(Lab lab) {
        LabNode node = new LabNode(lab, root, "iproute2", new BridgePlugin());
        lab.run(lab.nodeNetns(), "ip", "link", "add", "br9", "type", "bridge");
        String before = node.fingerprint();

        CommandFailedException e = assertThrows(CommandFailedException.class,
            () -> node.plan("ct", "attach", "101", "--bridge", "br9", "--address", "203.0.113.199/26"));
        assertTrue(e.getMessage().startsWith("cannot probe 203.0.113.199 for a duplicate on br9's segment"), e.getMessage());
        assertTrue(e.getMessage().contains("br9") && e.getMessage().endsWith("--no-dad to skip this probe"), e.getMessage());
        assertEquals(before, node.fingerprint(), "nothing changed");

        assertFalse(node.plan("ct", "attach", "101", "--bridge", "br9", "--address", "203.0.113.199/26", "--no-dad").isEmpty(),
            "--no-dad plans without asking");
    }
}
