package dev.vzbridge.doc;

import dev.vzbridge.lab.Lab;
import dev.vzbridge.testkit.LabTest;
import dev.vzbridge.testkit.ShellDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example plugin against the lab, as docs/plugins.md tells a plugin author to
 * test: its command goes through the real engine onto the lab's node, and the LAN
 * gateway can then ping the new address. Running it again changes nothing.
 */
@LabTest(containers = {})
class HelloPluginLabTest {
    @TempDir
    Path work;

    @Test
    void addressAddedByThePluginAnswersPingsFromTheGateway(Lab lab) throws Exception {
        Path plugins = ExamplePluginLab.install(work);
        Path root = Files.createDirectories(work.resolve("root"));
        try (ExamplePluginLab shell = ExamplePluginLab.open(lab, plugins, root)) {
            assertFalse(lab.ping(lab.upNetns(), "10.0.0.9"), "nobody has 10.0.0.9 before");

            ShellDriver.Result first = shell.run("hello addr eth0 10.0.0.9/24");
            assertEquals(0, first.exitCode(), first.toString());
            assertTrue(lab.ping(lab.upNetns(), "10.0.0.9"), "the gateway reaches the new address");

            ShellDriver.Result again = shell.run("hello addr eth0 10.0.0.9/24");
            assertEquals(0, again.exitCode(), again.toString());
            assertEquals(1, lab.run(lab.nodeNetns(), "ip", "-o", "addr", "show", "dev", "eth0").lines()
                .filter(l -> l.contains(" 10.0.0.9/24 ")).count(), "the address exists once");
        }
    }
}
