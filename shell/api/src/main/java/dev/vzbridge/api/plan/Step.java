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

    /** Writes a file atomically; the undo puts back the previous bytes (or removes a new file). */
    public static Step writeFile(String path, byte[] content, int mode) {
        return new Step(new WriteFile(path, content, mode), RestoreFile.previous(path));
    }

    /** Removes a file; the undo puts it back exactly. */
    public static Step deleteFile(String path) {
        return new Step(new DeleteFile(path), RestoreFile.previous(path));
    }
}
