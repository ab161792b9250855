package dev.vzbridge.shell;

import picocli.CommandLine.Command;

/** Leaves the interactive shell (Ctrl-D does the same). */
@Command(name = "exit", aliases = "quit", description = "Leave the shell.")
public final class ExitCommand implements BuiltinCommand {
    @Override
    public int run(Session session) {
        session.requestExit();
        return 0;
    }
}
