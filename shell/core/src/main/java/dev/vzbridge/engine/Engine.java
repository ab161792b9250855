package dev.vzbridge.engine;

import dev.vzbridge.api.command.UsageException;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.host.HostAccess;
import dev.vzbridge.shell.Envelope;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The transaction engine: every plan goes through here. Shows it (--dry-run),
 * adds it to an open group (begin … commit), or applies it under the host lock
 * with journal, verification, timed confirm and proven rollback.
 *
 * <p>Exit codes of {@link #submit} and {@link #commit}: 0 applied (committed, or
 * pending confirm) or nothing to do; 1 failed and rolled back with the host proven
 * equal to its snapshot, or not started (host locked, a transaction awaits confirm
 * or recovery); 3 rolled back but the host differs from its snapshot (printed).
 */
public final class Engine implements PlanExecutor {
    static final int DEFAULT_SSH_CONFIRM = 120;

    private final EngineSettings settings;
    private final Node node;
    private final Watchdog.Launcher watchdog;
    private final Guardian.Launcher guardian;
    private final PrintWriter out;
    private final PrintWriter err;
    private final TxAdmin admin;
    private List<Plan> group;
    private String groupLabel;
    private String pendingTxid;
    private boolean quietGroup;
    private boolean console;

    /** The engine of an opened host, with detached watchdogs and guardian. */
    public Engine(EngineSettings settings, HostAccess host, PrintWriter out, PrintWriter err) {
        this(settings, Node.of(host), Watchdog.DETACHED, Guardian.DETACHED, out, err);
    }

    /** For tests and tools: a node built by hand and a chosen watchdog launcher; no guardian. */
    public Engine(EngineSettings settings, Node node, Watchdog.Launcher watchdog, PrintWriter out, PrintWriter err) {
        this(settings, node, watchdog, Guardian.NONE, out, err);
    }

    /** For tests and tools: a node built by hand, chosen watchdog and guardian launchers. */
    public Engine(EngineSettings settings, Node node, Watchdog.Launcher watchdog, Guardian.Launcher guardian,
                  PrintWriter out, PrintWriter err) {
        this.settings = settings;
        this.node = node;
        this.watchdog = watchdog;
        this.guardian = guardian;
        this.out = out;
        this.err = err;
        this.admin = new TxAdmin(node, settings, out, err);
    }

    public TxAdmin admin() {
        return admin;
    }

    public Node node() {
        return node;
    }

    @Override
    public int submit(Plan plan, String commandLine) {
        return submit(plan, commandLine, Long.MAX_VALUE, null);
    }

    @Override
    public int submit(Plan plan, String commandLine, long plannedAt, java.util.function.Supplier<Plan> replan) {
        if (settings.dryRun()) {
            show(plan);
            return 0;
        }
        if (group != null) {
            group.add(plan);
            int changes = group.stream().mapToInt(p -> p.changes().size()).sum();
            String line = plan.isEmpty() ? "nothing to do: " + commandLine
                : "added to transaction (" + changes + " change" + (changes == 1 ? "" : "s") + " pending; 'commit' applies)";
            if (quietGroup) return 0;
            if (settings.json()) Envelope.of(0, false).transaction(null, "planned").summary(line, null)
                .plan(JournalJson.tree(plan)).print(out);
            else say(line);
            return 0;
        }
        return run(plan, commandLine, new Transaction.Replan(plannedAt, replan));
    }

    /** Prints a plan without running anything (also used by 'plan CMD'). */
    public void show(Plan plan) {
        if (settings.json()) Envelope.of(0, false).transaction(null, "planned").plan(JournalJson.tree(plan)).print(out);
        else out.print(PlanPrinter.text(plan));
        out.flush();
    }

    private int run(Plan plan, String commandLine) {
        return run(plan, commandLine, Transaction.Replan.NONE);
    }

    private int run(Plan plan, String commandLine, Transaction.Replan replan) {
        if (plan.isEmpty()) {
            say("nothing to do: " + commandLine);
            return 0;
        }
        int confirm = settings.confirmSeconds();
        Origin origin = Origin.current();
        if (confirm == 0 && origin.sshConnection() != null && node.probe() != null) {
            Optional<String> link = SshGuard.touched(plan, node.probe().observe(List.of()), origin.sshConnection());
            if (link.isPresent()) {
                confirm = DEFAULT_SSH_CONFIRM;
                err.println("this change touches " + link.get() + ", which carries your SSH session from "
                    + origin.sshClient() + ": it is rolled back in " + confirm + " s unless you " + confirmHow());
                err.flush();
            }
        }
        Transaction.Settings tx = new Transaction.Settings(settings.lockWait(), settings.verify(), confirm,
            System.console() != null, origin, watchdog, guardian, confirmHow());
        Outcome o = new Transaction(node, tx, err).apply(plan, commandLine, replan);
        if (o.state() == TxState.PENDING_CONFIRM) pendingTxid = o.txid();
        report(o, plan);
        SignalDeferral.honour();
        return o.exitCode();
    }

    void report(Outcome o, Plan plan) {
        if (settings.json()) {
            boolean changed = o.exitCode() == 0
                && (o.state() == TxState.COMMITTED || o.state() == TxState.PENDING_CONFIRM);
            Envelope.of(o.exitCode(), changed).transaction(o.txid(), o.state() == null ? null : o.state().word())
                .summary(o.summary(), o.details()).plan(plan == null ? null : JournalJson.tree(plan)).print(out);
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

    private void say(String line) {
        if (settings.json()) Envelope.of(0, false).summary(line, null).print(out);
        else {
            out.println(line);
            out.flush();
        }
    }

    @Override
    public void begin(String label) {
        begin(label, false);
    }

    @Override
    public void beginQuietly(String label) {
        begin(label, true);
    }

    /** @param quiet no "added to transaction" line per command (a batch file is one transaction anyway) */
    private void begin(String label, boolean quiet) {
        if (group != null) throw new UsageException("a transaction is already open ('commit' or 'abort' it first)");
        quietGroup = quiet;
        group = new ArrayList<>();
        groupLabel = label == null || label.isBlank() ? "transaction" : label;
    }

    @Override
    public boolean inTransaction() {
        return group != null;
    }

    @Override
    public int commit() {
        if (group == null) throw new UsageException("no open transaction ('begin' opens one)");
        List<Plan> plans = group;
        String label = groupLabel;
        group = null;
        groupLabel = null;
        Optional<Plan> combined = plans.stream().reduce(Plan::then);
        if (combined.isEmpty()) {
            say("nothing to do: empty transaction");
            return 0;
        }
        Plan plan = combined.get();
        return run(plan, "begin " + label + ": " + plan.command());
    }

    @Override
    public void abort() {
        group = null;
        groupLabel = null;
    }

    /** The plans gathered since 'begin', as one plan (empty when none). */
    public Optional<Plan> pendingPlan() {
        if (group == null) return Optional.empty();
        return group.stream().reduce(Plan::then);
    }

    @Override
    public Optional<String> startupNotice() {
        return admin.notice();
    }

    @Override
    public void setConsole(boolean console) {
        this.console = console;
    }

    /** How the admin keeps a change: at the prompt, or from the command line. */
    private String confirmHow() {
        return console ? "type 'confirm'" : "run 'vzbridge confirm'";
    }

    @Override
    public synchronized String promptMark() {
        if (pendingTxid != null) {
            Optional<TxLog> log = Journal.find(node.root(), pendingTxid).map(Journal::log);
            if (log.isPresent() && log.get().state() == TxState.PENDING_CONFIRM) {
                long left = Math.max(0, (Pending.deadline(log.get()).orElse(0L) - System.currentTimeMillis() + 999) / 1000);
                return "confirm " + left + "s";
            }
            if (log.isPresent() && log.get().state() == TxState.ROLLING_BACK) return "rolling back";
        }
        return group == null ? "" : "tx";
    }

    /**
     * Once the change this shell left awaiting confirm is settled: when its deadline rolled it
     * back, what happened and how its links look now; empty while it still waits, or once confirmed.
     */
    @Override
    public synchronized Optional<String> takeNotice() {
        if (pendingTxid == null) return Optional.empty();
        Optional<TxLog> log = Journal.find(node.root(), pendingTxid).map(Journal::log);
        if (log.isPresent() && (log.get().state() == TxState.PENDING_CONFIRM || log.get().state() == TxState.ROLLING_BACK))
            return Optional.empty();
        pendingTxid = null;
        if (log.isEmpty() || !log.get().expiredUnconfirmed()) return Optional.empty();
        return Optional.of(ConfirmExpiry.notice(log.get(), node));
    }
}
