package dev.vzbridge.engine;

import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.host.HostAccess;
import dev.vzbridge.shell.GlobalOptions;

import java.io.PrintWriter;

/** The transaction engine: journal, apply, verify, rollback, confirm. */
public final class Engine implements PlanExecutor {
    private final GlobalOptions options;
    private final HostAccess host;
    private final PrintWriter out;
    private final PrintWriter err;

    public Engine(GlobalOptions options, HostAccess host, PrintWriter out, PrintWriter err) {
        this.options = options;
        this.host = host;
        this.out = out;
        this.err = err;
    }

    @Override
    public int submit(Plan plan, String commandLine) {
        throw new UnsupportedOperationException("engine under construction");
    }

    @Override
    public void begin(String label) {
        throw new UnsupportedOperationException("engine under construction");
    }

    @Override
    public boolean inTransaction() {
        return false;
    }

    @Override
    public int commit() {
        throw new UnsupportedOperationException("engine under construction");
    }

    @Override
    public void abort() {
    }

    @Override
    public String promptMark() {
        return "";
    }
}
