package dev.vzbridge.engine;

import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.plan.Change;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.api.plan.Step;
import dev.vzbridge.engine.journal.Journal;
import dev.vzbridge.engine.journal.JournalJson;
import dev.vzbridge.engine.journal.JournalRecord;
import dev.vzbridge.engine.journal.Pending;
import dev.vzbridge.engine.journal.TxState;
import dev.vzbridge.testkit.FailureInjectingRunner;
import dev.vzbridge.exec.ProcessRunner;
import dev.vzbridge.testkit.RecordingRunner;
import dev.vzbridge.shell.GlobalOptions;
import dev.vzbridge.shell.RenderedEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The journal read as a write-ahead log: torn tails, garbage, binary and empty files,
 * a journal directory that is a file, and the debris of an interrupted file write.
 */
class JournalWalTest {
    @TempDir
    Path root;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    private RenderedEngine engine(java.util.function.Function<dev.vzbridge.exec.CommandRunner, FailureInjectingRunner> fault) {
        GlobalOptions o = new GlobalOptions();
        o.root = root;
        o.lockWait = 2;
        RecordingRunner rec = new RecordingRunner(new ProcessRunner());
        Node node = new Node(rec, root, cts -> HostState.empty(), null);
        if (fault != null) {
            FailureInjectingRunner fail = fault.apply(rec);
            node = fail.on(new Node(fail, root, cts -> HostState.empty(), null));
        }
        return RenderedEngine.of(o.engineSettings(), node, (r, t) -> null, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    /** A transaction whose shell died after its first step: kill -9 played by a runner that stops it. */
    private String unfinished(String name) {
        Plan plan = Plan.builder(name).change(Change.of("two", ApplyRollbackTest.step("x1"), ApplyRollbackTest.step("x2")))
            .build();
        RenderedEngine e = engine(null);
        assertEquals(0, e.submit(plan, name));
        Journal j = Journal.all(root).get(Journal.all(root).size() - 1);
        // Cut the journal back to just after the first step's done record: as if killed right there.
        List<String> lines = lines(j.file());
        int cut = 0;
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains("\"rec\":\"done\"")) { cut = i; break; }
        write(j.file(), String.join("\n", lines.subList(0, cut + 1)) + "\n");
        assertTrue(j.log().isUnfinished());
        return j.txid();
    }

    private Journal committed(String name) {
        Plan plan = Plan.builder(name).change(Change.of("one", ApplyRollbackTest.step("c1"))).build();
        assertEquals(0, engine(null).submit(plan, name));
        List<Journal> all = Journal.all(root);
        return all.get(all.size() - 1);
    }

    @Test
    void aTornLastLineIsNeverDurableAndTheNextRecordStartsItsOwnLine() {
        String txid = unfinished("torn");
        Journal j = Journal.find(root, txid).orElseThrow();
        append(j.file(), "{\"rec\":\"state\",\"state\":\"commi");
        assertTrue(j.log().isUnfinished(), "a torn commit record is not a commit");
        assertEquals(0, engine(null).admin().recover(), err.toString());
        assertEquals(TxState.ROLLED_BACK, j.log().state(), "recover appended after cutting the torn tail");
    }

    @Test
    void aDurableCommitIsNeverUndoneByRecoverWhateverFollowsIt() {
        Journal j = committed("kept");
        append(j.file(), "{\"rec\":\"undo\",\"chan");
        assertEquals(TxState.COMMITTED, j.log().state());
        assertEquals(0, engine(null).admin().recover());
        assertTrue(out.toString().contains("nothing to recover"), out.toString());
        assertEquals(TxState.COMMITTED, j.log().state());
        assertTrue(Pending.warning(root).isEmpty());
    }

    @Test
    void aDamagedOrBinaryJournalIsReportedAndSkippedWhileTheOthersRecover() throws Exception {
        Journal kept = committed("kept");
        String open = unfinished("open");
        Path dir = Journal.dir(root);
        write(dir.resolve("20000101-000000-000-aaaa.jsonl"), "{\"rec\":\"header\",\"txid\":\"x\"}\nnot json at all\n"
            + "{\"rec\":\"done\",\"change\":0,\"step\":0}\n");
        Files.write(dir.resolve("20000101-000000-000-bbbb.jsonl"), new byte[] {0, (byte) 0xff, 7, (byte) 0xc3, 0x28, 0});
        Files.createFile(dir.resolve("20000101-000000-000-cccc.jsonl"));
        String warning = Pending.warning(root).orElseThrow();
        assertTrue(warning.contains("unfinished transaction " + open) && warning.contains("recover"), warning);
        assertTrue(warning.contains("damaged"), warning);
        assertEquals(1, warning.lines().count());
        RenderedEngine e = engine(null);
        assertEquals(0, e.admin().recover(), err.toString());
        assertTrue(err.toString().contains("20000101-000000-000-aaaa.jsonl is damaged at line 2"), err.toString());
        assertTrue(err.toString().contains("20000101-000000-000-bbbb.jsonl is damaged"), err.toString());
        assertFalse(err.toString().contains("cccc"), "an empty file is not a transaction: " + err);
        assertEquals(TxState.ROLLED_BACK, Journal.find(root, open).orElseThrow().log().state());
        assertEquals(TxState.COMMITTED, kept.log().state());
        assertEquals(0, e.admin().history());
        assertTrue(out.toString().contains("20000101-000000-000-aaaa") && out.toString().contains("damaged"), out.toString());
        assertFalse(out.toString().contains("cccc"), out.toString());
    }

    @Test
    void theStartUpWarningReadsAClosedJournalNoFurtherThanItsLastLine() throws Exception {
        // Asked at every invocation: a node's whole history must not be parsed each time.
        // A closed journal whose middle is damaged proves it: read whole, it would be reported.
        write(Journal.dir(root).resolve("20000101-000000-000-dddd.jsonl"), "{\"rec\":\"header\",\"txid\":\"y\"}\n"
            + "not json at all\n{\"rec\":\"state\",\"state\":\"committed\",\"time\":\"t\"}\n");
        assertTrue(Pending.warning(root).isEmpty(), Pending.warning(root).toString());
        String open = unfinished("open");
        assertTrue(Pending.warning(root).orElseThrow().contains("unfinished transaction " + open));
    }

    @Test
    void aJournalDirectoryThatIsAFileIsAnErrorNotNothingToRecover() throws Exception {
        Path dir = root.resolve(Journal.DIR.substring(1));
        Files.createDirectories(dir.getParent());
        Files.writeString(dir, "oops\n");
        RenderedEngine e = engine(null);
        assertEquals(1, e.admin().recover());
        assertTrue(err.toString().contains("is not a directory"), err.toString());
        assertFalse(out.toString().contains("nothing to recover"));
        assertTrue(Pending.warning(root).orElseThrow().contains("is not a directory"));
        Plan plan = Plan.builder("p").change(Change.of("one", ApplyRollbackTest.step("p1"))).build();
        assertEquals(1, e.submit(plan, "p"), "a change with nowhere to journal does not start");
        assertTrue(err.toString().contains("is not a directory"), err.toString());
    }

    @Test
    void rollbackRemovesTheDirectoriesItsWriteCreatedAndRecoverRemovesStrayTempFiles() throws Exception {
        Files.createDirectories(root.resolve("etc"));
        Plan plan = Plan.builder("save").change(Change.of("write",
            Step.writeFile("/etc/new/deeper/ifcfg-br0", "DEVICE=br0\n".getBytes(StandardCharsets.UTF_8), 0644),
            Step.writeFile("/etc/ifcfg-eth0", "DEVICE=eth0\n".getBytes(StandardCharsets.UTF_8), 0644),
            ApplyRollbackTest.step("fails")))
            .build();
        assertEquals(1, engine(r -> FailureInjectingRunner.failingNth(3, r)).submit(plan, "save"), err.toString());
        assertFalse(Files.exists(root.resolve("etc/new")), "the directories the write made are gone");
        assertFalse(Files.exists(root.resolve("etc/ifcfg-eth0")));
        assertTrue(Files.isDirectory(root.resolve("etc")), "what existed stays");

        String open = unfinished("crashed write");
        Path stray = root.resolve("etc/.ifcfg-eth0.123456789.tmp");
        Files.writeString(stray, "half");
        Journal j = Journal.find(root, open).orElseThrow();
        // The crashed transaction had declared the file it was writing.
        List<String> lines = lines(j.file());
        Plan withFile = Plan.builder("crashed write").change(Change.of("two", ApplyRollbackTest.step("x1"),
            ApplyRollbackTest.step("x2"))).file("/etc/ifcfg-eth0").build();
        lines.set(1, JournalJson.write(new JournalRecord.PlanRecord(withFile)));
        write(j.file(), String.join("\n", lines) + "\n");
        assertEquals(0, engine(null).admin().recover(), err.toString());
        assertFalse(Files.exists(stray), "recover removed the temp file of the interrupted write");
    }

    private static List<String> lines(Path f) {
        try {
            return new java.util.ArrayList<>(Files.readAllLines(f));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void write(Path f, String text) {
        try {
            Files.writeString(f, text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void append(Path f, String text) {
        try {
            Files.writeString(f, text, StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
