package dev.vzbridge.api.plan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One effect on the host, e.g. "move addresses from eth0 to br0", as steps whose
 * undo actions were computed from the observed state.
 */
public record Change(String summary, List<Step> steps) {
    public Change {
        steps = List.copyOf(steps);
    }

    public static Change of(String summary, Step... steps) {
        return new Change(summary, List.of(steps));
    }

    /** The actions that make this change, in order. */
    public List<Action> apply() {
        return steps.stream().map(Step::apply).toList();
    }

    /** The actions that undo the whole change: each step's undo, newest step first. */
    public List<Action> revert() {
        List<Action> out = new ArrayList<>();
        for (int i = steps.size() - 1; i >= 0; i--) out.addAll(steps.get(i).undo());
        return out;
    }

    public Set<String> links() {
        Set<String> out = new LinkedHashSet<>();
        steps.forEach(s -> out.addAll(s.links()));
        return out;
    }
}
