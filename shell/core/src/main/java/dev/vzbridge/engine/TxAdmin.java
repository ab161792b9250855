package dev.vzbridge.engine;

import dev.vzbridge.api.command.UsageException;
import dev.vzbridge.engine.journal.Journal;
import dev.vzbridge.engine.journal.JournalRecord;
import dev.vzbridge.engine.journal.Pending;
import dev.vzbridge.engine.journal.TxLog;
import dev.vzbridge.engine.journal.TxState;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** confirm, recover, history and undo: the engine's commands on journals; each returns what it did. */
public final class TxAdmin {
    private final Node node;
    private final EngineSettings settings;
    private final PrintWriter progress;

    /** @param progress where waiting for the host lock is reported */
    TxAdmin(Node node, EngineSettings settings, PrintWriter progress) {
        this.node = node;
        this.settings = settings;
        this.progress = progress;
    }

    private Node node() {
        return node;
    }

    private Duration lockWait() {
        return settings.lockWait();
    }

    /** Keeps a pending transaction (the only pending one when txid is null). */
    public AdminResult confirm(String txid) {
        List<TxLog> waiting = Pending.awaitingConfirm(node().root());
        if (txid == null && waiting.isEmpty()) {
            // the deadline passed: say so, rather than "no transaction awaits confirm"
            List<Journal> all = Journal.all(node().root());
            Optional<String> late = all.isEmpty() ? Optional.empty() : ConfirmExpiry.message(all.get(all.size() - 1).log());
            if (late.isPresent()) return new AdminResult.Refused(late.get());
        }
        TxLog log = pick(txid, waiting, "awaits confirm");
        Journal journal = Journal.find(node().root(), log.txid()).orElseThrow();
        try (HostLock lock = HostLock.acquire(node(), "confirm " + log.txid(), lockWait(), progress)) {
            TxLog now = journal.log();
            if (now.state() == TxState.PENDING_CONFIRM) {
                journal.append(Reverter.state(TxState.COMMITTED, "confirmed", null));
                Reverter.audit(node(), now, "confirmed");
                return new AdminResult.Status(now.txid(), TxState.COMMITTED, 0, "confirmed: transaction " + now.txid() + " is kept");
            }
            Optional<String> late = ConfirmExpiry.message(now);
            if (late.isPresent()) return new AdminResult.Refused(late.get());
            return new AdminResult.Status(now.txid(), now.state(), now.state() == TxState.COMMITTED ? 0 : 1,
                "too late: transaction " + now.txid() + " is " + now.state().word());
        } catch (HostLock.LockedException e) {
            return new AdminResult.Refused(e.getMessage());
        }
    }

    private TxLog pick(String txid, List<TxLog> candidates, String what) {
        if (txid != null) return resolve(txid).log();
        if (candidates.isEmpty()) throw new UsageException("no transaction " + what);
        if (candidates.size() > 1) {
            throw new UsageException("several transactions " + what + ": "
                + String.join(", ", candidates.stream().map(TxLog::txid).toList()) + "; name one");
        }
        return candidates.get(0);
    }

    /**
     * A transaction named as the admin likes: its number in 'history', its full ID, or a
     * prefix of the ID that only it has.
     */
    Journal resolve(String name) {
        List<Journal> all = Journal.all(node().root());
        boolean number = name.matches("[0-9]{1,6}");
        if (number && Integer.parseInt(name) >= 1 && Integer.parseInt(name) <= all.size())
            return all.get(Integer.parseInt(name) - 1);
        Optional<Journal> exact = all.stream().filter(j -> j.txid().equals(name)).findFirst();
        if (exact.isPresent()) return exact.get();
        List<Journal> matching = all.stream().filter(j -> j.txid().startsWith(name)).toList();
        if (matching.isEmpty() && number)
            throw new UsageException("no transaction number " + name + " ('history' lists " + all.size() + ")");
        if (matching.isEmpty()) throw new UsageException("no transaction " + name + " ('history' lists them)");
        if (matching.size() > 1)
            throw new UsageException("'" + name + "' names " + matching.size() + " transactions ("
                + String.join(", ", matching.stream().map(Journal::txid).limit(4).toList())
                + (matching.size() > 4 ? ", …" : "") + "); give more of the ID, or its number in 'history'");
        return matching.get(0);
    }

    /** Every transaction's ID, newest first, for completion. */
    public List<String> txids() {
        List<String> ids = new ArrayList<>(Journal.all(node().root()).stream().map(Journal::txid).toList());
        java.util.Collections.reverse(ids);
        return ids;
    }

    /** The transaction 'undo TXID' would revert, and the actions it would run, newest first. */
    public record UndoPreview(String txid, String command, List<String> actions) {
    }

    public UndoPreview undoPreview(String txid) {
        TxLog log = undoTarget(txid);
        List<String> actions = new ArrayList<>();
        var changes = log.plan().changes();
        for (int c = changes.size() - 1; c >= 0; c--) {
            var steps = changes.get(c).steps();
            for (int st = steps.size() - 1; st >= 0; st--) {
                if (!log.isDone(new TxLog.StepRef(c, st))) continue;
                List<dev.vzbridge.api.plan.Action> undo = steps.get(st).undo();
                for (int a = undo.size() - 1; a >= 0; a--) actions.add(undo.get(a).render());
            }
        }
        return new UndoPreview(log.txid(), command(log), actions);
    }

    private TxLog undoTarget(String txid) {
        List<TxLog> committed = Pending.Scan.of(node().root()).logs().stream()
            .filter(l -> l.state() == TxState.COMMITTED).toList();
        return txid != null ? pick(txid, committed, "committed")
            : committed.stream().reduce((a, b) -> b).orElseThrow(() -> new UsageException("no committed transaction"));
    }

    /** Committed transactions after this one that touched what it touched: they must be undone first. */
    private List<TxLog> laterOnSame(TxLog log, Set<String> scope) {
        List<TxLog> all = Pending.Scan.of(node().root()).logs();
        List<TxLog> later = new ArrayList<>();
        boolean after = false;
        for (TxLog l : all) {
            if (l.txid().equals(log.txid())) {
                after = true;
                continue;
            }
            if (!after || l.state() != TxState.COMMITTED || l.plan() == null) continue;
            Set<String> theirs = new TreeSet<>(l.plan().links());
            if (l.before().isPresent() && l.after().isPresent())
                theirs.addAll(StateDiff.touchedLinks(l.before().get(), l.after().get()));
            theirs.retainAll(scope);
            boolean sameFiles = l.plan().files().stream().anyMatch(log.plan().files()::contains);
            if (!theirs.isEmpty() || sameFiles) later.add(l);
        }
        java.util.Collections.reverse(later);
        return later;
    }

    /**
     * Rolls back every unfinished journal, and pending ones whose deadline passed with no
     * watchdog left. A damaged journal is reported and skipped; the others still recover.
     * Temp files of an atomic write the crash interrupted are removed.
     */
    public AdminResult recover() {
        List<String> skipped = List.of();
        try (HostLock lock = HostLock.acquire(node(), "recover", lockWait(), progress)) {
            Pending.Scan scan = Pending.Scan.of(node().root());
            skipped = scan.damaged();
            List<TxLog> todo = new ArrayList<>(scan.unfinished());
            for (TxLog l : scan.awaitingConfirm()) {
                if (Pending.deadline(l).orElse(0L) < System.currentTimeMillis() - 5000) todo.add(l);
            }
            if (todo.isEmpty()) return skipping(skipped, new AdminResult.Nothing("nothing to recover"));
            List<AdminResult.Reverted.Entry> done = new ArrayList<>();
            for (TxLog l : todo) {
                Journal j = Journal.find(node().root(), l.txid()).orElseThrow();
                List<String> why = List.of("recovering " + l.txid() + " (" + command(l) + ")");
                Outcome o = sameNode(l) ? Reverter.revert(j, node(), why, TxState.ROLLED_BACK)
                    : Watchdog.withNode(l, n -> Reverter.revert(j, n, why, TxState.ROLLED_BACK));
                done.add(new AdminResult.Reverted.Entry(o, o.exitCode() == 1 ? 0 : o.exitCode()));
            }
            return skipping(skipped, new AdminResult.Reverted(done));
        } catch (HostLock.LockedException e) {
            return skipping(skipped, new AdminResult.Refused(e.getMessage()));
        } catch (Journal.DamagedException e) {
            return skipping(skipped, new AdminResult.Refused("cannot recover: " + e.getMessage()));
        }
    }

    private static AdminResult skipping(List<String> damaged, AdminResult result) {
        return damaged.isEmpty() ? result : new AdminResult.Skipping(damaged, result);
    }

    private boolean sameNode(TxLog l) {
        return l.header() != null && java.util.Objects.equals(l.header().netns(), node.address().netns());
    }

    /** Reverts a committed transaction (the newest when txid is null) if its objects still match its post-state. */
    public AdminResult undo(String txid) {
        TxLog log = undoTarget(txid);
        if (log.state() != TxState.COMMITTED) {
            return new AdminResult.Refused("cannot undo " + log.txid() + ": it is " + log.state().word() + ", not committed");
        }
        if (log.before().isEmpty() || log.after().isEmpty() || node().probe() == null) {
            return new AdminResult.Refused("cannot undo " + log.txid() + ": its journal has no snapshots to check against");
        }
        Journal journal = Journal.find(node().root(), log.txid()).orElseThrow();
        try (HostLock lock = HostLock.acquire(node(), "undo " + log.txid(), lockWait(), progress)) {
            Set<String> scope = new TreeSet<>(log.plan().links());
            scope.addAll(StateDiff.touchedLinks(log.before().get(), log.after().get()));
            List<String> drift = StateDiff.between(log.after().get(), Reverter.observe(node(), log), scope);
            if (!drift.isEmpty()) {
                List<TxLog> later = laterOnSame(log, scope);
                List<String> lines = new ArrayList<>(drift.stream().map(d -> "  " + d).toList());
                if (!later.isEmpty()) {
                    lines.add("later transactions changed the same objects; undo them first, newest first:");
                    later.forEach(l -> lines.add("  undo " + l.txid() + "   (" + command(l) + ")"));
                }
                return new AdminResult.Refused("refusing to undo " + log.txid() + ": the host changed since it was applied"
                    + (later.isEmpty() ? "" : " (by " + String.join(", ", later.stream().map(TxLog::txid).toList()) + ")")
                    + ":", lines);
            }
            Outcome o = Reverter.revert(journal, node(), List.of("undo of " + log.txid() + " (" + command(log) + ")"),
                TxState.UNDONE, scope);
            return new AdminResult.Reverted(List.of(new AdminResult.Reverted.Entry(o, o.exitCode() == 1 ? 0 : o.exitCode())));
        } catch (HostLock.LockedException e) {
            return new AdminResult.Refused(e.getMessage());
        }
    }

    /** id, time, user, SSH client, command, result of every transaction, oldest first. */
    public AdminResult history() {
        List<TxSummary> rows = new ArrayList<>();
        List<Journal> journals;
        try {
            journals = Journal.all(node().root());
        } catch (Journal.DamagedException e) {
            return new AdminResult.Refused(e.getMessage());
        }
        for (Journal j : journals) {
            TxLog l;
            try {
                l = j.log();
            } catch (Journal.DamagedException e) {
                rows.add(TxSummary.damaged(j.txid()));
                continue;
            }
            if (l.header() == null) continue; // a crash before the header: not a transaction
            JournalRecord.Header h = l.header();
            rows.add(new TxSummary(rows.size() + 1, l.txid(), h.time(), h.user(), h.sshClient(), command(l),
                l.state().word()));
        }
        return new AdminResult.History(rows);
    }

    /** Shown at start: unfinished journals and transactions awaiting confirm. */
    public Optional<String> notice() {
        List<String> lines = new ArrayList<>();
        Pending.Scan scan;
        try {
            scan = Pending.Scan.of(node().root());
        } catch (Journal.DamagedException e) {
            return Optional.of(e.getMessage());
        }
        for (TxLog l : scan.unfinished()) {
            lines.add("unfinished transaction " + l.txid() + " (" + command(l) + "): run 'recover' to roll it back");
        }
        scan.damaged().forEach(d -> lines.add(d + "; 'recover' skips it"));
        for (TxLog l : scan.awaitingConfirm()) {
            long left = (Pending.deadline(l).orElse(0L) - System.currentTimeMillis()) / 1000;
            lines.add("transaction " + l.txid() + " (" + command(l) + ") awaits 'confirm " + l.txid() + "' ("
                + Math.max(0, left) + " s left)");
        }
        return lines.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", lines));
    }

    private static String command(TxLog l) {
        return l.header() == null ? "?" : l.header().command();
    }
}
