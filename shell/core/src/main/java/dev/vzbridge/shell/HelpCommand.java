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
            session.report(overview(catalog, Math.max(MIN_WIDTH, session.width())));
            return 0;
        }
        String name = path.get(0);
        if (catalog.entry(name).isEmpty())
            throw new UsageException("no command '" + name + "'" + suggestion(name, catalog.names()) + "; 'help' lists them");
        CommandLine command = catalog.fresh(name);
        for (String sub : path.subList(1, path.size())) {
            CommandLine next = command.getSubcommands().get(sub);
            if (next == null)
                throw new UsageException("'" + String.join(" ", path) + "': " + command.getCommandName()
                    + " has no subcommand '" + sub + "'" + suggestion(sub, command.getSubcommands().keySet()));
            command = next;
        }
        CommandLine.Help.Ansi ansi = session.colour() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF;
        command.setUsageHelpWidth(Math.max(MIN_WIDTH, session.width()));
        command.setUsageHelpLongOptionsMaxWidth(30);
        String usage = command.getUsageMessage(ansi);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("command", String.join(" ", path));
        data.put("usage", command.getUsageMessage(CommandLine.Help.Ansi.OFF));
        session.report(new Report(usage, data));
        return 0;
    }

    private static String suggestion(String typed, java.util.Collection<String> names) {
        List<String> close = names.stream().filter(n -> Spelling.near(typed, n)).sorted().toList();
        return close.isEmpty() ? "" : " (did you mean " + String.join(" or ", close) + "?)";
    }

    /** picocli's own minimum usage width. */
    static final int MIN_WIDTH = 55;

    static Report overview(CommandCatalog catalog, int screenWidth) {
        List<Line> lines = catalog.commands().stream().map(e -> new Line(e.name(), description(catalog, e), e.source())).toList();
        return overview(lines, screenWidth);
    }

    /** One command of the overview: name, first sentence, and "core" or the plugin it comes from. */
    record Line(String name, String description, String source) {
    }

    /** What the overview says of a command: the first sentence of its description. */
    static String description(CommandCatalog catalog, CommandCatalog.Entry e) {
        CommandLine command = catalog.tree().getSubcommands().get(e.name());
        return firstLine(command.getCommandSpec().usageMessage().description());
    }

    /** The overview of these commands, in name order. */
    static Report overview(List<Line> lines, int screenWidth) {
        List<Line> commands = lines.stream().sorted(java.util.Comparator.comparing(Line::name)).toList();
        int width = commands.stream().mapToInt(e -> e.name().length()).max().orElse(4);
        StringBuilder text = new StringBuilder("Commands ('help COMMAND' shows its options):\n");
        List<Map<String, String>> data = new ArrayList<>();
        for (Line e : commands) {
            String origin = "core".equals(e.source()) ? "" : "  [plugin " + e.source() + "]";
            text.append(wrap("  " + e.name() + " ".repeat(width - e.name().length() + 2), e.description() + origin,
                screenWidth));
            Map<String, String> row = new LinkedHashMap<>();
            row.put("name", e.name());
            row.put("description", e.description());
            row.put("source", e.source());
            data.add(row);
        }
        return new Report(text.toString(), Map.of("commands", data));
    }

    /** The first whole sentence; declarations often wrap one sentence over several description lines. */
    static String firstLine(String[] description) {
        if (description == null || description.length == 0) return "";
        String text = String.join(" ", description).replace("%n", " ").replaceAll("\\s+", " ").strip();
        int end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end + 1);
    }

    /** {@code head} then {@code text} wrapped at spaces to {@code width}, continuation lines under the text. */
    static String wrap(String head, String text, int width) {
        StringBuilder out = new StringBuilder(head);
        int column = head.length();
        String indent = " ".repeat(head.length());
        boolean first = true;
        for (String word : text.split(" ")) {
            if (!first && column + 1 + word.length() > width) {
                out.append('\n').append(indent);
                column = indent.length();
            } else if (!first) {
                out.append(' ');
                column++;
            }
            out.append(word);
            column += word.length();
            first = false;
        }
        return out.append('\n').toString();
    }
}
