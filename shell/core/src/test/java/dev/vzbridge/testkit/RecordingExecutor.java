package dev.vzbridge.testkit;

import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.shell.PlanExecutor;

import java.util.ArrayList;
import java.util.List;

/** A PlanExecutor for shell tests: records plans and transaction calls, applies nothing. */
public class RecordingExecutor implements PlanExecutor {
    public final List<Plan> submitted = new ArrayList<>();
    public final List<String> events = new ArrayList<>();
    private boolean open;
    private int submitResult;

    /** The exit code submit() returns from now on. */
    public RecordingExecutor answering(int code) {
        this.submitResult = code;
        return this;
    }

    @Override
    public int submit(Plan plan, String commandLine) {
        submitted.add(plan);
        events.add("submit " + commandLine);
        return submitResult;
    }

    @Override
    public void begin(String label) {
        open = true;
        events.add("begin " + label);
    }

    @Override
    public boolean inTransaction() {
        return open;
    }

    @Override
    public int commit() {
        open = false;
        events.add("commit");
        return 0;
    }

    @Override
    public void abort() {
        open = false;
        events.add("abort");
    }

    @Override
    public String promptMark() {
        return open ? "tx" : "";
    }
}
