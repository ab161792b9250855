package dev.vzbridge.api.recipes;

import dev.vzbridge.api.command.CommandContext;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.plan.Change;
import dev.vzbridge.api.plan.Check;
import dev.vzbridge.api.plan.Plan;

import java.util.ArrayList;
import java.util.List;

/**
 * What a building block contributes to a plan: ordered changes, their checks, notes,
 * and the state the host will be in afterwards (null when not predicted).
 */
public record Recipe(List<Change> changes, List<Check> checks, List<String> notes, HostState after) {
    public Recipe(List<Change> changes, List<Check> checks, List<String> notes) {
        this(changes, checks, notes, null);
    }

    /**
     * The recipe these changes make on {@code observed}: the state after is the
     * observation with the steps' effects applied, and the checks are those the
     * effects imply ({@link DerivedChecks}) followed by {@code extraChecks}, the
     * facts no effect implies (pings, STP forwarding).
     */
    public static Recipe of(HostState observed, List<Change> changes, List<Check> extraChecks, List<String> notes) {
        HostState after = HostEdit.after(observed, changes);
        List<Check> checks = new ArrayList<>(DerivedChecks.of(after, changes));
        extraChecks.stream().filter(c -> !checks.contains(c)).forEach(checks::add);
        return new Recipe(changes, checks, notes, after);
    }

    public Recipe {
        changes = changes.stream().filter(c -> !c.steps().isEmpty()).toList();
        checks = List.copyOf(checks);
        notes = List.copyOf(notes);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public Recipe then(Recipe next) {
        List<Change> c = new ArrayList<>(changes);
        c.addAll(next.changes);
        List<Check> k = new ArrayList<>(checks);
        k.addAll(next.checks);
        List<String> n = new ArrayList<>(notes);
        n.addAll(next.notes);
        return new Recipe(c, k, n, next.after != null ? next.after : after);
    }

    /** Adds changes, checks and notes; an empty recipe says "nothing to do". */
    public Plan.Builder addTo(Plan.Builder b) {
        changes.forEach(b::change);
        checks.forEach(b::check);
        notes.forEach(b::note);
        return b;
    }

    /** The plan, after telling the shell the state it leads to (later commands of a batch plan against it). */
    public Plan toPlan(CommandContext ctx, String command, String... containers) {
        if (after != null) ctx.expect(after);
        return toPlan(command, containers);
    }

    /** A whole plan from this recipe, noting "nothing to do" when there are no changes. */
    public Plan toPlan(String command, String... containers) {
        Plan.Builder b = addTo(Plan.builder(command));
        if (isEmpty()) b.note("nothing to do");
        for (String ct : containers) b.container(ct);
        return b.build();
    }
}
