package dev.vzbridge.shell;

import dev.vzbridge.api.command.Report;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.engine.AdminResult;
import dev.vzbridge.engine.Outcome;
import dev.vzbridge.engine.PlanPrinter;
import dev.vzbridge.engine.Submission;
import dev.vzbridge.engine.TxSummary;
import dev.vzbridge.engine.journal.TxState;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The one place the shell's results are written: as text, or under --json as one
 * {@link Envelope} per result on stdout. Failures go to stderr as text (and, under
 * --json, also as an envelope with {@code error} on stdout).
 */
public final class Printer {
    private final PrintWriter out;
    private final PrintWriter err;
    private final BooleanSupplier json;
    private final boolean colour;

    public Printer(PrintWriter out, PrintWriter err, boolean json, boolean colour) {
        this(out, err, () -> json, colour);
    }

    /** @param json whether results are JSON, asked at each result (the shell's --json) */
    public Printer(PrintWriter out, PrintWriter err, BooleanSupplier json, boolean colour) {
        this.out = out;
        this.err = err;
        this.json = json;
        this.colour = colour;
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    public boolean json() {
        return json.getAsBoolean();
    }

    public boolean colour() {
        return colour;
    }

    /** Long report text through $PAGER: set by the console (elsewhere text is printed as it is). */
    private java.util.function.Predicate<String> pager = text -> false;

    public void setPager(java.util.function.Predicate<String> pager) {
        this.pager = pager;
    }

    /** A command's report: its text (through the pager when it takes it), or its data under --json. */
    public void report(Report report) {
        if (json()) {
            Envelope.of(report.exitCode(), false).result(report.data()).print(out);
        } else if (report.text() != null && !report.text().isEmpty()) {
            out.flush();
            if (pager.test(report.text())) return;
            out.print(report.text().endsWith("\n") ? report.text() : report.text() + "\n");
        }
        out.flush();
    }

    /** A failed command: one line on stderr, and under --json also the envelope with {@code error} and {@code exit}. */
    public void error(String message, int exitCode) {
        err.println(Colours.error("vzbridge: " + message, colour));
        err.flush();
        if (json()) Envelope.of(exitCode, false).error(message).print(out);
    }

    /** A plan, not run: its text, or the envelope with the plan. */
    public void plan(Plan plan) {
        if (json()) Envelope.of(0, false).transaction(null, "planned").plan(PlanPrinter.tree(plan)).print(out);
        else out.print(PlanPrinter.text(plan));
        out.flush();
    }

    /** What became of a submitted plan. @return its exit code */
    public int submission(Submission s) {
        if (s instanceof Submission.Shown shown) plan(shown.plan());
        else if (s instanceof Submission.Queued q) queued(q);
        else if (s instanceof Submission.NothingToDo n) say("nothing to do: " + n.what());
        else if (s instanceof Submission.Applied a) outcome(a.outcome(), a.plan());
        else throw new IllegalStateException("no rendering for " + s);
        return s.exitCode();
    }

    private void queued(Submission.Queued q) {
        if (q.quiet()) return;
        String line = q.plan().isEmpty() ? "nothing to do: " + q.commandLine()
            : "added to transaction (" + q.pendingChanges() + " change" + (q.pendingChanges() == 1 ? "" : "s")
              + " pending; 'commit' applies)";
        if (json()) Envelope.of(0, false).transaction(null, "planned").summary(line, null)
            .plan(PlanPrinter.tree(q.plan())).print(out);
        else say(line);
    }

    private void outcome(Outcome o, Plan plan) {
        if (json()) {
            boolean changed = o.exitCode() == 0
                && (o.state() == TxState.COMMITTED || o.state() == TxState.PENDING_CONFIRM);
            Envelope.of(o.exitCode(), changed).transaction(o.txid(), o.state() == null ? null : o.state().word())
                .summary(o.summary(), o.details()).plan(plan == null ? null : PlanPrinter.tree(plan)).print(out);
            return;
        }
        if (o.exitCode() == 0) {
            out.println(o.summary());
            o.details().forEach(out::println);
            out.flush();
        } else {
            o.details().forEach(err::println);
            err.println(o.summary());
            err.flush();
        }
    }

    /** What confirm, recover, undo or history did. @return its exit code */
    public int admin(AdminResult r) {
        if (r instanceof AdminResult.Skipping s) {
            s.damaged().forEach(d -> err.println("skipped: " + d + "; inspect it and move it aside"));
            err.flush();
            return admin(s.result());
        }
        if (r instanceof AdminResult.History h) {
            history(h.transactions());
        } else if (r instanceof AdminResult.Status st) {
            status(st.txid(), st.state(), st.exitCode(), st.line());
        } else if (r instanceof AdminResult.Nothing n) {
            say(n.line());
        } else if (r instanceof AdminResult.Refused refused) {
            err.println(refused.message());
            refused.details().forEach(err::println);
            err.flush();
            if (json()) Envelope.of(1, false).error(refused.message()).summary(null, refused.details()).print(out);
        } else if (r instanceof AdminResult.Reverted reverted) {
            reverted.entries().forEach(e -> reverted(e.outcome(), e.exitCode()));
        } else {
            throw new IllegalStateException("no rendering for " + r);
        }
        out.flush();
        err.flush();
        return r.exitCode();
    }

    private void status(String txid, TxState state, int code, String line) {
        if (json()) {
            Envelope.of(code, false).transaction(txid, state.word()).summary(line, null).print(out);
        } else {
            (code == 0 ? out : err).println(line);
        }
    }

    private void reverted(Outcome o, int code) {
        if (json()) {
            // a rollback or undo ran: the host was changed back
            Envelope.of(code, o.txid() != null).transaction(o.txid(), o.state() == null ? null : o.state().word())
                .summary(o.summary(), o.details()).print(out);
            return;
        }
        PrintWriter w = code == 0 ? out : err;
        o.details().forEach(w::println);
        w.println(o.txid() + ": " + o.summary());
    }

    /** The transactions of 'history', oldest first. */
    private void history(List<TxSummary> rows) {
        if (json()) {
            List<Map<String, Object>> data = new ArrayList<>();
            for (TxSummary t : rows) {
                Map<String, Object> m = new LinkedHashMap<>();
                if (t.isDamaged()) {
                    m.put("txid", t.txid());
                    m.put("result", t.result());
                    data.add(m);
                    continue;
                }
                m.put("number", t.number());
                m.put("txid", t.txid());
                m.put("time", t.time());
                m.put("user", t.user());
                m.put("ssh", t.ssh());
                m.put("command", t.command());
                m.put("result", t.result());
                data.add(m);
            }
            Envelope.of(0, false).result(Map.of("transactions", data)).print(out);
        } else if (rows.isEmpty()) {
            out.println("no transactions");
        } else {
            out.printf("%4s  %-26s %-20s %-10s %-15s %-15s %s%n", "#", "TXID", "TIME", "USER", "SSH", "RESULT", "COMMAND");
            for (TxSummary t : rows) {
                String time = t.time() == null ? "-" : t.time();
                out.printf("%4s  %-26s %-20s %-10s %-15s %-15s %s%n", t.number(), t.txid(),
                    time.length() > 19 ? time.substring(0, 19) : time, or(t.user()), or(t.ssh()), t.result(), or(t.command()));
            }
        }
        out.flush();
    }

    /** One line of news: the line, or the envelope with it as the summary. */
    private void say(String line) {
        if (json()) Envelope.of(0, false).summary(line, null).print(out);
        else out.println(line);
        out.flush();
    }

    private static String or(Object o) {
        return o == null ? "-" : o.toString();
    }
}
