package dev.vzbridge.testkit;

import dev.vzbridge.api.plan.Action;
import dev.vzbridge.api.plan.Exec;
import dev.vzbridge.api.plan.Step;
import dev.vzbridge.exec.CommandRunner;
import dev.vzbridge.exec.ExecResult;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs steps' Exec actions directly through a runner, for lab tests of the host
 * layer that do not need the engine (journal, verify, rollback).
 */
public final class LabActions {
    private LabActions() {
    }

    public static void apply(CommandRunner runner, List<Step> steps) {
        for (Step s : steps) run(runner, s.apply());
    }

    /** Each step's undo, newest step first. */
    public static void undo(CommandRunner runner, List<Step> steps) {
        List<Step> reversed = new ArrayList<>(steps);
        java.util.Collections.reverse(reversed);
        for (Step s : reversed) s.undo().forEach(a -> run(runner, a));
    }

    public static void run(CommandRunner runner, Action a) {
        if (!(a instanceof Exec e)) throw new IllegalArgumentException("only Exec actions run here: " + a.render());
        ExecResult r = runner.run(e.argv(), e.stdin(), CommandRunner.DEFAULT_TIMEOUT);
        if (!r.ok()) throw new AssertionError(a.render() + " failed: " + r.problem());
    }
}
