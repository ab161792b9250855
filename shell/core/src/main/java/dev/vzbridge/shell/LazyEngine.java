package dev.vzbridge.shell;

import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.engine.PlanExecutor;

import java.util.Optional;
import java.util.function.Supplier;

/** Creates the engine when a command first needs it; queries never pay for (or fail on) it. */
public final class LazyEngine implements PlanExecutor {
    private final Supplier<PlanExecutor> factory;
    private PlanExecutor engine;
    private RuntimeException failure;
    private boolean console;

    public LazyEngine(Supplier<PlanExecutor> factory) {
        this.factory = factory;
    }

    private synchronized PlanExecutor get() {
        if (engine == null && failure == null) {
            try {
                engine = factory.get();
                engine.setConsole(console);
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        if (failure != null) throw failure;
        return engine;
    }

    private synchronized boolean created() {
        return engine != null;
    }

    public int submit(Plan plan, String commandLine) {
        return get().submit(plan, commandLine);
    }

    public void begin(String label) {
        get().begin(label);
    }

    @Override
    public void beginQuietly(String label) {
        get().beginQuietly(label);
    }

    public boolean inTransaction() {
        return created() && engine.inTransaction();
    }

    public int commit() {
        return get().commit();
    }

    public void abort() {
        if (created()) engine.abort();
    }

    public Optional<String> startupNotice() {
        return get().startupNotice();
    }

    public String promptMark() {
        return created() ? engine.promptMark() : "";
    }

    @Override
    public synchronized void setConsole(boolean console) {
        this.console = console;
        if (engine != null) engine.setConsole(console);
    }

    @Override
    public Optional<String> takeNotice() {
        return created() ? engine.takeNotice() : Optional.empty();
    }

    @Override
    public PlanExecutor unwrap() {
        return get().unwrap();
    }
}
