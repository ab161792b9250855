package dev.vzbridge.engine;

import dev.vzbridge.exec.ProcessRunner;
import dev.vzbridge.shell.GlobalOptions;
import dev.vzbridge.shell.TestCommands;
import dev.vzbridge.testkit.RecordingHost;
import dev.vzbridge.testkit.ShellDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a batch file (-f) prints: its transaction's outcome, not a line per command added to it. */
class BatchOutputTest {
    @TempDir
    Path root;

    private ShellDriver shell() {
        GlobalOptions options = new GlobalOptions();
        options.root = root;
        RecordingHost host = RecordingHost.typicalNode();
        // real commands, on files under this test's own root only
        return ShellDriver.withEngine(options, host, new Node(new ProcessRunner(), root, host::observe, null),
            new TestCommands());
    }

    @Test
    void aBatchPrintsItsOutcomeNotEachAddition() {
        try (ShellDriver shell = shell()) {
            ShellDriver.Result r = shell.batch("two.vzb", "touch " + root.resolve("a") + "\ntouch " + root.resolve("b") + "\n");
            assertEquals(0, r.exitCode(), r::toString);
            assertFalse(r.stdout().contains("added to transaction"), r.stdout());
            assertTrue(r.stdout().startsWith("applied (tx "), r.stdout());
            assertTrue(Files.exists(root.resolve("a")) && Files.exists(root.resolve("b")));
        }
    }

    @Test
    void aUsageErrorSaysNothingWasApplied() {
        try (ShellDriver shell = shell()) {
            ShellDriver.Result r = shell.batch("bad.vzb", "touch " + root.resolve("a") + "\nbridge add br7 --bogus\n");
            assertEquals(2, r.exitCode(), r::toString);
            assertEquals("vzbridge: bad.vzb:2: bridge add: unknown option '--bogus'\n"
                + "vzbridge: bad.vzb: nothing was applied (the batch is one transaction)\n", r.stderr());
            assertFalse(Files.exists(root.resolve("a")), "the first line was never applied");
        }
    }
}
