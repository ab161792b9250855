package dev.vzbridge.shell;

import dev.vzbridge.api.command.CommandFailedException;
import dev.vzbridge.api.command.Report;
import dev.vzbridge.lab.Lab;
import dev.vzbridge.lab.Privileges;
import picocli.CommandLine.Command;

import java.util.List;
import java.util.Map;

/** lab clean: removes namespaces left behind by labs whose process died. */
@Command(name = "lab", description = "Manage throwaway labs (see --lab).", subcommands = LabCommand.Clean.class)
public final class LabCommand {
    @Command(name = "clean", description = "Remove network namespaces left by crashed labs (never those of a running lab).")
    public static final class Clean implements BuiltinCommand {
        @Override
        public int run(Session session) {
            if (!Privileges.isRoot()) throw new CommandFailedException("lab clean needs root (network namespaces)");
            List<String> removed = Lab.cleanLeftovers();
            String text = removed.isEmpty() ? "No leftover lab namespaces."
                : "Removed " + removed.size() + " leftover lab namespace" + (removed.size() == 1 ? "" : "s") + ": "
                  + String.join(", ", removed);
            session.report(new Report(text, Map.of("removed", removed)));
            return 0;
        }
    }
}
