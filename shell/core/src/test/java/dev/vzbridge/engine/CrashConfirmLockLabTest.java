package dev.vzbridge.engine;

import dev.vzbridge.engine.journal.Journal;
import dev.vzbridge.engine.journal.JournalRecord;
import dev.vzbridge.engine.journal.Pending;
import dev.vzbridge.engine.journal.TxLog;
import dev.vzbridge.engine.journal.TxState;
import dev.vzbridge.shell.RenderedEngine;
import dev.vzbridge.lab.Lab;
import dev.vzbridge.shell.GlobalOptions;
import dev.vzbridge.testkit.LabTest;
import dev.vzbridge.tools.Iproute2Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shell dies (kill -9) mid-apply or while a change awaits confirm; two shells race for the host. */
@LabTest(containers = {101})
class CrashConfirmLockLabTest {
    @TempDir
    Path root;

    private Process child(String... args) throws Exception {
        return new ProcessBuilder(EngineChild.command(args)).redirectError(root.resolve("child.err").toFile()).start();
    }

    /**
     * A child in its own session and process group, like a shell on its own terminal, with SIGHUP at
     * its default even when the build runs under nohup (the JVM leaves an ignored signal ignored).
     */
    private Process sessionChild(String... args) throws Exception {
        List<String> argv = new java.util.ArrayList<>(List.of("env", "--default-signal=INT,TERM,HUP", "setsid"));
        argv.addAll(EngineChild.command(args));
        return new ProcessBuilder(argv).redirectError(root.resolve("child.err").toFile()).start();
    }

    /** Reads the child's stdout until a line starting with want. */
    private String await(Process p, String want) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = r.readLine()) != null) {
            if (line.startsWith(want)) return line;
            seen.append(line).append('\n');
        }
        p.waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError("child ended without printing " + want + ":\n" + seen
            + Files.readString(root.resolve("child.err")));
    }

    private RenderedEngine engine(Lab lab, StringWriter out, StringWriter err) {
        return RenderedEngine.of(BridgeScenario.options(root, lab.nodeNetns(), lab.ctNetnsPattern()).engineSettings(),
            BridgeScenario.node(lab.nodeNetns(), lab.ctNetnsPattern(), root, null), (r, t) -> null,
            new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void killedAfterEveryStepThenRecoverRestoresTheSnapshot(Lab lab) throws Exception {
        BridgeScenario.prepareFiles(root);
        String snapshot = BridgeScenario.state(lab.nodeNetns(), root);
        int steps = BridgeScenario.steps(BridgeScenario.plan(new Iproute2Tools()));
        int recovered = 0;
        for (int k = 0; k <= steps; k++) {
            Process p = child("crash", root.toString(), lab.nodeNetns(), lab.ctNetnsPattern(), String.valueOf(k));
            await(p, "CRASH-POINT");
            p.destroyForcibly(); // SIGKILL: no finally, no shutdown hook
            assertTrue(p.waitFor(10, TimeUnit.SECONDS));
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            RenderedEngine e = engine(lab, out, err);
            String where = "killed after step " + k + ": " + err + out + Files.readString(root.resolve("child.err"));
            assertTrue(e.startupNotice().orElse("").contains("run 'recover'"), where);
            assertEquals(0, e.admin().recover(), where);
            assertTrue(out.toString().contains("host restored (verified)"), where);
            assertEquals(snapshot, BridgeScenario.state(lab.nodeNetns(), root), where);
            assertEquals(0, e.admin().recover(), "recover again has nothing to do");
            assertTrue(e.startupNotice().isEmpty());
            recovered++;
        }
        System.out.printf("crash recovery: %d/%d kill -9 points restored%n", recovered, steps + 1);
    }

    @Test
    void unconfirmedChangeIsRolledBackByTheWatchdogAfterTheShellIsKilled(Lab lab) throws Exception {
        BridgeScenario.prepareFiles(root);
        String snapshot = BridgeScenario.state(lab.nodeNetns(), root);
        Process p = sessionChild("confirm", root.toString(), lab.nodeNetns(), lab.ctNetnsPattern(), "3");
        String[] applied = await(p, "APPLIED").split(" ");
        assertEquals("0", applied[1], Files.readString(root.resolve("child.err")));
        String txid = applied[2];
        TxLog log = Journal.find(root, txid).orElseThrow().log();
        assertEquals(TxState.PENDING_CONFIRM, log.state());
        long deadline = Pending.deadline(log).orElseThrow();
        assertFalse(snapshot.equals(BridgeScenario.state(lab.nodeNetns(), root)), "applied while pending");
        // The terminal hangs up (SIGHUP to the shell's whole process group), then the shell is killed outright.
        new dev.vzbridge.exec.ProcessRunner().run("kill", "-HUP", "--", "-" + p.pid());
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
        while (System.currentTimeMillis() < deadline + 2000
            && !snapshot.equals(BridgeScenario.state(lab.nodeNetns(), root))) {
            Thread.sleep(100);
        }
        long late = System.currentTimeMillis() - deadline;
        System.out.println("deadline " + Instant.ofEpochMilli(deadline) + ", restored seen at " + Instant.now());
        Path watchdogLog = Journal.dir(root).resolve(txid + ".watchdog.log");
        assertEquals(snapshot, BridgeScenario.state(lab.nodeNetns(), root), "restored within deadline + 2 s; watchdog: "
            + (Files.exists(watchdogLog) ? Files.readString(watchdogLog) : "no log") + Files.readString(root.resolve("child.err")));
        System.out.printf("watchdog restored the node %d ms after the deadline%n", late);
        Thread.sleep(500);
        System.out.println(Files.readString(Journal.dir(root).resolve(txid + ".watchdog.log")));
        for (int i = 0; i < 50 && !Journal.find(root, txid).orElseThrow().log().state().isFinal(); i++) Thread.sleep(100);
        assertEquals(TxState.ROLLED_BACK, Journal.find(root, txid).orElseThrow().log().state(),
            Files.readString(Journal.dir(root).resolve(txid + ".watchdog.log")));
    }

    @Test
    void confirmedChangeFromAnotherProcessStays(Lab lab) throws Exception {
        BridgeScenario.prepareFiles(root);
        Process p = child("confirm", root.toString(), lab.nodeNetns(), lab.ctNetnsPattern(), "3");
        String txid = await(p, "APPLIED").split(" ")[2];
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        RenderedEngine e = engine(lab, out, err);
        assertTrue(e.startupNotice().orElse("").contains("awaits 'confirm " + txid + "'"));
        assertEquals(0, e.admin().confirm(null), err.toString());
        p.destroyForcibly();
        String applied = BridgeScenario.state(lab.nodeNetns(), root);
        long deadline = Pending.deadline(Journal.find(root, txid).orElseThrow().log()).orElse(0L);
        Thread.sleep(Math.max(0, deadline - System.currentTimeMillis()) + 2000);
        assertEquals(applied, BridgeScenario.state(lab.nodeNetns(), root), "a confirmed change stays");
        assertEquals(TxState.COMMITTED, Journal.find(root, txid).orElseThrow().log().state());
        assertTrue(lab.ping(lab.nodeNetns(), "10.0.0.1"));
        assertEquals(1, e.admin().confirm(txid) == 0 ? 1 : 0, "confirming again is harmless");
    }

    @Test
    void touchingTheSshLinkAsksForConfirmAndConfirmKeepsIt(Lab lab) throws Exception {
        BridgeScenario.prepareFiles(root);
        ProcessBuilder pb = new ProcessBuilder(EngineChild.command("confirm", root.toString(), lab.nodeNetns(),
            lab.ctNetnsPattern(), "0")).redirectError(root.resolve("child.err").toFile());
        pb.environment().put("SSH_CONNECTION", "10.0.0.9 50022 10.0.0.2 22");
        Process p = pb.start();
        String txid = await(p, "APPLIED").split(" ")[2];
        String said = Files.readString(root.resolve("child.err"));
        assertTrue(said.contains("touches eth0, which carries your SSH session from 10.0.0.9"), said);
        TxLog log = Journal.find(root, txid).orElseThrow().log();
        assertEquals(TxState.PENDING_CONFIRM, log.state());
        long left = Pending.deadline(log).orElseThrow() - System.currentTimeMillis();
        assertTrue(left > 100_000 && left <= 120_000, "default 120 s: " + left);
        assertEquals("10.0.0.9", log.header().sshClient());
        p.destroyForcibly();
        StringWriter out = new StringWriter();
        GlobalOptions json = BridgeScenario.options(root, lab.nodeNetns(), lab.ctNetnsPattern());
        json.json = true;
        RenderedEngine e = RenderedEngine.of(json.engineSettings(), BridgeScenario.node(lab.nodeNetns(), lab.ctNetnsPattern(), root, null),
            (r, t) -> null, json.json, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
        assertEquals(0, e.admin().confirm(null));
        assertTrue(out.toString().contains("\"txid\":\"" + txid + "\""), out.toString());
        assertEquals(TxState.COMMITTED, Journal.find(root, txid).orElseThrow().log().state());
        String audit = Files.readString(root.resolve("var/log/vzbridge.log"));
        assertTrue(audit.contains("ssh=10.0.0.9 result=confirmed tx=" + txid), audit);
    }

    @Test
    void twoShellsApplyingAtOnceNeverInterleave(Lab lab) throws Exception {
        Process a = child("slow", root.toString(), lab.nodeNetns(), lab.ctNetnsPattern());
        Process b = new ProcessBuilder(EngineChild.command("slow", root.toString(), lab.nodeNetns(), lab.ctNetnsPattern()))
            .redirectError(root.resolve("b.err").toFile()).start();
        assertTrue(a.waitFor(60, TimeUnit.SECONDS) && b.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, a.exitValue(), Files.readString(root.resolve("child.err")));
        assertEquals(0, b.exitValue(), Files.readString(root.resolve("b.err")));
        List<Journal> journals = Journal.all(root);
        assertEquals(2, journals.size());
        Instant[] first = span(journals.get(0));
        Instant[] second = span(journals.get(1));
        assertTrue(!first[1].isAfter(second[0]) || !second[1].isAfter(first[0]),
            "one transaction ran entirely before the other: " + List.of(first) + " " + List.of(second));
        String waited = Files.readString(root.resolve("child.err")) + Files.readString(root.resolve("b.err"));
        assertTrue(waited.contains("locked by PID"), waited);
    }

    /** From the first step's begin to the final state. */
    private static Instant[] span(Journal j) {
        Instant start = null;
        Instant end = null;
        for (JournalRecord r : j.read()) {
            if (r instanceof JournalRecord.Begin b && start == null) start = Instant.parse(b.time());
            if (r instanceof JournalRecord.State s && TxState.of(s.state()).isFinal()) end = Instant.parse(s.time());
        }
        assertNotNull(start);
        assertNotNull(end);
        return new Instant[] {start, end};
    }
}
