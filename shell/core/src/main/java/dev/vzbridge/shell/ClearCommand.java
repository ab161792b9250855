package dev.vzbridge.shell;

import dev.vzbridge.api.command.Report;
import picocli.CommandLine.Command;

import java.util.Map;

/** Clears the screen, as in any other shell (Ctrl-L does the same at the prompt). */
@Command(name = "clear", description = "Clear the screen.")
public final class ClearCommand implements BuiltinCommand {
    @Override
    public int run(Session session) {
        if (session.options().json) {
            session.report(new Report("", Map.of()));
            return 0;
        }
        session.out().flush();
        session.clearScreen();
        return 0;
    }
}
