package dev.vzbridge.engine;

import dev.vzbridge.api.host.HostState;
import dev.vzbridge.engine.journal.AuditLog;
import dev.vzbridge.engine.journal.FileHashes;
import dev.vzbridge.engine.journal.Journal;
import dev.vzbridge.engine.journal.JournalRecord;
import dev.vzbridge.engine.journal.Snapshot;
import dev.vzbridge.engine.journal.TxLog;
import dev.vzbridge.engine.journal.TxState;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Rolls a journal back and proves it: undo what ran, observe again, compare the
 * touched objects with the snapshot taken before the first action. Equal means
 * "rolled back (verified)", exit 1; any difference is listed and means exit 3.
 */
final class Reverter {
    private Reverter() {
    }

    /**
     * @param reason why (failed step and stderr, failed check, confirm deadline, recover, undo)
     * @param finalState ROLLED_BACK for a failure, UNDONE for 'undo'
     */
    static Outcome revert(Journal journal, Node node, List<String> reason, TxState finalState) {
        return revert(journal, node, reason, finalState, null);
    }

    /** @param scope compare only these node links (plus containers and files); null compares the whole node */
    static Outcome revert(Journal journal, Node node, List<String> reason, TxState finalState, Set<String> scope) {
        return revert(journal, node, reason, finalState, scope, null);
    }

    /** @param actor who rolls back when it is not the shell that applied (e.g. "guardian"), for the audit log */
    static Outcome revert(Journal journal, Node node, List<String> reason, TxState finalState, Set<String> scope,
                          String actor) {
        try (SignalDeferral.Scope deferred = SignalDeferral.enter()) {
            return revertDeferred(journal, node, reason, finalState, scope, actor);
        } finally {
            journal.releaseReserve(); // the transaction has ended; a dead shell's reserve goes too
        }
    }

    private static Outcome revertDeferred(Journal journal, Node node, List<String> reason, TxState finalState,
                                          Set<String> scope, String actor) {
        journal.append(state(TxState.ROLLING_BACK, String.join("; ", reason), null));
        ActionExecutor exec = new ActionExecutor(node, ActionTimeout.get());
        List<String> details = new ArrayList<>(reason);
        details.addAll(Rollback.run(journal, exec, StepRuns.enabled(node.address().tools())));
        TxLog log = journal.log();
        if (log.plan() != null) removeStrayTempFiles(node, log);
        Snapshot before = log.before().orElse(null);
        if (before == null) {
            // Killed before the snapshot was written: no action ran yet (the snapshot precedes them).
            journal.append(state(finalState, "nothing had run", null));
            audit(node, log, finalState.word(), actor);
            return new Outcome(1, journal.txid(), finalState, summary(finalState) + ": nothing had run", details);
        }
        if (node.probe() == null) {
            journal.append(state(TxState.DRIFT, "not verified: the node cannot be observed", null));
            audit(node, log, "rolled-back-unverified", actor);
            details.add("the host could not be observed, so the restore is not proven");
            return new Outcome(3, journal.txid(), TxState.DRIFT, summary(finalState) + " (NOT verified)", details);
        }
        Snapshot now = observe(node, log);
        List<String> drift = StateDiff.between(before, now, scope);
        var lost = LinkLocalRepair.missing(before.state(), now.state());
        if (!drift.isEmpty() && !lost.isEmpty()) {
            details.addAll(LinkLocalRepair.restore(node.runner(), lost));
            now = observe(node, log);
            drift = StateDiff.between(before, now, scope);
        }
        if (drift.isEmpty()) {
            journal.append(state(finalState, "verified", null));
            audit(node, log, finalState.word(), actor);
            return new Outcome(1, journal.txid(), finalState, summary(finalState) + ": host restored (verified)", details);
        }
        journal.append(new JournalRecord.SnapshotRecord("after-rollback", now));
        journal.append(state(TxState.DRIFT, String.join("; ", drift), null));
        audit(node, log, "drift", actor);
        details.add("the host differs from before the transaction:");
        drift.forEach(d -> details.add("  " + d));
        return new Outcome(3, journal.txid(), TxState.DRIFT, summary(finalState) + " but drift remains", details);
    }

    /** A crash mid atomic write leaves .NAME.N.tmp beside the file; it was never the file, so it goes. */
    private static void removeStrayTempFiles(Node node, TxLog log) {
        for (String f : Transaction.files(log.plan())) {
            for (java.nio.file.Path tmp : ActionExecutor.strayTempFiles(node.underRoot(f))) {
                try {
                    java.nio.file.Files.deleteIfExists(tmp);
                } catch (java.io.IOException ignored) {
                    // left for the admin; the comparison below still judges the files themselves
                }
            }
        }
    }

    private static String summary(TxState s) {
        return s == TxState.UNDONE ? "undone" : "rolled back";
    }

    static Snapshot observe(Node node, TxLog log) {
        Set<String> containers = new TreeSet<>(log.plan().containers());
        HostState state = node.probe().observe(containers);
        return new Snapshot(state, FileHashes.of(Transaction.files(log.plan()), node::underRoot));
    }

    static JournalRecord.State state(TxState s, String detail, Long deadline) {
        return JournalRecord.State.of(s, detail, deadline);
    }

    static void audit(Node node, TxLog log, String result) {
        audit(node, log, result, null);
    }

    static void audit(Node node, TxLog log, String result, String actor) {
        if (log.header() != null) AuditLog.append(node.root(), log.header(), result, actor);
    }

    /** Per-action timeout for host commands. */
    static final class ActionTimeout {
        private ActionTimeout() {
        }

        static Duration get() {
            return Duration.ofSeconds(Long.getLong("vzbridge.actionTimeout", 30));
        }
    }
}
