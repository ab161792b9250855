package dev.vzbridge.engine;

import dev.vzbridge.api.net.Cidr;
import dev.vzbridge.api.plan.Change;
import dev.vzbridge.api.plan.Exec;
import dev.vzbridge.api.plan.Step;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.engine.journal.Journal;
import dev.vzbridge.engine.journal.JournalRecord;
import dev.vzbridge.engine.journal.TxLog;
import dev.vzbridge.engine.journal.TxState;
import dev.vzbridge.lab.Lab;
import dev.vzbridge.shell.RenderedEngine;
import dev.vzbridge.testkit.LabTest;
import dev.vzbridge.testkit.RecordingRunner;
import dev.vzbridge.tools.Iproute2Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Consecutive ip steps run as one ip -batch on a real kernel, and the journal still tells each step apart;
 * so do a rollback's undos, as one ip -force -batch.
 */
@LabTest(containers = {101})
class IpBatchLabTest {
    @TempDir
    Path root;

    @Test
    void theNodesIpStepsRunAsOneProcessAndEachIsJournalledDone(Lab lab) throws Exception {
        BridgeScenario.prepareFiles(root);
        Plan plan = BridgeScenario.plan(new Iproute2Tools());
        RecordingRunner rec = new RecordingRunner(BridgeScenario.nodeRunner(lab.nodeNetns()));
        StringWriter err = new StringWriter();
        assertEquals(0, engine(lab, rec, err).submit(plan, plan.command()), err.toString());
        List<String> batches = rec.commands().stream().filter(c -> c.contains("-batch")).toList();
        assertEquals(List.of("ip -batch -"), batches, "the seven ip steps of changes 2-4 are one process: " + rec.commands());
        assertTrue(rec.commands().stream().noneMatch(c -> c.startsWith("ip link add br0")), rec.commands().toString());
        List<JournalRecord> records = Journal.all(root).get(0).read();
        JournalRecord.Batch batch = records.stream().filter(r -> r instanceof JournalRecord.Batch)
            .map(r -> (JournalRecord.Batch) r).findFirst().orElseThrow();
        assertEquals(List.of(ref(1, 0), ref(1, 1), ref(2, 0), ref(3, 0), ref(3, 1), ref(3, 2), ref(3, 3)), batch.steps());
        TxLog log = Journal.all(root).get(0).log();
        batch.steps().forEach(s -> assertTrue(log.isDone(s), s + " done"));
        assertTrue(lab.ping(lab.nodeNetns(), "10.0.0.1"), "the node reaches its gateway over br0");
    }

    /** ip names the line that failed: those before are done and undone, that one failed, the rest never ran. */
    @Test
    void aLineThatFailsForRealSplitsTheBatchExactly(Lab lab) {
        var t = new Iproute2Tools();
        Plan plan = Plan.builder("bridge create br7 --nic nosuch0")
            .change(Change.of("create bridge br7", t.addBridge("br7"), t.up("br7", false)))
            .change(Change.of("make nosuch0 a port of br7", t.enslave("nosuch0", "br7"),
                t.addAddress("br7", Cidr.parse("10.9.9.1/24"))))
            .build();
        String snapshot = BridgeScenario.state(lab.nodeNetns(), root);
        RecordingRunner rec = new RecordingRunner(BridgeScenario.nodeRunner(lab.nodeNetns()));
        StringWriter err = new StringWriter();
        assertEquals(1, engine(lab, rec, err).submit(plan, plan.command()), err.toString());
        String said = err.toString();
        assertTrue(said.contains("[2/2] make nosuch0 a port of br7, step 1/2 failed: ip link set dev nosuch0 master br7"),
            said);
        assertTrue(said.contains("nosuch0") && !said.contains("Command failed"), "ip's own complaint, alone: " + said);
        assertTrue(said.contains("rolled back: host restored (verified)"), said);
        assertEquals(snapshot, BridgeScenario.state(lab.nodeNetns(), root));

        TxLog log = Journal.all(root).get(0).log();
        assertTrue(log.isDone(ref(0, 0)) && log.isDone(ref(0, 1)), "the lines before ran");
        assertTrue(log.isFailed(ref(1, 0)), "the line ip named failed");
        assertTrue(log.isNotRun(ref(1, 1)), "the line after never ran");
        assertTrue(log.isUndone(ref(0, 0), 0) && log.isUndone(ref(0, 1), 0), "the done steps were undone");
        assertTrue(!log.isUndone(ref(1, 1), 0), "nothing is undone for a step that never ran");
        // Apply: one batch; rollback: the two undos, newest first, as one forced batch named in the journal first.
        assertEquals(List.of("ip -batch -", "ip -force -batch -"), rec.commands());
        assertEquals("link set dev br7 down\nlink del br7\n", rec.stdins().get(1));
        List<JournalRecord> records = Journal.all(root).get(0).read();
        JournalRecord.UndoBatch undos = records.stream().filter(r -> r instanceof JournalRecord.UndoBatch)
            .map(r -> (JournalRecord.UndoBatch) r).findFirst().orElseThrow();
        assertEquals(List.of(new TxLog.UndoRef(0, 1, 0), new TxLog.UndoRef(0, 0, 0)), undos.undos());
        int at = records.indexOf(undos);
        assertEquals(List.of(new JournalRecord.Undo(0, 1, 0), new JournalRecord.Undo(0, 0, 0)),
            records.subList(at + 1, at + 3), "each undo of the batch is journalled after it");
    }

    /** An undo that fails inside a rollback's batch does not stop the others; it is journalled and reported as ip said. */
    @Test
    void anUndoThatFailsForRealInABatchLeavesTheOthersRunning(Lab lab) {
        var t = new Iproute2Tools();
        // The second step's undo names a link that does not exist: ip refuses that line, and goes on.
        Step up = new Step(Exec.of("ip", "link", "set", "dev", "br7", "up"),
            List.of(Exec.of("ip", "link", "set", "dev", "nosuch0", "down")), java.util.Set.of("br7"));
        Plan plan = Plan.builder("bridge create br7 --nic nosuch0")
            .change(Change.of("create bridge br7", t.addBridge("br7"), up))
            .change(Change.of("make nosuch0 a port of br7", t.enslave("nosuch0", "br7")))
            .build();
        String snapshot = BridgeScenario.state(lab.nodeNetns(), root);
        RecordingRunner rec = new RecordingRunner(BridgeScenario.nodeRunner(lab.nodeNetns()));
        StringWriter err = new StringWriter();
        assertEquals(1, engine(lab, rec, err).submit(plan, plan.command()), err.toString());
        String said = err.toString();
        assertTrue(said.contains("undo failed: ip link set dev nosuch0 down: Cannot find device \"nosuch0\""), said);
        assertTrue(said.contains("rolled back: host restored (verified)"), "br7 went all the same: " + said);
        assertEquals(snapshot, BridgeScenario.state(lab.nodeNetns(), root));
        assertEquals(List.of("ip -batch -", "ip -force -batch -"), rec.commands());
        List<JournalRecord> records = Journal.all(root).get(0).read();
        assertTrue(records.contains(new JournalRecord.UndoFailed(0, 1, 0, "Cannot find device \"nosuch0\"")), records.toString());
        assertTrue(records.contains(new JournalRecord.Undo(0, 0, 0)), records.toString());
    }

    /**
     * Killed mid-way through a rollback's batch (the lines before the stop ran, the rest did not): the journal names
     * the batch's undos with no verdict, so recover runs them all again, and a failure of one that had already run
     * (its address is gone) is expected, not reported. The node ends equal to its snapshot.
     */
    @Test
    void aRollbackCutShortMidBatchIsFinishedByRecover(Lab lab) {
        var t = new Iproute2Tools();
        Plan plan = Plan.builder("bridge create br7 --nic nosuch0")
            .change(Change.of("create bridge br7", t.addBridge("br7"), t.up("br7", false),
                t.addAddress("br7", Cidr.parse("10.9.9.1/24"))))
            .change(Change.of("make nosuch0 a port of br7", t.enslave("nosuch0", "br7")))
            .build();
        String snapshot = BridgeScenario.state(lab.nodeNetns(), root);
        // Counted lines: the apply's batch 1-4 (ip fails line 4 itself), the rollback's: addr del 5, down 6, del 7.
        var crashing = dev.vzbridge.testkit.FailureInjectingRunner.stoppingAt(7, () -> {
            throw new Killed();
        }, BridgeScenario.nodeRunner(lab.nodeNetns()));
        StringWriter err = new StringWriter();
        assertThrows(Killed.class, () -> engine(lab, crashing, err).submit(plan, plan.command()));
        TxLog cut = Journal.all(root).get(0).log();
        assertEquals(TxState.ROLLING_BACK, cut.state());
        for (int s = 0; s < 3; s++) assertTrue(cut.isUndoUncertain(ref(0, s), 0), "step " + s + "'s undo is uncertain");
        assertTrue(lab.exec(lab.nodeNetns(), "ip", "link", "show", "dev", "br7").ok(), "the stop came before link del br7");

        RecordingRunner rec = new RecordingRunner(BridgeScenario.nodeRunner(lab.nodeNetns()));
        StringWriter out = new StringWriter();
        StringWriter err2 = new StringWriter();
        RenderedEngine again = BridgeScenario.engine(BridgeScenario.options(root, lab.nodeNetns(), lab.ctNetnsPattern()),
            BridgeScenario.node(lab.nodeNetns(), lab.ctNetnsPattern(), root, rec), (r, w) -> null,
            new PrintWriter(out, true), new PrintWriter(err2, true));
        assertEquals(0, again.admin().recover(), out + "" + err2);
        String said = out + "" + err2;
        assertTrue(said.contains("host restored (verified)"), said);
        assertTrue(!said.contains("undo failed"), "a failure of an undo that may have run is expected: " + said);
        assertEquals(snapshot, BridgeScenario.state(lab.nodeNetns(), root));
        assertEquals(List.of("ip -force -batch -"), rec.commands(), "the three undos again, as one batch");
        TxLog log = Journal.all(root).get(0).log();
        assertEquals(TxState.ROLLED_BACK, log.state());
        assertTrue(log.isUndone(ref(0, 1), 0) && log.isUndone(ref(0, 0), 0), "down and del ran");
        assertTrue(!log.isUndoUncertain(ref(0, 2), 0), "the address's undo has its verdict now (it failed: already gone)");
    }

    /** Stands for a kill -9: nothing after it runs in this process. */
    private static final class Killed extends Error {
    }

    private static TxLog.StepRef ref(int change, int step) {
        return new TxLog.StepRef(change, step);
    }

    private RenderedEngine engine(Lab lab, dev.vzbridge.exec.CommandRunner runner, StringWriter err) {
        return BridgeScenario.engine(BridgeScenario.options(root, lab.nodeNetns(), lab.ctNetnsPattern()),
            BridgeScenario.node(lab.nodeNetns(), lab.ctNetnsPattern(), root, runner), (r, t) -> null,
            new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    }
}
