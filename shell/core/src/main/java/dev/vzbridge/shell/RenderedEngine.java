package dev.vzbridge.shell;

import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.engine.AdminResult;
import dev.vzbridge.engine.Engine;
import dev.vzbridge.engine.EngineSettings;
import dev.vzbridge.engine.Guardian;
import dev.vzbridge.engine.Node;
import dev.vzbridge.engine.SignalDeferral;
import dev.vzbridge.engine.Submission;
import dev.vzbridge.engine.TxAdmin;
import dev.vzbridge.engine.Watchdog;
import dev.vzbridge.host.HostAccess;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The transaction engine as the shell uses it: every value it returns goes through the
 * printer. A signal deferred during a transaction ends the process only once its
 * outcome is printed.
 */
public final class RenderedEngine implements PlanExecutor {
    private final Engine engine;
    private final Printer printer;

    public RenderedEngine(Engine engine, Printer printer) {
        this.engine = engine;
        this.printer = printer;
    }

    /** The engine of an opened host; progress lines go to the printer's stderr. */
    public static RenderedEngine of(EngineSettings settings, HostAccess host, Printer printer) {
        return new RenderedEngine(new Engine(settings, host, printer.err()), printer);
    }

    /** For tests and tools: text output on out, failures and progress on err; no guardian. */
    public static RenderedEngine of(EngineSettings settings, Node node, Watchdog.Launcher watchdog, PrintWriter out,
                                    PrintWriter err) {
        return of(settings, node, watchdog, Guardian.NONE, false, out, err);
    }

    /** For tests and tools: text output (or JSON) on out, failures and progress on err; no guardian. */
    public static RenderedEngine of(EngineSettings settings, Node node, Watchdog.Launcher watchdog, boolean json,
                                    PrintWriter out, PrintWriter err) {
        return of(settings, node, watchdog, Guardian.NONE, json, out, err);
    }

    /** For tests and tools: chosen watchdog and guardian launchers. */
    public static RenderedEngine of(EngineSettings settings, Node node, Watchdog.Launcher watchdog,
                                    Guardian.Launcher guardian, boolean json, PrintWriter out, PrintWriter err) {
        return new RenderedEngine(new Engine(settings, node, watchdog, guardian, err), new Printer(out, err, json, false));
    }

    public Engine engine() {
        return engine;
    }

    public Node node() {
        return engine.node();
    }

    @Override
    public int submit(Plan plan, String commandLine) {
        return settled(printer.submission(engine.submit(plan, commandLine)));
    }

    @Override
    public int submit(Plan plan, String commandLine, long plannedAt, Supplier<Plan> replan) {
        return settled(printer.submission(engine.submit(plan, commandLine, plannedAt, replan)));
    }

    @Override
    public int submit(Plan plan, String commandLine, long plannedAt, Supplier<Plan> replan, String where) {
        return settled(printer.submission(engine.submit(plan, commandLine, plannedAt, replan, where)));
    }

    @Override
    public void begin(String label) {
        engine.begin(label);
    }

    @Override
    public void beginQuietly(String label) {
        engine.beginQuietly(label);
    }

    @Override
    public boolean inTransaction() {
        return engine.inTransaction();
    }

    @Override
    public int commit() {
        return settled(printer.submission(engine.commit()));
    }

    @Override
    public void abort() {
        engine.abort();
    }

    @Override
    public Optional<String> startupNotice() {
        return engine.startupNotice();
    }

    /** At the prompt the admin types 'confirm'; elsewhere runs it. */
    @Override
    public void setConsole(boolean console) {
        engine.setConfirmHow(console ? "type 'confirm'" : "run 'vzbridge confirm'");
    }

    @Override
    public Optional<String> takeNotice() {
        return engine.takeNotice();
    }

    @Override
    public String promptMark() {
        return engine.promptMark();
    }

    /** The outcome is printed: now a signal deferred during the transaction may end the process. */
    private static int settled(int exitCode) {
        SignalDeferral.honour();
        return exitCode;
    }

    /** confirm, recover, undo and history, rendered; each returns its exit code. */
    public Admin admin() {
        return new Admin();
    }

    public final class Admin {
        public int confirm(String txid) {
            return render(engine.admin().confirm(txid));
        }

        public int recover() {
            return render(engine.admin().recover());
        }

        public int undo(String txid) {
            return render(engine.admin().undo(txid));
        }

        public int history() {
            return render(engine.admin().history());
        }

        /** What 'undo TXID' would revert: shown before asking. */
        public TxAdmin.UndoPreview undoPreview(String txid) {
            return engine.admin().undoPreview(txid);
        }

        /** Every transaction's ID, newest first, for completion. */
        public List<String> txids() {
            return engine.admin().txids();
        }

        private int render(AdminResult result) {
            return settled(printer.admin(result));
        }
    }
}
