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
}
