package dev.vzbridge.engine;

import dev.vzbridge.api.command.UsageException;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.engine.journal.Journal;
import dev.vzbridge.engine.journal.JournalJson;
import dev.vzbridge.engine.journal.Pending;
import dev.vzbridge.engine.journal.TxLog;
import dev.vzbridge.engine.journal.TxState;
import dev.vzbridge.host.HostAccess;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The transaction engine: every plan goes through here. Shows it (--dry-run),
 * adds it to an open group (begin … commit), or applies it under the host lock
 * with journal, verification, timed confirm and proven rollback.
 *
 * <p>It returns what happened ({@link Submission}, {@link AdminResult}); the shell renders it.
 * The one writer it keeps is for progress while work runs (waiting for the lock, the SSH
 * warning, verification).
 *
 * <p>Exit codes of {@link #submit} and {@link #commit}: 0 applied (committed, or
 * pending confirm) or nothing to do; 1 failed and rolled back with the host proven
 * equal to its snapshot, or not started (host locked, a transaction awaits confirm
 * or recovery); 3 rolled back but the host differs from its snapshot (in the details).
 */
public final class Engine {
    static final int DEFAULT_SSH_CONFIRM = 120;

    private final EngineSettings settings;
    private final Node node;
    private final Watchdog.Launcher watchdog;
    private final Guardian.Launcher guardian;
    private final PrintWriter progress;
    private final TxAdmin admin;
    private List<Plan> group;
    private boolean journalWarm;
    /** Of the open group: a check's description → the batch line ("FILE:LINE") that asked for it. */
    private final Map<String, String> groupOrigins = new java.util.LinkedHashMap<>();
    private String groupLabel;
    private String pendingTxid;
    private boolean quietGroup;
    private String confirmHow = "run 'vzbridge confirm'";

    /**
     * The engine of an opened host, with detached watchdogs and guardian.
     *
     * @param progress where lines about work in progress go (waiting for the lock, the SSH warning)
     */
    public Engine(EngineSettings settings, HostAccess host, PrintWriter progress) {
        this(settings, Node.of(host), Watchdog.DETACHED, Guardian.DETACHED, progress);
    }

    /** For tests and tools: a node built by hand and a chosen watchdog launcher; no guardian. */
    public Engine(EngineSettings settings, Node node, Watchdog.Launcher watchdog, PrintWriter progress) {
        this(settings, node, watchdog, Guardian.NONE, progress);
    }

    /** For tests and tools: a node built by hand, chosen watchdog and guardian launchers. */
    public Engine(EngineSettings settings, Node node, Watchdog.Launcher watchdog, Guardian.Launcher guardian,
                  PrintWriter progress) {
        this.settings = settings;
        this.node = node;
        this.watchdog = watchdog;
        this.guardian = guardian;
        this.progress = progress;
        this.admin = new TxAdmin(node, settings, progress);
    }

    public TxAdmin admin() {
        return admin;
    }

    public Node node() {
        return node;
    }

    /** Shows the plan (--dry-run), adds it to the open transaction, or applies it. */
    public Submission submit(Plan plan, String commandLine) {
        return submit(plan, commandLine, Long.MAX_VALUE, null);
    }

    /**
     * Like {@link #submit(Plan, String, long, Supplier)}, for the command at {@code where}
     * (a batch's "FILE:LINE", or null): in a transaction, a check of the plan that fails
     * after the commit names it.
     */
    public Submission submit(Plan plan, String commandLine, long plannedAt, Supplier<Plan> replan, String where) {
        if (group != null && where != null) plan.checks().forEach(c -> groupOrigins.putIfAbsent(c.describe(), where));
        return submit(plan, commandLine, plannedAt, replan);
    }

    /**
     * Like {@link #submit(Plan, String)}, for a plan made at {@code plannedAt} (epoch
     * millis, taken before observing): if another transaction held the host lock since
     * then, the plan is made again under the lock by {@code replan}, and a command that
     * no longer makes sense is refused (exit 2).
     */
    public Submission submit(Plan plan, String commandLine, long plannedAt, Supplier<Plan> replan) {
        if (settings.dryRun()) return new Submission.Shown(plan);
        if (group != null) {
            warmUpJournal(plan);
            group.add(plan);
            int changes = group.stream().mapToInt(p -> p.changes().size()).sum();
            return new Submission.Queued(plan, commandLine, changes, quietGroup);
        }
        return run(plan, commandLine, new Transaction.Replan(plannedAt, replan), Map.of());
    }

    /**
     * Builds the journal's serializers on a thread of their own while the transaction's
     * other commands are planned and its addresses probed (once per engine).
     */
    private void warmUpJournal(Plan plan) {
        if (journalWarm || plan.isEmpty()) return;
        journalWarm = true;
        Thread t = new Thread(() -> JournalJson.warmUp(plan), "journal-warm-up");
        t.setDaemon(true);
        t.start();
    }

    private Submission run(Plan plan, String commandLine, Transaction.Replan replan, Map<String, String> checkOrigins) {
        if (plan.isEmpty()) return new Submission.NothingToDo(commandLine);
        int confirm = settings.confirmSeconds();
        Origin origin = Origin.current();
        if (confirm == 0 && origin.sshConnection() != null && node.probe() != null) {
            Optional<String> link = SshGuard.touched(plan, node.probe().observe(List.of()), origin.sshConnection());
            if (link.isPresent()) {
                confirm = DEFAULT_SSH_CONFIRM;
                progress.println("this change touches " + link.get() + ", which carries your SSH session from "
                    + origin.sshClient() + ": it is rolled back in " + confirm + " s unless you " + confirmHow);
                progress.flush();
            }
        }
        Transaction.Settings tx = new Transaction.Settings(settings.lockWait(), settings.verify(), confirm,
            System.console() != null, origin, watchdog, guardian, confirmHow, checkOrigins);
        Outcome o = new Transaction(node, tx, progress).apply(plan, commandLine, replan);
        if (o.state() == TxState.PENDING_CONFIRM) pendingTxid = o.txid();
        return new Submission.Applied(o, plan);
    }

    public void begin(String label) {
        begin(label, false);
    }

    /** A batch's transaction: the same, without a line for each plan added. */
    public void beginQuietly(String label) {
        begin(label, true);
    }

    /** @param quiet no "added to transaction" line per command (a batch file is one transaction anyway) */
    private void begin(String label, boolean quiet) {
        if (group != null) throw new UsageException("a transaction is already open ('commit' or 'abort' it first)");
        quietGroup = quiet;
        group = new ArrayList<>();
        groupOrigins.clear();
        groupLabel = label == null || label.isBlank() ? "transaction" : label;
    }

    public boolean inTransaction() {
        return group != null;
    }

    public Submission commit() {
        if (group == null) throw new UsageException("no open transaction ('begin' opens one)");
        List<Plan> plans = group;
        String label = groupLabel;
        Map<String, String> origins = Map.copyOf(groupOrigins);
        group = null;
        groupLabel = null;
        groupOrigins.clear();
        Optional<Plan> combined = plans.stream().reduce(Plan::then);
        if (combined.isEmpty()) return new Submission.NothingToDo("empty transaction");
        Plan plan = combined.get();
        return run(plan, "begin " + label + ": " + plan.command(), Transaction.Replan.NONE, origins);
    }

    public void abort() {
        group = null;
        groupLabel = null;
    }

    /** The plans gathered since 'begin', as one plan (empty when none). */
    public Optional<Plan> pendingPlan() {
        if (group == null) return Optional.empty();
        return group.stream().reduce(Plan::then);
    }

    /** Shown when the shell starts: unfinished journals and transactions awaiting confirm. */
    public Optional<String> startupNotice() {
        return admin.notice();
    }

    /**
     * How the admin keeps a change, as the shell words it for where the admin types
     * (e.g. "type 'confirm'" at the prompt); part of the confirm deadline's lines.
     */
    public void setConfirmHow(String how) {
        this.confirmHow = how;
    }

    /** Short text for the prompt, e.g. "tx" or "confirm 97s", or empty. */
    public synchronized String promptMark() {
        if (pendingTxid != null) {
            Optional<TxLog> log = Journal.find(node.root(), pendingTxid).map(Journal::log);
            if (log.isPresent() && log.get().state() == TxState.PENDING_CONFIRM) {
                long left = Math.max(0, (Pending.deadline(log.get()).orElse(0L) - System.currentTimeMillis() + 999) / 1000);
                return "confirm " + left + "s";
            }
            if (log.isPresent() && log.get().state() == TxState.ROLLING_BACK) return "rolling back";
        }
        if (group == null) return "";
        int changes = group.stream().mapToInt(p -> p.changes().size()).sum();
        return changes == 0 ? "tx" : "tx, " + changes + " pending";
    }

    /**
     * Once the change this shell left awaiting confirm is settled: when its deadline rolled it
     * back, what happened and how its links look now; empty while it still waits, or once confirmed.
     */
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
