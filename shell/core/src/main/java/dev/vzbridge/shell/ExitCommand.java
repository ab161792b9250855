package dev.vzbridge.shell;

import picocli.CommandLine.Command;

/** Leaves the interactive shell (Ctrl-D does the same). */
@Command(name = "exit", aliases = "quit", description = "Leave the shell.")
public final class ExitCommand implements BuiltinCommand {
    @Override
    public int run(Session session) {
        session.requestExit();
        // no words for people (the prompt just ends); scripts still get their envelope
        if (session.options().json) session.report(new dev.vzbridge.api.command.Report("", java.util.Map.of()));
        return 0;
    }
}
