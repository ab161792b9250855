package dev.vzbridge.bridge;

import dev.vzbridge.lab.Lab;
import dev.vzbridge.shell.GlobalOptions;
import dev.vzbridge.testkit.LabNode;
import dev.vzbridge.testkit.LabTest;
import dev.vzbridge.testkit.ShellDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A batch is one transaction, verified after its commit: a check that fails then
 * names the FILE:LINE of the command it belongs to, with check's diagnosis, and
 * the whole batch is rolled back.
 */
@LabTest
class BatchCheckOriginLabTest {
    @TempDir
    Path root;

    @Test
    void aFailedCheckNamesTheLineItBelongsTo(Lab lab) {
        LabNode node = new LabNode(lab, root, "iproute2", new BridgePlugin());
        String start = node.fingerprint();
        GlobalOptions options = new GlobalOptions();
        options.root = root;
        try (ShellDriver shell = ShellDriver.withEngine(options, node.host, new BridgePlugin())) {
            // nobody answers 203.0.113.254: CT 101's gateway check fails after the commit
            ShellDriver.Result r = shell.batch("attach.vzb", "# CT 101 behind a gateway nobody has\n"
                + "bridge create br0 --nic eth0\n"
                + "ct attach 101 --bridge br0 --address 203.0.113.195/26 --gateway 203.0.113.254\n");
            assertEquals(1, r.exitCode(), r::toString);
            assertTrue(r.stderr().contains("attach.vzb:3: check failed: CT 101 reaches 203.0.113.254: "), r::toString);
            assertEquals(start, node.fingerprint(), "the whole batch is rolled back");
        }
    }
}
