package dev.vzbridge.engine;

import dev.vzbridge.api.command.CommandFailedException;
import dev.vzbridge.api.command.UsageException;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.plan.Action;
import dev.vzbridge.api.plan.Change;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.api.plan.Step;
import dev.vzbridge.engine.journal.AuditLog;
import dev.vzbridge.engine.journal.FileBackup;
import dev.vzbridge.engine.journal.FileHashes;
import dev.vzbridge.engine.journal.Journal;
import dev.vzbridge.engine.journal.JournalRecord;
import dev.vzbridge.engine.journal.Pending;
import dev.vzbridge.engine.journal.Snapshot;
import dev.vzbridge.engine.journal.TxIds;
import dev.vzbridge.engine.journal.TxLog;
import dev.vzbridge.engine.journal.TxState;
import dev.vzbridge.host.NodeAddress;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One run of the pipeline under the host lock: journal, snapshot, apply change
 * after change, verify, then commit, leave pending for confirm, or roll back.
 */
final class Transaction {
    /**
     * @param confirmSeconds 0 commits at once; otherwise stays pending this long
     * @param watchdog       starts the process that owns the confirm deadline
     * @param guardian       starts the process that rolls back if this one dies mid-transaction
     */
    /** @param checkOrigins a check's description → where its command came from (a batch's "FILE:LINE") */
    record Settings(Duration lockWait, boolean verify, int confirmSeconds, boolean terminal, Origin origin,
                    Watchdog.Launcher watchdog, Guardian.Launcher guardian, String confirmHow, Map<String, String> checkOrigins) {
    }

    /** "FILE:LINE: " of the command a failed check (its description, maybe with the cause after ": ") belongs to. */
    private String originOf(String failed) {
        for (Map.Entry<String, String> e : settings.checkOrigins().entrySet())
            if (failed.equals(e.getKey()) || failed.startsWith(e.getKey() + ": ")) return e.getValue() + ": ";
        return "";
    }

    /**
     * How to make the plan again under the lock.
     *
     * @param plannedAt epoch millis taken before the plan's observation
     * @param planner   makes the plan anew; null when the plan cannot be remade
     */
    record Replan(long plannedAt, java.util.function.Supplier<Plan> planner) {
        static final Replan NONE = new Replan(Long.MAX_VALUE, null);
    }

    private final Node node;
    private final Settings settings;
    private final PrintWriter err;

    Transaction(Node node, Settings settings, PrintWriter err) {
        this.node = node;
        this.settings = settings;
        this.err = err;
    }

    /** Files a plan writes, deletes or restores, plus those it declares. */
    static Set<String> files(Plan plan) {
        Set<String> out = new LinkedHashSet<>(plan.files());
        for (Change c : plan.changes()) {
            for (Step s : c.steps()) {
                add(out, s.apply());
                s.undo().forEach(a -> add(out, a));
            }
        }
        return out;
    }

    private static void add(Set<String> out, Action a) {
        String f = ActionExecutor.touchedFile(a);
        if (f != null) out.add(f);
    }

    Outcome apply(Plan plan, String command) {
        return apply(plan, command, Replan.NONE);
    }

    Outcome apply(Plan plan, String command, Replan replan) {
        HostLock lock;
        try {
            lock = HostLock.acquire(node, command, settings.lockWait(), err);
        } catch (HostLock.LockedException e) {
            return Outcome.failed(e.getMessage());
        }
        try {
            String pending;
            try {
                pending = Pending.describe(node.root());
            } catch (Journal.DamagedException e) {
                pending = e.getMessage();
            }
            if (pending != null) return Outcome.failed(pending);
            if (replan.planner() != null && lock.lastReleased() >= replan.plannedAt()) {
                // Another change held the node since this plan looked at it: look again.
                Plan fresh;
                try {
                    fresh = replan.planner().get();
                } catch (UsageException e) {
                    return new Outcome(2, null, null, "refused: another change reached the node first, and now "
                        + e.getMessage(), List.of());
                } catch (CommandFailedException e) {
                    return Outcome.failed("another change reached the node first, and now " + e.getMessage());
                }
                if (fresh.isEmpty()) {
                    return new Outcome(0, null, null, "nothing to do: another change reached the node first and left "
                        + "it as asked", List.of());
                }
                if (!fresh.equals(plan)) progress("the node changed while this shell waited; planned again");
                plan = fresh;
            }
            try (SignalDeferral.Scope deferred = SignalDeferral.enter()) {
                return applyLocked(plan, command);
            }
        } finally {
            lock.close();
        }
    }

    private Outcome applyLocked(Plan plan, String command) {
        String txid = TxIds.next();
        Journal journal;
        try {
            journal = Journal.create(node.root(), txid);
        } catch (java.io.UncheckedIOException e) {
            return Outcome.failed(e.getMessage() + ": nothing was changed");
        }
        Origin o = settings.origin();
        NodeAddress a = node.address();
        // The node's address as it is, so the watchdog and 'recover' reach the same node again.
        JournalRecord.Header header = new JournalRecord.Header(txid, Instant.now().toString(), o.user(), o.sshClient(),
            command, a.prefix(), a.root().toAbsolutePath().toString(), a.netns(), a.runtime(), a.ctNetns(),
            a.tools(), ProcessHandle.current().pid());
        journal.append(header);
        journal.append(new JournalRecord.PlanRecord(plan));
        // From here until the outcome, a death of this process is noticed and rolled back.
        Guardian.Watch guard = settings.guardian().start(node.root(), txid);
        Outcome outcome = applyGuarded(plan, journal, header);
        journal.releaseReserve();
        if (journal.failure() != null) outcome = journalTrouble(journal, outcome);
        guard.standDown();
        return outcome;
    }

    /** The outcome of a transaction whose journal could not be written, told as such. */
    private static Outcome journalTrouble(Journal journal, Outcome o) {
        List<String> details = new ArrayList<>(o.details());
        details.add("the journal could not be written (" + journal.failure() + ")"
            + (o.state() == TxState.ROLLED_BACK ? ", so the change was rolled back" : ""));
        if (!journal.catchUp()) {
            details.add("the journal on disk stops short of the end: later runs call it unfinished, and 'recover' "
                + "will find the node already restored");
        }
        return new Outcome(o.exitCode(), o.txid(), o.state(), o.summary(), details);
    }

    /** Why the apply must stop and roll back now (a signal, an unwritable journal), or null. */
    private static String stopReason(Journal journal) {
        String signal = SignalDeferral.abortRequested();
        if (signal != null) return "interrupted by " + signal;
        if (journal.failure() != null) return "the journal could not be written (" + journal.failure() + ")";
        return null;
    }

    private Outcome applyGuarded(Plan plan, Journal journal, JournalRecord.Header header) {
        String txid = journal.txid();
        if (node.probe() != null) {
            journal.append(new JournalRecord.SnapshotRecord("before", snapshot(plan)));
        }
        journal.append(Reverter.state(TxState.APPLYING, null, null));
        if (journal.failure() != null) {
            // Nothing ran yet: say so in the journal if it takes anything at all.
            journal.append(Reverter.state(TxState.ROLLED_BACK, "nothing had run", null));
            return new Outcome(1, txid, TxState.ROLLED_BACK, "not applied: the journal could not be written ("
                + journal.failure() + "); nothing was changed", List.of());
        }
        String room = JournalRoom.shortfall(journal, plan, node);
        if (room != null) {
            journal.append(Reverter.state(TxState.ROLLED_BACK, "nothing had run", null));
            return new Outcome(1, txid, TxState.ROLLED_BACK, "not applied: " + room + "; nothing was changed", List.of());
        }

        ActionExecutor exec = new ActionExecutor(node, Reverter.ActionTimeout.get());
        int announced = 0; // changes whose progress line is out, counted from the first
        for (List<TxLog.StepRef> run : StepRuns.of(plan, StepRuns.enabled(node.address().tools()))) {
            for (int last = run.get(run.size() - 1).change(); announced <= last; announced++) announce(plan, announced);
            TxLog.StepRef first = run.get(0);
            String stop = stopReason(journal);
            if (stop != null) {
                return Reverter.revert(journal, node, List.of(stop + " before " + where(plan, first.change(), first.step())),
                    TxState.ROLLED_BACK);
            }
            Outcome failed = run.size() == 1 ? runStep(plan, first, journal, exec) : runBatch(plan, run, journal, exec);
            if (failed != null) return failed;
        }
        for (; announced < plan.changes().size(); announced++) announce(plan, announced);
        HostState seen = null;
        if (settings.verify() && stopReason(journal) == null) {
            List<String> failed;
            try {
                Verifier verifier = new Verifier(node, err, settings.terminal());
                failed = verifier.verify(plan);
                seen = verifier.lastSeen();
            } catch (RuntimeException e) {
                failed = List.of("cannot verify: " + describe(e));
            }
            if (!failed.isEmpty() && stopReason(journal) == null) {
                List<String> why = new ArrayList<>();
                failed.forEach(f -> why.add(originOf(f) + "check failed: " + f));
                return Reverter.revert(journal, node, why, TxState.ROLLED_BACK);
            }
        }
        // The verifier's last look, taken once every check held, is the state after: no second read.
        if (node.probe() != null) journal.append(new JournalRecord.SnapshotRecord("after", snapshot(plan, seen)));
        // The last moment a signal or an unwritable journal can stop the change: after this record it stands.
        String stop = stopReason(journal);
        if (stop != null) {
            return Reverter.revert(journal, node, List.of(stop + " after the last step"), TxState.ROLLED_BACK);
        }
        if (settings.confirmSeconds() > 0) {
            long deadline = System.currentTimeMillis() + settings.confirmSeconds() * 1000L;
            if (!journal.appendDurable(Reverter.state(TxState.PENDING_CONFIRM, "confirm within "
                + settings.confirmSeconds() + " s", deadline))) {
                return Reverter.revert(journal, node, List.of(stopReason(journal) + " at the last record"),
                    TxState.ROLLED_BACK);
            }
            AuditLog.append(node.root(), header, TxState.PENDING_CONFIRM.word());
            String started = settings.watchdog().start(node.root(), txid);
            List<String> details = new ArrayList<>();
            if (started != null) details.add(started);
            return new Outcome(0, txid, TxState.PENDING_CONFIRM, "applied; " + settings.confirmHow() + " within "
                + settings.confirmSeconds() + " s or it is rolled back (tx " + txid + ")", details);
        }
        // A write-ahead log's commit: the change stands only once this record is on disk.
        if (!journal.appendDurable(Reverter.state(TxState.COMMITTED, null, null))) {
            return Reverter.revert(journal, node, List.of(stopReason(journal) + " at the commit record"),
                TxState.ROLLED_BACK);
        }
        AuditLog.append(node.root(), header, TxState.COMMITTED.word());
        return new Outcome(0, txid, TxState.COMMITTED, "applied (tx " + txid + ")", List.of());
    }

    private void announce(Plan plan, int ci) {
        progress("[" + (ci + 1) + "/" + plan.changes().size() + "] " + plan.changes().get(ci).summary());
    }

    /** One step on its own: begin, run, done; or the rollback its failure starts. */
    private Outcome runStep(Plan plan, TxLog.StepRef ref, Journal journal, ActionExecutor exec) {
        int ci = ref.change();
        int si = ref.step();
        Step step = plan.changes().get(ci).steps().get(si);
        try {
            FileBackup backup = exec.backup(step.apply(), journal.backupDir().resolve(ci + "-" + si));
            journal.append(new JournalRecord.Begin(ci, si, Instant.now().toString(), backup));
            if (journal.failure() != null) {
                return Reverter.revert(journal, node, List.of(stopReason(journal) + " before " + where(plan, ci, si)),
                    TxState.ROLLED_BACK);
            }
            exec.run(step.apply(), backup);
            journal.appendAllUnforced(List.of(new JournalRecord.Done(ci, si)));
            return null;
        } catch (ActionFailedException e) {
            journal.append(new JournalRecord.Failed(ci, si, e.getMessage()));
            List<String> why = List.of(where(plan, ci, si) + " failed: " + step.apply().render(), "  " + e.getMessage());
            return Reverter.revert(journal, node, why, TxState.ROLLED_BACK);
        } catch (RuntimeException e) {
            // Not the tool's verdict: the step may or may not have happened, so its undo is tried too.
            List<String> why = List.of(where(plan, ci, si) + " broke off: " + step.apply().render(), "  " + describe(e));
            return Reverter.revert(journal, node, why, TxState.ROLLED_BACK);
        }
    }

    /**
     * Steps whose commands are ip lines for one namespace, as one ip -batch. The journal
     * names them all before it starts and then, from ip's verdict, which ran, which
     * failed and which never ran; a death in between leaves all of them uncertain.
     */
    private Outcome runBatch(Plan plan, List<TxLog.StepRef> run, Journal journal, ActionExecutor exec) {
        List<IpBatch.Line> lines = run.stream().map(r -> IpBatch.Line.of(apply(plan, r))).toList();
        TxLog.StepRef first = run.get(0);
        journal.append(new JournalRecord.Batch(run, Instant.now().toString()));
        if (journal.failure() != null) {
            return Reverter.revert(journal, node, List.of(stopReason(journal) + " before "
                + where(plan, first.change(), first.step())), TxState.ROLLED_BACK);
        }
        IpBatch.Verdict v;
        try {
            v = IpBatch.verdict(exec.runBatch(IpBatch.argv(lines.get(0).netns()), IpBatch.stdin(lines), lines.size()),
                lines.size());
        } catch (dev.vzbridge.exec.RunnerException e) {
            v = new IpBatch.Verdict(0, false, e.getMessage()); // ip did not start: nothing ran
        } catch (RuntimeException e) {
            TxLog.StepRef last = run.get(run.size() - 1);
            return Reverter.revert(journal, node, List.of(where(plan, first.change(), first.step()) + " to "
                + where(plan, last.change(), last.step()) + " (one ip -batch) broke off", "  " + describe(e)),
                TxState.ROLLED_BACK);
        }
        if (v.allDone()) {
            journal.appendAllUnforced(run.stream().map(r -> new JournalRecord.Done(r.change(), r.step())).toList());
            return null;
        }
        if (v.unknown()) {
            // ip stopped without naming the line: every step of the batch is uncertain, and undone tolerantly.
            TxLog.StepRef last = run.get(run.size() - 1);
            return Reverter.revert(journal, node, List.of(where(plan, first.change(), first.step()) + " to "
                + where(plan, last.change(), last.step()) + " (one ip -batch) failed without naming its line",
                "  " + v.problem()), TxState.ROLLED_BACK);
        }
        List<JournalRecord> verdict = new ArrayList<>();
        for (int i = 0; i < run.size(); i++) {
            TxLog.StepRef r = run.get(i);
            if (i < v.failedLine()) verdict.add(new JournalRecord.Done(r.change(), r.step()));
            else if (i == v.failedLine()) verdict.add(new JournalRecord.Failed(r.change(), r.step(), v.problem()));
            else verdict.add(new JournalRecord.NotRun(r.change(), r.step()));
        }
        journal.appendAll(verdict);
        TxLog.StepRef bad = run.get(v.failedLine());
        List<String> why = List.of(where(plan, bad.change(), bad.step()) + " failed: " + apply(plan, bad).render(),
            "  " + v.problem());
        return Reverter.revert(journal, node, why, TxState.ROLLED_BACK);
    }

    private static dev.vzbridge.api.plan.Action apply(Plan plan, TxLog.StepRef ref) {
        return plan.changes().get(ref.change()).steps().get(ref.step()).apply();
    }

    private Snapshot snapshot(Plan plan) {
        return snapshot(plan, null);
    }

    private Snapshot snapshot(Plan plan, HostState seen) {
        HostState state = seen != null ? seen : node.probe().observe(plan.containers());
        return new Snapshot(state, FileHashes.of(files(plan), node::underRoot));
    }

    /** Counted as the progress lines count: "[2/4] add br0, step 3/5". */
    private static String where(Plan plan, int change, int step) {
        Change c = plan.changes().get(change);
        return "[" + (change + 1) + "/" + plan.changes().size() + "] " + c.summary() + ", step " + (step + 1) + "/"
            + c.steps().size();
    }

    private static String describe(RuntimeException e) {
        return dev.vzbridge.api.command.ErrorText.of(e);
    }

    private void progress(String line) {
        if (err != null) {
            err.println(line);
            err.flush();
        }
    }
}
