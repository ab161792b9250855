package dev.vzbridge.shell;

/**
 * A command that belongs to the shell itself (help, plugin, confirm, recover, show, …).
 * Unlike plugin commands it may use the whole session.
 */
public interface BuiltinCommand {
    /** @return exit code */
    int run(Session session);
}
