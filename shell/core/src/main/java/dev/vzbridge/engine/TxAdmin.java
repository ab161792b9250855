package dev.vzbridge.engine;

import dev.vzbridge.api.command.UsageException;
import dev.vzbridge.shell.Envelope;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** confirm, recover, history and undo: the engine's commands on journals. */
public final class TxAdmin {
    private final Node node;
    private final EngineSettings settings;
    private final PrintWriter out;
    private final PrintWriter err;

    TxAdmin(Node node, EngineSettings settings, PrintWriter out, PrintWriter err) {
        this.node = node;
        this.settings = settings;
        this.out = out;
        this.err = err;
    }

    private Node node() {
        return node;
    }

    private Duration lockWait() {
        return settings.lockWait();
    }

    /** Keeps a pending transaction (the only pending one when txid is null). */
    public int confirm(String txid) {
        List<TxLog> waiting = Pending.awaitingConfirm(node().root());
        if (txid == null && waiting.isEmpty()) {
            // the deadline passed: say so, rather than "no transaction awaits confirm"
            List<Journal> all = Journal.all(node().root());
            Optional<String> late = all.isEmpty() ? Optional.empty() : ConfirmExpiry.message(all.get(all.size() - 1).log());
            if (late.isPresent()) return fail(late.get(), List.of());
        }
        TxLog log = pick(txid, waiting, "awaits confirm");
        Journal journal = Journal.find(node().root(), log.txid()).orElseThrow();
        try (HostLock lock = HostLock.acquire(node(), "confirm " + log.txid(), lockWait(), err)) {
            TxLog now = journal.log();
            if (now.state() == TxState.PENDING_CONFIRM) {
                journal.append(Reverter.state(TxState.COMMITTED, "confirmed", null));
                Reverter.audit(node(), now, "confirmed");
                return result(now.txid(), TxState.COMMITTED, 0, false, "confirmed: transaction " + now.txid() + " is kept");
            }
            Optional<String> late = ConfirmExpiry.message(now);
            if (late.isPresent()) return fail(late.get(), List.of());
            return result(now.txid(), now.state(), now.state() == TxState.COMMITTED ? 0 : 1, false,
                "too late: transaction " + now.txid() + " is " + now.state().word());
        } catch (HostLock.LockedException e) {
            return fail(e.getMessage(), List.of());
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
    public int recover() {
        try (HostLock lock = HostLock.acquire(node(), "recover", lockWait(), err)) {
            Pending.Scan scan = Pending.Scan.of(node().root());
            scan.damaged().forEach(d -> err.println("skipped: " + d + "; inspect it and move it aside"));
            err.flush();
            List<TxLog> todo = new ArrayList<>(scan.unfinished());
            for (TxLog l : scan.awaitingConfirm()) {
                if (Pending.deadline(l).orElse(0L) < System.currentTimeMillis() - 5000) todo.add(l);
            }
            if (todo.isEmpty()) {
                say("nothing to recover");
                return 0;
            }
            int worst = 0;
            for (TxLog l : todo) {
                Journal j = Journal.find(node().root(), l.txid()).orElseThrow();
                List<String> why = List.of("recovering " + l.txid() + " (" + command(l) + ")");
                Outcome o = sameNode(l) ? Reverter.revert(j, node(), why, TxState.ROLLED_BACK)
                    : Watchdog.withNode(l, n -> Reverter.revert(j, n, why, TxState.ROLLED_BACK));
                int code = o.exitCode() == 1 ? 0 : o.exitCode();
                print(o, code);
                worst = Math.max(worst, code);
            }
            SignalDeferral.honour();
            return worst;
        } catch (HostLock.LockedException e) {
            return fail(e.getMessage(), List.of());
        } catch (Journal.DamagedException e) {
            return fail("cannot recover: " + e.getMessage(), List.of());
        }
    }

    private boolean sameNode(TxLog l) {
        return l.header() != null && java.util.Objects.equals(l.header().netns(), node.address().netns());
    }

    /** Reverts a committed transaction (the newest when txid is null) if its objects still match its post-state. */
    public int undo(String txid) {
        TxLog log = undoTarget(txid);
        if (log.state() != TxState.COMMITTED) {
            return fail("cannot undo " + log.txid() + ": it is " + log.state().word() + ", not committed", List.of());
        }
        if (log.before().isEmpty() || log.after().isEmpty() || node().probe() == null) {
            return fail("cannot undo " + log.txid() + ": its journal has no snapshots to check against", List.of());
        }
        Journal journal = Journal.find(node().root(), log.txid()).orElseThrow();
        try (HostLock lock = HostLock.acquire(node(), "undo " + log.txid(), lockWait(), err)) {
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
                return fail("refusing to undo " + log.txid() + ": the host changed since it was applied"
                    + (later.isEmpty() ? "" : " (by " + String.join(", ", later.stream().map(TxLog::txid).toList()) + ")")
                    + ":", lines);
            }
            Outcome o = Reverter.revert(journal, node(), List.of("undo of " + log.txid() + " (" + command(log) + ")"),
                TxState.UNDONE, scope);
            int code = o.exitCode() == 1 ? 0 : o.exitCode();
            print(o, code);
            SignalDeferral.honour();
            return code;
        } catch (HostLock.LockedException e) {
            return fail(e.getMessage(), List.of());
        }
    }

    /** id, time, user, SSH client, command, result of every transaction, oldest first. */
    public int history() {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Journal> journals;
        try {
            journals = Journal.all(node().root());
        } catch (Journal.DamagedException e) {
            return fail(e.getMessage(), List.of());
        }
        for (Journal j : journals) {
            TxLog l;
            try {
                l = j.log();
            } catch (Journal.DamagedException e) {
                rows.add(new LinkedHashMap<>(Map.of("txid", j.txid(), "result", "damaged")));
                continue;
            }
            if (l.header() == null) continue; // a crash before the header: not a transaction
            JournalRecord.Header h = l.header();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("number", rows.size() + 1);
            m.put("txid", l.txid());
            m.put("time", h == null ? null : h.time());
            m.put("user", h == null ? null : h.user());
            m.put("ssh", h == null ? null : h.sshClient());
            m.put("command", command(l));
            m.put("result", l.state().word());
            rows.add(m);
        }
        if (settings.json()) {
            Envelope.of(0, false).result(Map.of("transactions", rows)).print(out);
        } else if (rows.isEmpty()) {
            out.println("no transactions");
        } else {
            out.printf("%4s  %-26s %-20s %-10s %-15s %-15s %s%n", "#", "TXID", "TIME", "USER", "SSH", "RESULT", "COMMAND");
            for (Map<String, Object> m : rows) {
                String time = m.get("time") == null ? "-" : m.get("time").toString();
                out.printf("%4s  %-26s %-20s %-10s %-15s %-15s %s%n", m.get("number"), m.get("txid"),
                    time.length() > 19 ? time.substring(0, 19) : time, or(m.get("user")), or(m.get("ssh")),
                    m.get("result"), or(m.get("command")));
            }
        }
        out.flush();
        return 0;
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

    private static String or(Object o) {
        return o == null ? "-" : o.toString();
    }

    private int result(String txid, TxState state, int code, boolean changed, String line) {
        if (settings.json()) {
            Envelope.of(code, changed).transaction(txid, state.word()).summary(line, null).print(out);
        } else {
            (code == 0 ? out : err).println(line);
        }
        out.flush();
        err.flush();
        return code;
    }

    /** A refusal: its lines on stderr, and the envelope under --json. @return 1 */
    private int fail(String message, List<String> details) {
        err.println(message);
        details.forEach(err::println);
        err.flush();
        if (settings.json()) Envelope.of(1, false).error(message).summary(null, details).print(out);
        return 1;
    }

    private void print(Outcome o, int code) {
        PrintWriter w = code == 0 ? out : err;
        if (settings.json()) {
            // a rollback or undo ran: the host was changed back
            Envelope.of(code, o.txid() != null)
                .transaction(o.txid(), o.state() == null ? null : o.state().word())
                .summary(o.summary(), o.details()).print(out);
            return;
        }
        o.details().forEach(w::println);
        w.println(o.txid() + ": " + o.summary());
        w.flush();
    }

    private void say(String line) {
        if (settings.json()) Envelope.of(0, false).summary(line, null).print(out);
        else out.println(line);
        out.flush();
    }
}
