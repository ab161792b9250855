package dev.vzbridge.shell;

import dev.vzbridge.api.command.UsageException;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.testkit.RecordingExecutor;
import dev.vzbridge.testkit.RecordingHost;
import dev.vzbridge.testkit.ShellDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One command line through the dispatcher, as with vzbridge -c. */
class ShellCommandsTest {
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
    void aQueryRunsWithQuotedArguments() {
        ShellDriver.Result r = shell().run("hello 'big world' again");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("hello big world again\n", r.stdout());
        assertEquals("", r.stderr());
    }

    @Test
    void unknownCommandIsAUsageErrorAndTouchesNothing() {
        ShellDriver.Result r = shell().run("brige add br1");
        assertEquals(2, r.exitCode());
        assertEquals("vzbridge: unknown command 'brige' (did you mean bridge?); try 'help'\n", r.stderr());
        assertEquals(0, host.observations());
        assertTrue(host.commands().isEmpty());
        assertTrue(engine.events.isEmpty());
    }

    @Test
    void unknownOptionIsOneLineAndNothingIsPlanned() {
        ShellDriver.Result r = shell().run("bridge add br1 --bogus");
        assertEquals(2, r.exitCode());
        assertEquals("vzbridge: bridge add: unknown option '--bogus'\n", r.stderr());
        assertEquals(0, host.observations());
        assertTrue(engine.submitted.isEmpty());
    }

    @Test
    void aPlanGoesToTheEngineWhoseExitCodeIsTheCommands() {
        engine.answering(3);
        ShellDriver.Result r = shell().run("bridge add br1 --nic eth0");
        assertEquals(3, r.exitCode());
        assertEquals(List.of("submit bridge add br1 --nic eth0"), engine.events);
        assertEquals("add br1", engine.submitted.get(0).changes().get(0).summary());
    }

    @Test
    void anEmptyPlanIsNothingToDo() {
        ShellDriver.Result r = shell().run("bridge add br0");
        assertEquals(0, r.exitCode());
        assertEquals("nothing to do: br0 exists\n", r.stdout());
        assertTrue(engine.submitted.isEmpty());
    }

    @Test
    void failuresAreOneLineAndTheShellGoesOn() {
        ShellDriver.Result failed = shell().run("fail disk full");
        assertEquals(1, failed.exitCode());
        assertEquals("vzbridge: fail: failed: disk full\n", failed.stderr());

        ShellDriver.Result crashed = shell().run("crash");
        assertEquals(1, crashed.exitCode());
        assertEquals("vzbridge: crash: internal bug\n", crashed.stderr());

        ShellDriver.Result usage = shell().run("fail usage");
        assertEquals(2, usage.exitCode());

        assertEquals(0, shell().run("hello again").exitCode());
    }

    @Test
    void debugAddsTheStackTrace() {
        options.debug = true;
        ShellDriver.Result r = shell().run("crash");
        assertEquals(1, r.exitCode());
        assertTrue(r.stderr().contains("at dev.vzbridge.shell.TestCommands$Crash.run"), r.stderr());
        assertTrue(r.stderr().endsWith("vzbridge: crash: internal bug\n"), r.stderr());
    }

    @Test
    void jsonGivesDataAndMachineReadableErrors() {
        options.json = true;
        ShellDriver.Result ok = shell().run("bridge list");
        assertEquals("{\"exit\":0,\"changed\":false,\"result\":{\"bridges\":[\"br0\"]}}\n", ok.stdout());
        ShellDriver.Result bad = shell().run("nope");
        assertEquals(2, bad.exitCode());
        assertEquals("{\"exit\":2,\"changed\":false,\"error\":\"unknown command 'nope'; try 'help'\"}\n", bad.stdout());
    }

    @Test
    void aGroupWithoutSubcommandIsAUsageError() {
        ShellDriver.Result r = shell().run("bridge");
        assertEquals(2, r.exitCode());
        assertTrue(r.stderr().contains("missing subcommand"), r.stderr());
    }

    @Test
    void helpListsCommandsAndExplainsOne() {
        ShellDriver.Result all = shell().run("help");
        assertEquals(0, all.exitCode());
        for (String name : List.of("bridge", "hello", "help", "exit", "plugin"))
            assertTrue(all.stdout().contains("\n  " + name + " "), name + " missing from\n" + all.stdout());
        ShellDriver.Result one = shell().run("help bridge add");
        assertEquals(0, one.exitCode());
        assertTrue(one.stdout().startsWith("Usage: bridge add"), one.stdout());
        assertTrue(one.stdout().contains("--nic"), one.stdout());
        assertEquals(2, shell().run("help nope").exitCode());
        assertEquals(2, shell().run("help bridge nope").exitCode());
    }

    @Test
    void theDispatcherSuppliesTheCommandLineForThePlanAndTheJournal() {
        ShellDriver.Result r = shell().run("touch   '/tmp/a b'   # a comment");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("touch '/tmp/a b'", engine.submitted.get(0).command());
        assertEquals(List.of("submit touch '/tmp/a b'"), engine.events);
    }

    @Test
    void plannerGivesPlansOfPlanningCommandsOnly() {
        Dispatcher dispatcher = shell().shell().dispatcher();
        Plan plan = dispatcher.planOf(List.of("touch", "/tmp/x"));
        assertEquals("touch /tmp/x", plan.command());
        assertThrows(UsageException.class, () -> dispatcher.planOf(List.of("hello")));
        assertThrows(UsageException.class, () -> dispatcher.planOf(List.of("nope")));
        assertTrue(engine.submitted.isEmpty());
    }

    @Test
    void exitAsksTheShellToStop() {
        assertFalse(shell().session().exitRequested());
        assertEquals(0, shell().run("quit").exitCode());
        assertTrue(shell().session().exitRequested());
    }
}
