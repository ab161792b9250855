package dev.vzbridge.bridge;

import dev.vzbridge.api.plan.Exec;
import dev.vzbridge.shell.GlobalOptions;
import dev.vzbridge.testkit.RecordingHost;
import dev.vzbridge.testkit.ShellDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bad-input table through the real shell and engine: exit 2, one line naming the problem, no command run. */
class ShellBadInputTest {
    @TempDir
    static Path root;

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> cases() {
        return BadInputTest.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void exitTwoAndNothingRuns(String line, String problem, boolean syntaxOnly, String[] words) {
        RecordingHost node = RecordingHost.simulated(BadInputTest.NODE);
        GlobalOptions options = new GlobalOptions();
        options.root = root;
        try (ShellDriver shell = ShellDriver.withEngine(options, node, new BridgePlugin())) {
            String typed = Arrays.stream(words).map(Exec::quote).collect(Collectors.joining(" "));
            ShellDriver.Result r = shell.run(typed);
            assertEquals(2, r.exitCode(), r::toString);
            assertTrue(r.stderr().contains(problem.replace("\\x00", "")) || r.stderr().contains(problem), r::toString);
            assertEquals(1, r.stderr().strip().lines().count(), r::toString);
            assertEquals(List.of(), node.commands(), "no host command ran");
        }
    }

    @Test
    void aGoodCommandDoesRunThroughTheSameDriver() {
        RecordingHost node = RecordingHost.simulated(BadInputTest.NODE);
        GlobalOptions options = new GlobalOptions();
        options.root = root;
        options.dryRun = true;
        try (ShellDriver shell = ShellDriver.withEngine(options, node, new BridgePlugin())) {
            ShellDriver.Result r = shell.run("ct attach 102 --bridge br0 --address 203.0.113.196/26 --gateway 203.0.113.193");
            assertEquals(0, r.exitCode(), r::toString);
            assertTrue(r.stdout().contains("sim node addVeth 102 eth0"), r::toString);
            assertEquals(List.of(List.of("arping", "-D", "-I", "br0", "203.0.113.196")), node.commands(), "only the probe ran");
        }
    }
}
