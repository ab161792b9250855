package dev.vzbridge.bridge;

import dev.vzbridge.api.command.UsageException;
import dev.vzbridge.lab.Lab;
import dev.vzbridge.testkit.LabTest;
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
        LabNode node = new LabNode(lab, root, "iproute2");
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
}
