package dev.vzbridge.shell;

import dev.vzbridge.api.command.Report;
import dev.vzbridge.api.command.Table;
import dev.vzbridge.plugins.PluginInfo;
import picocli.CommandLine.Command;

import java.util.List;

/** {@code plugin list}: what was loaded, from where, and what it contributes. */
@Command(name = "plugin", description = "Show loaded plugins.", subcommands = PluginCommand.ListPlugins.class)
public final class PluginCommand {
    @Command(name = "list", description = "List plugins with id, version, state and commands.")
    public static final class ListPlugins implements BuiltinCommand {
        @Override
        public int run(Session session) {
            List<PluginInfo> plugins = session.plugins();
            Table table = Table.of("ID", "VERSION", "STATE", "COMMANDS");
            for (PluginInfo p : plugins) {
                String commands = p.commands().isEmpty() ? "-" : String.join(",", p.commands());
                table.row(p.id(), p.version(), p.state(), commands);
            }
            StringBuilder text = new StringBuilder(plugins.isEmpty() ? "no plugins loaded\n" : table.render());
            plugins.stream().filter(p -> p.problem() != null)
                .forEach(p -> text.append(p.id()).append(": ").append(p.problem()).append('\n'));
            session.report(new Report(text.toString(), java.util.Map.of("plugins", plugins)));
            return 0;
        }
    }
}
