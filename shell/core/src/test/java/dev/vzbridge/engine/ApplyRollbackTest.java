package dev.vzbridge.engine;

import dev.vzbridge.engine.journal.FileHashes;
import dev.vzbridge.engine.journal.Journal;
import dev.vzbridge.engine.journal.TxLog;
import dev.vzbridge.engine.journal.TxState;
import dev.vzbridge.shell.RenderedEngine;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.plan.Change;
import dev.vzbridge.api.plan.Exec;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.api.plan.Step;
import dev.vzbridge.testkit.FailureInjectingRunner;
import dev.vzbridge.exec.ProcessRunner;
import dev.vzbridge.testkit.RecordingRunner;
import dev.vzbridge.shell.GlobalOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Apply and rollback with real processes and real files under a temporary --root (no network). */
class ApplyRollbackTest {
    @TempDir
    Path root;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    static Step step(String name) {
        return new Step(Exec.of("true", "apply-" + name), Exec.of("true", "undo-" + name));
    }

    static Plan twoChanges() {
        return Plan.builder("demo")
            .change(Change.of("first", step("a1"), step("a2")))
            .change(Change.of("second", step("b1"), step("b2"), step("b3")))
            .build();
    }

    RenderedEngine engine(RecordingRunner rec, FailureInjectingRunner fail) {
        GlobalOptions o = new GlobalOptions();
        o.root = root;
        o.lockWait = 2;
        Node node = new Node(fail == null ? rec : fail, root, cts -> HostState.empty(), null);
        if (fail != null) node = fail.on(node);
        return RenderedEngine.of(o.engineSettings(), node, (r, t) -> null, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void appliesInOrderAndCommits() throws Exception {
        RecordingRunner rec = new RecordingRunner(new ProcessRunner());
        assertEquals(0, engine(rec, null).submit(twoChanges(), "demo"));
        assertEquals(List.of("true apply-a1", "true apply-a2", "true apply-b1", "true apply-b2", "true apply-b3"),
            rec.commands());
        TxLog log = Journal.all(root).get(0).log();
        assertEquals(TxState.COMMITTED, log.state());
        assertTrue(Files.readString(root.resolve("var/log/vzbridge.log")).contains("result=committed"));
    }

    @Test
    void partiallyAppliedChangeIsRevertedStepByStepNewestFirst() {
        RecordingRunner rec = new RecordingRunner(new ProcessRunner());
        FailureInjectingRunner fail = FailureInjectingRunner.failingMatching("apply-b3", rec);
        assertEquals(1, engine(rec, fail).submit(twoChanges(), "demo"));
        assertEquals(List.of("true apply-a1", "true apply-a2", "true apply-b1", "true apply-b2",
            "true undo-b2", "true undo-b1", "true undo-a2", "true undo-a1"), rec.commands());
        // counted as the progress line counts: the second of two changes, its third step
        assertTrue(err.toString().contains("[2/2] second\n"), err.toString());
        assertTrue(err.toString().contains("[2/2] second, step 3/3 failed: true apply-b3"), err.toString());
        assertTrue(err.toString().contains(FailureInjectingRunner.INJECTED), "the tool's stderr is shown");
        assertTrue(err.toString().contains("rolled back: host restored (verified)"), err.toString());
        assertEquals(TxState.ROLLED_BACK, Journal.all(root).get(0).log().state());
    }

    @Test
    void failureOfTheFirstStepRunsNoUndo() {
        RecordingRunner rec = new RecordingRunner(new ProcessRunner());
        assertEquals(1, engine(rec, FailureInjectingRunner.failingNth(1, rec)).submit(twoChanges(), "demo"));
        assertEquals(List.of(), rec.commands());
    }

    @Test
    void filesAreWrittenAtomicallyAndRestoredExactly() throws Exception {
        Path conf = root.resolve("etc/net.conf");
        Files.createDirectories(conf.getParent());
        Files.writeString(conf, "old\n# keep me\n");
        Files.setPosixFilePermissions(conf, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));
        String before = FileHashes.hash(conf);
        Plan plan = Plan.builder("save")
            .change(Change.of("write files", Step.writeFile("/etc/net.conf", "new\n".getBytes(StandardCharsets.UTF_8), 0644),
                Step.writeFile("/etc/brand-new.conf", "x".getBytes(StandardCharsets.UTF_8), 0600),
                Step.deleteFile("/etc/net.conf"),
                new Step(Exec.of("false"), Exec.of("true"))))
            .build();
        RecordingRunner rec = new RecordingRunner(new ProcessRunner());
        assertEquals(1, engine(rec, null).submit(plan, "save"));
        assertEquals(before, FileHashes.hash(conf), "bytes and mode restored");
        assertFalse(Files.exists(root.resolve("etc/brand-new.conf")), "a file the plan created is gone again");
        assertTrue(err.toString().contains("verified"), err.toString());
    }

    @Test
    void writeReplacesContentAndMode() throws Exception {
        Plan plan = Plan.builder("save")
            .change(Change.of("write", Step.writeFile("/etc/a/b.conf", "hello\n".getBytes(StandardCharsets.UTF_8), 0640)))
            .build();
        assertEquals(0, engine(new RecordingRunner(new ProcessRunner()), null).submit(plan, "save"));
        Path f = root.resolve("etc/a/b.conf");
        assertEquals("hello\n", Files.readString(f));
        assertEquals("rw-r-----", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    }

    @Test
    void dryRunRunsNothing() {
        RecordingRunner rec = new RecordingRunner(new ProcessRunner());
        RenderedEngine e = engine(rec, null);
        GlobalOptions o = new GlobalOptions();
        o.root = root;
        o.dryRun = true;
        RenderedEngine dry = RenderedEngine.of(o.engineSettings(), e.node(), (r, t) -> null, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, dry.submit(twoChanges(), "demo"));
        assertEquals(List.of(), rec.commands());
        assertTrue(out.toString().contains("apply:  true apply-a1"), out.toString());
        assertTrue(out.toString().contains("revert: true undo-b3"), out.toString());
        assertEquals(List.of(), Journal.all(root));
    }

    @Test
    void groupedCommandsApplyAsOneTransaction() {
        RecordingRunner rec = new RecordingRunner(new ProcessRunner());
        RenderedEngine e = engine(rec, null);
        e.begin("two");
        assertEquals(0, e.submit(twoChanges(), "one"));
        assertEquals(0, e.submit(twoChanges(), "again"));
        assertEquals("tx, 4 pending", e.promptMark(), "the prompt counts the planned changes");
        assertEquals(List.of(), rec.commands(), "nothing runs before commit");
        assertEquals(0, e.commit());
        assertEquals(10, rec.commands().size());
        assertEquals(1, Journal.all(root).size());
        assertFalse(e.inTransaction());
    }

    @Test
    void aStepThatBreaksOffIsUndoneToo() {
        RecordingRunner rec = new RecordingRunner(new ProcessRunner());
        dev.vzbridge.exec.CommandRunner breaking = (argv, stdin, timeout) -> {
            if (argv.contains("apply-a2")) throw new IllegalStateException("connection to the node lost");
            return rec.run(argv, stdin, timeout);
        };
        GlobalOptions o = new GlobalOptions();
        o.root = root;
        RenderedEngine e = RenderedEngine.of(o.engineSettings(), new Node(breaking, root, cts -> HostState.empty(), null), (r, t) -> null,
            new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(1, e.submit(twoChanges(), "demo"));
        assertEquals(List.of("true apply-a1", "true undo-a2", "true undo-a1"), rec.commands());
        assertTrue(err.toString().contains("broke off") && err.toString().contains("connection to the node lost"),
            err.toString());
    }

    @Test
    void aCheckThatCannotBeEvaluatedRollsBack() {
        RecordingRunner rec = new RecordingRunner(new ProcessRunner());
        int[] calls = {0};
        Node node = new Node(rec, root, cts -> {
            if (++calls[0] == 2) throw new IllegalStateException("probe failed");
            return HostState.empty();
        }, null);
        GlobalOptions o = new GlobalOptions();
        o.root = root;
        RenderedEngine e = RenderedEngine.of(o.engineSettings(), node, (r, t) -> null, new PrintWriter(out, true), new PrintWriter(err, true));
        Plan withCheck = Plan.builder("demo").change(Change.of("first", step("a1")))
            .check(dev.vzbridge.api.plan.Check.Link.present(null, "br0")).build();
        assertEquals(1, e.submit(withCheck, "demo"));
        assertTrue(err.toString().contains("check failed: cannot verify: probe failed"), err.toString());
        assertEquals(List.of("true apply-a1", "true undo-a1"), rec.commands());
    }
}
