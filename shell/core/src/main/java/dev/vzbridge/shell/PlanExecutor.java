package dev.vzbridge.shell;

import dev.vzbridge.api.plan.Plan;

/**
 * Where every plan goes: shown under --dry-run, added to an open transaction,
 * or applied, verified, confirmed and (on failure) rolled back.
 */
public interface PlanExecutor {
    /** @return exit code: 0 ok, 1 failed and rolled back, 3 rolled back but drift remains */
    int submit(Plan plan, String commandLine);

    /**
     * Like {@link #submit(Plan, String)}, for a plan made at {@code plannedAt} (epoch
     * millis, taken before observing): if another transaction held the host lock since
     * then, the plan is made again under the lock by {@code replan}, and a command that
     * no longer makes sense is refused (exit 2).
     */
    default int submit(Plan plan, String commandLine, long plannedAt, java.util.function.Supplier<Plan> replan) {
        return submit(plan, commandLine);
    }

    /**
     * Like the above, for the command at {@code where} (a batch's "FILE:LINE", or null):
     * a check of the plan that fails after a transaction's commit names it.
     */
    default int submit(Plan plan, String commandLine, long plannedAt, java.util.function.Supplier<Plan> replan, String where) {
        return submit(plan, commandLine, plannedAt, replan);
    }

    /** Opens a transaction: later plans accumulate until {@link #commit}. */
    void begin(String label);

    /** A batch's transaction: the same, without a line for each plan added. */
    default void beginQuietly(String label) {
        begin(label);
    }

    boolean inTransaction();

    /** Applies everything accumulated since {@link #begin} as one transaction. */
    int commit();

    void abort();

    /** Shown when the shell starts, e.g. unfinished journals that 'recover' would roll back. */
    default java.util.Optional<String> startupNotice() {
        return java.util.Optional.empty();
    }

    /** Whether the admin types at the interactive prompt (else: -c, a batch, a script). */
    default void setConsole(boolean console) {
    }

    /** Once, when a change left awaiting confirm was rolled back by its deadline: what the admin should know. */
    default java.util.Optional<String> takeNotice() {
        return java.util.Optional.empty();
    }

    /** Short text for the prompt, e.g. "tx" or "confirm 97s", or empty. */
    String promptMark();
}
