package dev.vzbridge.api.command;

/** A read-only command: looks at the host and reports. */
public interface QueryCommand {
    /**
     * @throws UsageException for bad input (exit 2)
     * @throws CommandFailedException when the command could not do its job (exit 1)
     */
    Report run(CommandContext ctx);
}
