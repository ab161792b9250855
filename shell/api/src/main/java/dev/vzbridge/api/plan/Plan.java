package dev.vzbridge.api.plan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a command wants done: ordered changes, the checks that prove them, notes
 * for the admin, and the containers and files it touches (so the engine can
 * snapshot them and prove a rollback).
 */
public record Plan(String command, List<Change> changes, List<Check> checks, List<String> notes,
                   Set<String> containers, Set<String> files) {
    public Plan {
        changes = List.copyOf(changes);
        checks = List.copyOf(checks);
        notes = List.copyOf(notes);
        containers = Set.copyOf(containers);
        files = Set.copyOf(files);
    }

    /** Nothing to do: the desired state already holds. */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public Set<String> links() {
        Set<String> out = new LinkedHashSet<>();
        changes.forEach(c -> out.addAll(c.links()));
        return out;
    }

    /** This plan followed by another, as one transaction. */
    public Plan then(Plan next) {
        Builder b = builder(command + "; " + next.command);
        changes.forEach(b::change);
        next.changes.forEach(b::change);
        checks.forEach(b::check);
        next.checks.forEach(b::check);
        notes.forEach(b::note);
        next.notes.forEach(b::note);
        containers.forEach(b::container);
        next.containers.forEach(b::container);
        files.forEach(b::file);
        next.files.forEach(b::file);
        return b.build();
    }

    public static Builder builder(String command) {
        return new Builder(command);
    }

    public static final class Builder {
        private final String command;
        private final List<Change> changes = new ArrayList<>();
        private final List<Check> checks = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private final Set<String> containers = new LinkedHashSet<>();
        private final Set<String> files = new LinkedHashSet<>();

        private Builder(String command) {
            this.command = command;
        }

        public Builder change(Change c) {
            if (!c.steps().isEmpty()) changes.add(c);
            return this;
        }

        public Builder change(String summary, List<Step> steps) {
            return change(new Change(summary, steps));
        }

        public Builder check(Check c) {
            checks.add(c);
            return this;
        }

        public Builder note(String n) {
            notes.add(n);
            return this;
        }

        public Builder container(String ctid) {
            containers.add(ctid);
            return this;
        }

        public Builder file(String path) {
            files.add(path);
            return this;
        }

        public Plan build() {
            return new Plan(command, changes, checks, notes, containers, files);
        }
    }
}
