package testplugins.greeter;

import dev.vzbridge.api.command.CommandContext;
import dev.vzbridge.api.command.CommandProvider;
import dev.vzbridge.api.command.QueryCommand;
import dev.vzbridge.api.command.Report;
import org.pf4j.Extension;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;

@Extension
public class GreeterCommands implements CommandProvider {
    @Override
    public List<Class<?>> commands() {
        return List.of(Greet.class);
    }

    @Command(name = "greet", description = "Says hello from a plugin.")
    public static class Greet implements QueryCommand {
        @Parameters(index = "0", defaultValue = "world")
        String who;

        @Override
        public Report run(CommandContext ctx) {
            return Report.text("hello " + who + " from a plugin");
        }
    }
}
