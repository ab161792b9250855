package dev.vzbridge.bridge;

import dev.vzbridge.lab.Lab;
import dev.vzbridge.shell.GlobalOptions;
import dev.vzbridge.testkit.LabNode;
import dev.vzbridge.testkit.LabTest;
import dev.vzbridge.testkit.ShellDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** examples/single-nic.vzb through the real shell and engine, as one transaction, proven with ping. */
@LabTest
class ExampleBatchLabTest {
    static final Path EXAMPLE = Path.of("../../examples/single-nic.vzb");

    @TempDir
    Path root;

    @Test
    void theExampleBatchRunsAsOneTransactionAndEverythingAnswers(Lab lab) throws IOException {
        LabNode node = new LabNode(lab, root, "iproute2", new BridgePlugin());
        String start = node.fingerprint();
        GlobalOptions options = new GlobalOptions();
        options.root = root;
        try (ShellDriver shell = ShellDriver.withEngine(options, node.host, new BridgePlugin())) {
            ShellDriver.Result r = shell.batch("examples/single-nic.vzb", Files.readString(EXAMPLE));
            assertEquals(0, r.exitCode(), r::toString);
            assertTrue(node.ping(null, Lab.LAN_GATEWAY));
            for (String ct : new String[]{"101", "102"}) assertTrue(node.ping(ct, Lab.ISP_GATEWAY), "CT " + ct + " reaches the gateway");
            assertTrue(node.ping(null, "203.0.113.195"));
            assertTrue(node.ping("102", Lab.NODE_ADDRESS));

            ShellDriver.Result again = shell.batch("examples/single-nic.vzb", Files.readString(EXAMPLE));
            assertEquals(0, again.exitCode(), again::toString);
            assertTrue(again.stdout().contains("nothing to do"), again::toString);

            ShellDriver.Result refused = shell.run("bridge delete br0");
            assertEquals(2, refused.exitCode(), refused::toString);
            assertTrue(refused.stderr().contains("veth101.0 of CT 101"), refused::toString);

            ShellDriver.Result teardown = shell.batch("teardown", "ct detach 101\nct detach 102\nbridge delete br0\n");
            assertEquals(0, teardown.exitCode(), teardown::toString);
            assertEquals(start, node.fingerprint(), "detach and delete in one batch restore the start");
        }
    }
}
