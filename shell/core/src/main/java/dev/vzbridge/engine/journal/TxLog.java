package dev.vzbridge.engine.journal;

import dev.vzbridge.api.plan.Plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A journal read back: what was planned, which steps ran, which undos ran, where it stands. */
public final class TxLog {
    /** A step's address in the plan. */
    public record StepRef(int change, int step) {
    }

    /** One undo action of a step: its index among the step's undo actions. */
    public record UndoRef(int change, int step, int action) {
        public StepRef stepRef() {
            return new StepRef(change, step);
        }
    }

    private final String txid;
    private JournalRecord.Header header;
    private Plan plan;
    private Snapshot before;
    private Snapshot after;
    private final List<StepRef> begun = new ArrayList<>();
    private final Set<StepRef> done = new HashSet<>();
    private final Set<StepRef> failed = new HashSet<>();
    private final Set<StepRef> notRun = new HashSet<>();
    private final Map<StepRef, FileBackup> backups = new HashMap<>();
    private final Set<String> undone = new HashSet<>();
    /** Undo actions an undo batch named, and those whose failure was recorded. */
    private final Set<String> undoBegun = new HashSet<>();
    private final Set<String> undoFailed = new HashSet<>();
    private JournalRecord.State state;
    private Long confirmDeadline;

    private TxLog(String txid) {
        this.txid = txid;
    }

    public static TxLog of(String txid, List<JournalRecord> records) {
        TxLog log = new TxLog(txid);
        for (JournalRecord r : records) log.add(r);
        return log;
    }

    private void add(JournalRecord r) {
        if (r instanceof JournalRecord.Header h) {
            header = h;
        } else if (r instanceof JournalRecord.PlanRecord p) {
            plan = p.plan();
        } else if (r instanceof JournalRecord.SnapshotRecord s) {
            if ("before".equals(s.when())) before = s.snapshot();
            else after = s.snapshot();
        } else if (r instanceof JournalRecord.Begin b) {
            StepRef ref = new StepRef(b.change(), b.step());
            begun.add(ref);
            if (b.backup() != null) backups.put(ref, b.backup());
        } else if (r instanceof JournalRecord.Batch b) {
            begun.addAll(b.steps());
        } else if (r instanceof JournalRecord.NotRun n) {
            notRun.add(new StepRef(n.change(), n.step()));
        } else if (r instanceof JournalRecord.Done d) {
            done.add(new StepRef(d.change(), d.step()));
        } else if (r instanceof JournalRecord.Failed f) {
            failed.add(new StepRef(f.change(), f.step()));
        } else if (r instanceof JournalRecord.Undo u) {
            undone.add(key(u.change(), u.step(), u.action()));
        } else if (r instanceof JournalRecord.UndoFailed u) {
            undoFailed.add(key(u.change(), u.step(), u.action()));
        } else if (r instanceof JournalRecord.UndoBatch b) {
            b.undos().forEach(u -> undoBegun.add(key(u.change(), u.step(), u.action())));
        } else if (r instanceof JournalRecord.State st) {
            state = st;
            if (st.deadline() != null) confirmDeadline = st.deadline();
        }
    }

    private static String key(int c, int s, int a) {
        return c + "/" + s + "/" + a;
    }

    public String txid() {
        return txid;
    }

    public JournalRecord.Header header() {
        return header;
    }

    public Plan plan() {
        return plan;
    }

    public Optional<Snapshot> before() {
        return Optional.ofNullable(before);
    }

    public Optional<Snapshot> after() {
        return Optional.ofNullable(after);
    }

    /** Steps in the order they began. */
    public List<StepRef> begun() {
        return List.copyOf(begun);
    }

    public boolean isDone(StepRef ref) {
        return done.contains(ref);
    }

    public boolean isFailed(StepRef ref) {
        return failed.contains(ref);
    }

    /** Batched after a step that failed: it never ran, so there is nothing to undo. */
    public boolean isNotRun(StepRef ref) {
        return notRun.contains(ref);
    }

    public FileBackup backup(StepRef ref) {
        return backups.get(ref);
    }

    public boolean isUndone(StepRef ref, int action) {
        return undone.contains(key(ref.change(), ref.step(), action));
    }

    /** In an undo batch that was cut short (a crash): it may or may not have run. */
    public boolean isUndoUncertain(StepRef ref, int action) {
        String k = key(ref.change(), ref.step(), action);
        return undoBegun.contains(k) && !undone.contains(k) && !undoFailed.contains(k);
    }

    /** The last state written; APPLYING for a journal that has none (a crash right after the header). */
    public TxState state() {
        return state == null ? TxState.APPLYING : TxState.of(state.state());
    }

    public Optional<JournalRecord.State> stateRecord() {
        return Optional.ofNullable(state);
    }

    /** Rolled back because its confirm deadline passed (it once awaited confirm, and was rolled back). */
    public boolean expiredUnconfirmed() {
        TxState s = state();
        return confirmDeadline != null && (s == TxState.ROLLED_BACK || s == TxState.DRIFT);
    }

    /** Left unfinished by a crash or kill: 'recover' rolls it back. Pending ones belong to their watchdog. */
    public boolean isUnfinished() {
        TxState s = state();
        return s == TxState.APPLYING || s == TxState.ROLLING_BACK;
    }
}
