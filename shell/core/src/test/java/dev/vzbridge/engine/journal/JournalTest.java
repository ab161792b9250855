package dev.vzbridge.engine.journal;

import dev.vzbridge.api.host.Address;
import dev.vzbridge.api.host.BridgeInfo;
import dev.vzbridge.api.host.Container;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Link;
import dev.vzbridge.api.host.Route;
import dev.vzbridge.api.plan.Check;
import dev.vzbridge.api.plan.DeleteFile;
import dev.vzbridge.api.plan.Exec;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.api.plan.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournalTest {
    @TempDir
    Path root;

    static Plan samplePlan() {
        return Plan.builder("bridge create br0 --stp")
            .change("create bridge br0", List.of(new Step(Exec.of("ip", "link", "add", "br0", "type", "bridge"),
                Exec.of("ip", "link", "del", "br0"), "br0")))
            .change("write config", List.of(Step.writeFile("/etc/x.conf", new byte[] {0, 1, 2, (byte) 0xff}, 0640),
                Step.deleteFile("/etc/old"),
                new Step(new Exec(List.of("sh", "-c", "cat"), "in'put $(x)\n"), List.of(), Set.of())))
            .check(Check.Link.noMaster(null, "br0"))
            .check(Check.Ping.of("101", "203.0.113.193"))
            .check(Check.Route.defaultVia(null, "10.0.0.1", "br0"))
            .note("a note")
            .container("101")
            .file("/etc/x.conf")
            .build();
    }

    static HostState sampleState() {
        return new HostState(
            List.of(new Link("br0", 4, "bridge", null, true, "aa:bb:cc:00:11:22", new BridgeInfo(true, 2), null),
                new Link("eth0", 2, "veth", "br0", true, "aa:bb:cc:00:11:23", null, "forwarding")),
            List.of(new Address("br0", "10.0.0.2/24", "global")),
            List.of(new Route("default", "10.0.0.1", "br0", null, null, null, null)),
            List.of(new Container("101", true, List.of(), List.of(), List.of())));
    }

    @Test
    void everyRecordSurvivesTheRoundTrip() throws Exception {
        Journal j = Journal.create(root, "20261127-000000-000-abcd");
        List<JournalRecord> written = List.of(
            new JournalRecord.Header("20261127-000000-000-abcd", "2026-11-27T00:00:00Z", "root", "192.0.2.9", "cmd 'x'",
                List.of("ip", "netns", "exec", "vzbN"), root.toString(), "vzbN", "netns", "ct{id}", "auto", 42),
            new JournalRecord.PlanRecord(samplePlan()),
            new JournalRecord.SnapshotRecord("before", new Snapshot(sampleState(), Map.of("/etc/x.conf", Snapshot.ABSENT))),
            new JournalRecord.Begin(1, 0, "t", new FileBackup("/etc/x.conf", "/b/1-0", 0644, 0, 0)),
            new JournalRecord.Done(1, 0),
            new JournalRecord.Failed(1, 1, "RTNETLINK answers: File exists"),
            new JournalRecord.Undo(1, 0, 0),
            new JournalRecord.UndoFailed(0, 0, 0, "no such device"),
            new JournalRecord.UndoBatch(List.of(new TxLog.UndoRef(1, 1, 0), new TxLog.UndoRef(1, 0, 0)), "t"),
            new JournalRecord.State("pending-confirm", "t", null, 12345L));
        written.forEach(j::append);
        assertEquals(written, Journal.open(j.file()).read());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(j.file())));
        assertEquals(written.size(), Files.readAllLines(j.file()).size(), "one JSON object per line");
    }

    /** Done records go to the file at once (other processes read them: the guardian, recover); only the fsync waits. */
    @Test
    void recordsAppendedUnforcedAreInTheFileAtOnceAndTheNextRecordFollowsThem() {
        Journal j = Journal.create(root, "t0");
        j.append(new JournalRecord.Batch(List.of(new TxLog.StepRef(0, 0), new TxLog.StepRef(0, 1)), "t"));
        j.appendAllUnforced(List.of(new JournalRecord.Done(0, 0), new JournalRecord.Done(0, 1)));
        TxLog seen = Journal.open(j.file()).log();
        assertTrue(seen.isDone(new TxLog.StepRef(0, 0)) && seen.isDone(new TxLog.StepRef(0, 1)), "another reader sees them");
        j.append(new JournalRecord.Begin(0, 2, "t", null));
        assertEquals(4, Journal.open(j.file()).read().size());
    }

    @Test
    void tornLastLineIsIgnored() throws Exception {
        Journal j = Journal.create(root, "t1");
        j.append(new JournalRecord.Done(0, 0));
        Files.writeString(j.file(), "{\"rec\":\"done\",\"cha", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(List.of(new JournalRecord.Done(0, 0)), j.read());
    }

    @Test
    void logTracksStepsAndState() {
        Journal j = Journal.create(root, "t2");
        j.append(new JournalRecord.PlanRecord(samplePlan()));
        j.append(new JournalRecord.Begin(0, 0, "t", null));
        j.append(new JournalRecord.Done(0, 0));
        j.append(new JournalRecord.Begin(1, 0, "t", null));
        TxLog log = j.log();
        assertTrue(log.isUnfinished());
        assertEquals(List.of(new TxLog.StepRef(0, 0), new TxLog.StepRef(1, 0)), log.begun());
        assertTrue(log.isDone(new TxLog.StepRef(0, 0)));
        assertEquals(samplePlan(), log.plan());
        assertTrue(log.plan().changes().get(1).steps().get(2).apply() instanceof Exec e && e.stdin().contains("$(x)"));
        assertTrue(log.plan().changes().get(1).steps().get(1).apply() instanceof DeleteFile);
    }

    /** Pending.describe skips journals that end closed, reading only their tail; anything unsure is read whole. */
    @Test
    void aJournalEndsClosedOnlyAfterAClosingState() throws Exception {
        Journal j = Journal.create(root, "t3");
        j.append(new JournalRecord.PlanRecord(samplePlan()));
        j.append(JournalRecord.State.of(TxState.APPLYING, null, null));
        assertFalse(Journal.open(j.file()).endsClosed(), "applying");
        j.append(JournalRecord.State.of(TxState.PENDING_CONFIRM, "confirm within 9 s", 1L));
        assertFalse(Journal.open(j.file()).endsClosed(), "awaiting confirm");
        j.append(JournalRecord.State.of(TxState.COMMITTED, null, null));
        assertTrue(Journal.open(j.file()).endsClosed(), "committed");
        Files.writeString(j.file(), "{\"rec\":\"state\",\"sta", java.nio.file.StandardOpenOption.APPEND);
        assertTrue(Journal.open(j.file()).endsClosed(), "a torn last line is not a record: committed still");
        assertEquals(TxState.COMMITTED, Journal.open(j.file()).log().state());
        j.append(JournalRecord.State.of(TxState.ROLLING_BACK, "undo", null));
        assertFalse(Journal.open(j.file()).endsClosed(), "rolling back again (undo)");
    }
}
