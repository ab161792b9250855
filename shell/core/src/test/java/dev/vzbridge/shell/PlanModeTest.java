package dev.vzbridge.shell;

import dev.vzbridge.testkit.RecordingExecutor;
import dev.vzbridge.testkit.RecordingHost;
import dev.vzbridge.testkit.ShellDriver;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 'plan CMD' is a mode of the dispatcher: CMD is planned as usual, then printed instead of submitted. */
class PlanModeTest {
    @Test
    void planCommandKeepsTheInnerCommandsOptions() {
        EngineCommands.PlanCommand cmd = new EngineCommands.PlanCommand();
        new CommandLine(cmd).parseArgs("--script", "bridge", "create", "br0", "--nic", "eth0", "--stp");
        assertTrue(cmd.script);
        assertEquals(List.of("bridge", "create", "br0", "--nic", "eth0", "--stp"), cmd.words());
    }

    @Test
    void planPrintsThePlanAndSubmitsNothing() {
        RecordingExecutor engine = new RecordingExecutor();
        try (ShellDriver shell = ShellDriver.create(new GlobalOptions(), RecordingHost.typicalNode(), engine, new TestCommands())) {
            ShellDriver.Result r = shell.run("plan touch /tmp/x");
            assertEquals(0, r.exitCode(), r.toString());
            assertTrue(r.stdout().contains("touch /tmp/x"), r.toString());
            assertTrue(engine.submitted.isEmpty(), "nothing submitted");
            ShellDriver.Result bad = shell.run("plan hello");
            assertEquals(2, bad.exitCode(), bad.toString());
            assertTrue(bad.stderr().contains("does not change the host"), bad.toString());
        }
    }
}
