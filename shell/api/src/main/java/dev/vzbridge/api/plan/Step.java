package dev.vzbridge.api.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One action and what undoes exactly that action. Pairing them lets the engine
 * revert a change that failed halfway: it undoes the completed steps only.
 *
 * @param apply   what to do
 * @param undo    what puts the host back after {@code apply} succeeded, in order
 * @param links   node interfaces this step touches (used to spot the SSH session's link)
 * @param effects what {@code apply} does to the network state (prediction and default checks
 *                come from these); empty for steps that change no network state, such as file writes
 */
public record Step(Action apply, List<Action> undo, Set<String> links, List<Effect> effects) {
    public Step {
        undo = List.copyOf(undo);
        links = Set.copyOf(links);
        effects = effects == null ? List.of() : List.copyOf(effects);
    }

    public Step(Action apply, List<Action> undo, Set<String> links) {
        this(apply, undo, links, List.of());
    }

    public Step(Action apply, Action undo, String... links) {
        this(apply, List.of(undo), Set.of(links));
    }

    /** This step, also doing {@code more} to the network state. */
    public Step with(Effect... more) {
        List<Effect> all = new ArrayList<>(effects);
        all.addAll(List.of(more));
        return new Step(apply, undo, links, all);
    }

    /** This step with its effects moved into another view (the node's intents run inside a container). */
    public Step in(String ct) {
        return new Step(apply, undo, links, effects.stream().map(e -> e.in(ct)).toList());
    }

    /**
     * A command the intents do not cover, e.g. {@code ip link add link eth0 name eth0.7 type vlan id 7}:
     * its argv, the commands that undo it, the node links it touches, and what it does to the state.
     * No argument goes through a shell. Honour {@code NetTools.flavour()} when choosing the tool.
     */
    public static Step raw(List<String> argv, List<List<String>> undo, Set<String> links, Effect... effects) {
        return new Step(Exec.of(argv), undo.stream().map(u -> (Action) Exec.of(u)).toList(), links, List.of(effects));
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
