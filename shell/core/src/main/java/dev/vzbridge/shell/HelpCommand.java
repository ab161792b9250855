package dev.vzbridge.shell;

import dev.vzbridge.api.command.Report;
import dev.vzbridge.api.command.UsageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code help} lists the commands; {@code help CMD [SUB…]} shows one command's usage. */
@Command(name = "help", description = "List the commands, or show how to use one: help COMMAND [SUBCOMMAND].")
public final class HelpCommand implements BuiltinCommand {
    @Parameters(arity = "0..*", paramLabel = "COMMAND", description = "Command (and subcommand) to explain.")
    List<String> path = new ArrayList<>();

    @Override
    public int run(Session session) {
        CommandCatalog catalog = session.catalog();
        if (path.isEmpty()) {
            session.report(overview(catalog));
            return 0;
        }
        String name = path.get(0);
        if (catalog.entry(name).isEmpty()) throw new UsageException("no command '" + name + "'; 'help' lists them");
        CommandLine command = catalog.fresh(name);
        for (String sub : path.subList(1, path.size())) {
            CommandLine next = command.getSubcommands().get(sub);
            if (next == null)
                throw new UsageException("'" + String.join(" ", path) + "': " + command.getCommandName()
                    + " has no subcommand '" + sub + "'");
            command = next;
        }
        CommandLine.Help.Ansi ansi = session.colour() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF;
        String usage = command.getUsageMessage(ansi);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("command", String.join(" ", path));
        data.put("usage", command.getUsageMessage(CommandLine.Help.Ansi.OFF));
        session.report(new Report(usage, data));
        return 0;
    }

    private static Report overview(CommandCatalog catalog) {
        List<CommandCatalog.Entry> commands = catalog.commands();
        int width = commands.stream().mapToInt(e -> e.name().length()).max().orElse(4);
        StringBuilder text = new StringBuilder("Commands ('help COMMAND' shows its options):\n");
        List<Map<String, String>> data = new ArrayList<>();
        for (CommandCatalog.Entry e : commands) {
            CommandLine command = catalog.tree().getSubcommands().get(e.name());
            String description = firstLine(command.getCommandSpec().usageMessage().description());
            String origin = "core".equals(e.source()) ? "" : "  [plugin " + e.source() + "]";
            text.append("  ").append(e.name()).append(" ".repeat(width - e.name().length() + 2))
                .append(description).append(origin).append('\n');
            Map<String, String> row = new LinkedHashMap<>();
            row.put("name", e.name());
            row.put("description", description);
            row.put("source", e.source());
            data.add(row);
        }
        return new Report(text.toString(), Map.of("commands", data));
    }

    /** The first sentence; declarations often wrap one sentence over several description lines. */
    static String firstLine(String[] description) {
        if (description == null || description.length == 0) return "";
        String text = String.join(" ", description).replace("%n", " ").replaceAll("\\s+", " ").strip();
        int end = text.indexOf(". ");
        String sentence = end < 0 ? text : text.substring(0, end + 1);
        if (sentence.length() <= SUMMARY_WIDTH) return sentence;
        int cut = sentence.lastIndexOf(' ', SUMMARY_WIDTH - 1);
        return sentence.substring(0, cut > 0 ? cut : SUMMARY_WIDTH - 1).replaceAll("[,;:]$", "") + "…";
    }

    private static final int SUMMARY_WIDTH = 76;
}
