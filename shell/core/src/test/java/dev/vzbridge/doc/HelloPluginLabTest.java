package dev.vzbridge.doc;

import dev.vzbridge.host.NetnsRuntime;
import dev.vzbridge.host.NodeAccess;
import dev.vzbridge.lab.Lab;
import dev.vzbridge.shell.GlobalOptions;
import dev.vzbridge.testkit.LabTest;
import dev.vzbridge.testkit.ShellDriver;
import dev.vzbridge.tools.ToolFlavours;
import dev.vzbridge.exec.CommandRunner;
import dev.vzbridge.api.tools.NetTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

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
        Path jar = ExamplePluginJar.build(work.resolve("build"));
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        Files.setPosixFilePermissions(plugins, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.copy(jar, plugins.resolve(jar.getFileName()));
        Path root = Files.createDirectories(work.resolve("root"));

        GlobalOptions options = new GlobalOptions();
        options.plugins.add(plugins);
        options.root = root;
        options.lockWait = 5;
        CommandRunner runner = lab.nodeRunner();
        NetTools tools = ToolFlavours.select("iproute2", runner);
        try (NodeAccess node = new NodeAccess(runner, tools, new NetnsRuntime(runner, lab.ctNetnsPattern(), tools),
            root, null, null);
             ShellDriver shell = ShellDriver.withEngine(options, node)) {
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
