package dev.vzbridge.dualnic;

import dev.vzbridge.bridge.BridgePlugin;
import dev.vzbridge.shell.GlobalOptions;
import dev.vzbridge.testkit.RecordingExecutor;
import dev.vzbridge.testkit.ShellDriver;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bad-input table through the real shell (catalog, picocli parsing, dispatcher):
 * exit 2, one line on stderr naming the problem, no plan for the engine, no command
 * sent to the node and no address probe.
 */
class ShellBadInputTest {
    @TempDir
    Path root;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.vzbridge.dualnic.BadInputTest#cases")
    void exitsTwoWithOneLineAndRunsNothing(String line, String expected) {
        PlannedHost host = new PlannedHost(BadInputTest.node(), root);
        RecordingExecutor engine = new RecordingExecutor();
        GlobalOptions options = new GlobalOptions();
        options.root = root;
        try (ShellDriver shell = ShellDriver.create(options, host, engine, new BridgePlugin(), new DualNicCommands())) {
            ShellDriver.Result r = shell.run(line);
            assertEquals(2, r.exitCode(), r::toString);
            String message = r.stderr().strip();
            assertTrue(message.contains(expected), r::toString);
            assertEquals(1, message.lines().count(), "one line: " + r);
            assertTrue(message.startsWith("vzbridge: dualnic setup: "), "names the command: " + r);
            assertEquals(List.of(), engine.submitted, "no plan reached the engine");
            assertEquals(List.of(), host.commands, "no command ran on the node");
            assertEquals(List.of(), host.probes, "no address probe");
        }
    }
}
