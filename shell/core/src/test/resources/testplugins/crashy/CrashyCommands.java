package testplugins.crashy;

import dev.vzbridge.api.command.CommandContext;
import dev.vzbridge.api.command.CommandProvider;
import dev.vzbridge.api.command.QueryCommand;
import dev.vzbridge.api.command.Report;
import org.pf4j.Extension;
import picocli.CommandLine.Command;

import java.util.List;

@Extension
public class CrashyCommands implements CommandProvider {
    @Override
    public List<Class<?>> commands() {
        return List.of(Boom.class);
    }

    @Command(name = "boom", description = "Throws.")
    public static class Boom implements QueryCommand {
        @Override
        public Report run(CommandContext ctx) {
            throw new IllegalArgumentException("kaboom");
        }
    }
}
