package dev.vzbridge.shell;

import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.testkit.RecordingExecutor;
import dev.vzbridge.testkit.RecordingHost;
import dev.vzbridge.testkit.ShellDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Batch files: comments, continuation, variables, stop at the first error, one transaction. */
class BatchTest {
    private final RecordingHost host = RecordingHost.typicalNode();
    private final RecordingExecutor engine = new RecordingExecutor();
    private final GlobalOptions options = new GlobalOptions();
    private ShellDriver shell;

    private ShellDriver shell() {
        if (shell == null) shell = ShellDriver.create(options, host, engine, new TestCommands());
        return shell;
    }

    @AfterEach
    void close() {
        if (shell != null) shell.close();
    }

    @Test
    void stopsAtTheFailingLineAndNamesIt() {
        String batch = """
            set who="big world"   # variables may hold spaces
            hello ${who} \\
                again
            fail on purpose
            hello never
            """;
        ShellDriver.Result r = shell().batch("setup.vzb", batch);
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals("hello big world again\n", r.stdout());
        assertEquals("vzbridge: setup.vzb:4: fail: failed: on purpose\n", r.stderr());
    }

    @Test
    void commentsAndBlankLinesAreSkippedAndLinesStillCount() {
        String batch = "# a batch\n\n   # indented comment\nhello one\n\nnope\n";
        ShellDriver.Result r = shell().batch("<stdin>", batch);
        assertEquals(2, r.exitCode());
        assertEquals("hello one\n", r.stdout());
        assertTrue(r.stderr().startsWith("vzbridge: <stdin>:6: unknown command 'nope'"), r.stderr());
    }

    @Test
    void anUnknownVariableIsAUsageErrorNamingItAndTheLine() {
        ShellDriver.Result r = shell().batch("b.vzb", "hello first\nhello ${nobody}\nhello never\n");
        assertEquals(2, r.exitCode());
        assertEquals("hello first\n", r.stdout());
        assertTrue(r.stderr().startsWith("vzbridge: b.vzb:2: unknown variable ${nobody}"), r.stderr());
    }

    @Test
    void singleQuotesKeepDollarsLiteral() {
        ShellDriver.Result r = shell().batch("b.vzb", "set a=1\nhello '${a}' ${a} \"${a}\"\n");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("hello ${a} 1 1\n", r.stdout());
    }

    @Test
    void aBatchThatChangesTheHostIsOneTransaction() {
        ShellDriver.Result r = shell().batch("two.vzb", "touch /a\nhello between\ntouch /b\n");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("begin two.vzb", "submit touch /a", "submit touch /b", "commit"), engine.events);
    }

    @Test
    void anErrorAbortsTheTransaction() {
        ShellDriver.Result r = shell().batch("two.vzb", "touch /a\nfail now\ntouch /b\n");
        assertEquals(1, r.exitCode());
        assertEquals(List.of("begin two.vzb", "submit touch /a", "abort"), engine.events);
        assertFalse(engine.inTransaction());
    }

    @Test
    void perCommandAndDryRunDoNotOpenATransaction() {
        options.perCommand = true;
        assertEquals(0, shell().batch("b", "touch /a\ntouch /b\n").exitCode());
        assertEquals(List.of("submit touch /a", "submit touch /b"), engine.events);
    }

    @Test
    void aQueryOnlyBatchNeverNeedsTheEngine() {
        var broken = new RecordingExecutor() {
            @Override
            public void begin(String label) {
                throw new UnsupportedOperationException("engine unavailable");
            }

            @Override
            public int submit(Plan plan, String line) {
                throw new UnsupportedOperationException("engine unavailable");
            }
        };
        try (ShellDriver driver = ShellDriver.create(options, host, broken, new TestCommands())) {
            ShellDriver.Result r = driver.batch("q.vzb", "help\nhello\nbridge list\n");
            assertEquals(0, r.exitCode(), r.toString());
            ShellDriver.Result planning = driver.batch("p.vzb", "hello\ntouch /a\n");
            assertEquals(1, planning.exitCode());
            assertEquals("vzbridge: p.vzb: cannot start the batch's transaction: engine unavailable\n", planning.stderr());
        }
    }
}
