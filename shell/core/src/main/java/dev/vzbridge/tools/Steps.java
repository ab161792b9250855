package dev.vzbridge.tools;

import dev.vzbridge.api.plan.Action;
import dev.vzbridge.api.plan.Exec;
import dev.vzbridge.api.plan.Step;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Small builders for command steps. */
final class Steps {
    private Steps() {
    }

    static List<String> argv(String... words) {
        return List.of(words);
    }

    /** One command and the commands that undo it, touching the given node links. */
    static Step of(List<String> apply, List<List<String>> undo, String... links) {
        List<Action> u = new ArrayList<>();
        for (List<String> a : undo) u.add(Exec.of(a));
        return new Step(Exec.of(apply), u, Set.of(links));
    }

    static Step of(List<String> apply, List<String> undo, String link) {
        return of(apply, List.of(undo), link);
    }

    static void requireName(String name) {
        if (name == null || name.isEmpty() || name.getBytes().length > 15 || name.contains("/") || name.matches(".*\\s.*"))
            throw new IllegalArgumentException("bad interface name '" + name + "'");
    }
}
