package dev.vzbridge.api.command;

import dev.vzbridge.api.plan.Plan;

/**
 * A command that changes the host. It only plans: the shell's engine shows,
 * applies, verifies, confirms and rolls back the plan. Implement on a picocli
 * {@code @Command} class; picocli fills the fields before {@link #plan} runs.
 */
public interface PlanningCommand {
    /**
     * @throws UsageException for bad input (exit 2, nothing runs)
     */
    Plan plan(CommandContext ctx);

    /**
     * For preview options such as {@code save --diff}: a report to print instead
     * of applying the plan (its exit code becomes the command's). Null applies.
     */
    default Report instead(CommandContext ctx, Plan plan) {
        return null;
    }
}
