package dev.vzbridge.api.recipes;

import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.plan.Change;
import dev.vzbridge.api.plan.Step;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Applies a recipe on a simulated node, failing at every step in turn, and proves each rollback exact. */
public final class Faults {
    private Faults() {
    }

    public static List<Step> steps(Recipe r) {
        List<Step> out = new ArrayList<>();
        for (Change c : r.changes()) out.addAll(c.steps());
        return out;
    }

    /** Applies the whole recipe; throws when the simulated kernel refuses a step. */
    public static void apply(SimHost sim, Recipe r) {
        for (Step s : steps(r)) sim.run(s.apply());
    }

    /** For k = 0..n: apply k steps, fail the next, undo newest first; the state must be the start state. */
    public static int failAtEveryStep(Supplier<SimHost> fresh, java.util.function.Function<HostState, Recipe> planner) {
        HostState start = fresh.get().state();
        Recipe r = planner.apply(start);
        List<Step> steps = steps(r);
        for (int k = 0; k <= steps.size(); k++) {
            SimHost sim = fresh.get();
            for (int i = 0; i < k; i++) sim.run(steps.get(i).apply());
            for (int i = k - 1; i >= 0; i--) sim.run(steps.get(i).undo());
            assertEquals(start, sim.state(), "rollback after " + k + " of " + steps.size() + " steps");
        }
        return steps.size();
    }
}
