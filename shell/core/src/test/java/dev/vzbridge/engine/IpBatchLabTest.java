package dev.vzbridge.engine;

import dev.vzbridge.api.net.Cidr;
import dev.vzbridge.api.plan.Change;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.engine.journal.Journal;
import dev.vzbridge.engine.journal.JournalRecord;
import dev.vzbridge.engine.journal.TxLog;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Consecutive ip steps run as one ip -batch on a real kernel, and the journal still tells each step apart. */
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
        // Apply: one batch; rollback: the two undos, one process each.
        assertEquals(List.of("ip -batch -", "ip link set dev br7 down", "ip link del br7"), rec.commands());
    }

    private static TxLog.StepRef ref(int change, int step) {
        return new TxLog.StepRef(change, step);
    }

    private RenderedEngine engine(Lab lab, RecordingRunner runner, StringWriter err) {
        return BridgeScenario.engine(BridgeScenario.options(root, lab.nodeNetns(), lab.ctNetnsPattern()),
            BridgeScenario.node(lab.nodeNetns(), lab.ctNetnsPattern(), root, runner), (r, t) -> null,
            new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    }
}
