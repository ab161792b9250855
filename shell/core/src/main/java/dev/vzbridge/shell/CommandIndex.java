package dev.vzbridge.shell;

import dev.vzbridge.api.command.CommandProvider;
import dev.vzbridge.api.host.HostState;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The top-level commands of one module (the shell's built-ins, or one plugin) as
 * 'help' lists them: name and first sentence, in name order. Kept in the module's
 * jar as {@value #RESOURCE}, so the command list is printed without loading plugins
 * or building any command's parser. Each module's tests compare the file with its
 * real command tree.
 */
public final class CommandIndex {
    /** Where a module keeps its index, in its jar and under src/main/resources. */
    public static final String RESOURCE = "META-INF/vzbridge/commands.idx";

    /** One line of 'help': a command and the first sentence of its description. */
    public record Row(String name, String description) {
    }

    private CommandIndex() {
    }

    /** The rows of these providers' commands, computed from their picocli declarations. */
    public static List<Row> of(List<CommandProvider> providers) {
        List<CommandCatalog.Source> sources = providers.stream().map(p -> new CommandCatalog.Source("index", p)).toList();
        CommandCatalog catalog = new CommandCatalog(sources, HostState::empty, message -> {
            throw new IllegalStateException(message);
        });
        return catalog.commands().stream().map(e -> new Row(e.name(), HelpCommand.description(catalog, e))).toList();
    }

    /** The file's text: one "NAME TAB DESCRIPTION" line per command. */
    public static String render(List<Row> rows) {
        StringBuilder out = new StringBuilder();
        for (Row r : rows) out.append(r.name()).append('\t').append(r.description()).append('\n');
        return out.toString();
    }

    /** @return the rows, or empty when the text is not an index */
    public static Optional<List<Row>> parse(String text) {
        List<Row> rows = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) continue;
            int tab = line.indexOf('\t');
            if (tab <= 0) return Optional.empty();
            rows.add(new Row(line.substring(0, tab), line.substring(tab + 1)));
        }
        return rows.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(rows));
    }

    /** The built-ins' index from the shell's own jar; empty when the build did not include one. */
    static Optional<List<Row>> builtins() {
        try (InputStream in = CommandIndex.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            return in == null ? Optional.empty() : parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
