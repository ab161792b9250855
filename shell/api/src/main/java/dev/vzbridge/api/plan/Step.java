package dev.vzbridge.api.plan;

import java.util.List;
import java.util.Set;

/**
 * One action and what undoes exactly that action. Pairing them lets the engine
 * revert a change that failed halfway: it undoes the completed steps only.
 *
 * @param apply what to do
 * @param undo  what puts the host back after {@code apply} succeeded, in order
 * @param links node interfaces this step touches (used to spot the SSH session's link)
 */
public record Step(Action apply, List<Action> undo, Set<String> links) {
    public Step {
        undo = List.copyOf(undo);
        links = Set.copyOf(links);
    }

    public Step(Action apply, Action undo, String... links) {
        this(apply, List.of(undo), Set.of(links));
    }
}
