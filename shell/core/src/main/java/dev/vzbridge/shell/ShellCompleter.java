package dev.vzbridge.shell;

import dev.vzbridge.api.command.LiveCandidates;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import picocli.AutoComplete;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;

/**
 * TAB completion from the picocli declarations: command names, subcommands,
 * options, and option/parameter values, including live ones read from the host.
 * Completion only; commands are run by the {@link Dispatcher}.
 */
public final class ShellCompleter implements Completer {
    private final CommandCatalog catalog;

    public ShellCompleter(CommandCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String prefix = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
        if (line.wordIndex() == 0) {
            for (CommandCatalog.Entry e : catalog.commands()) {
                candidates.add(new Candidate(e.name(), e.name(), null, description(e.name()), null, null, true));
            }
            return;
        }
        if (catalog.entry(line.words().get(0)).isEmpty()) return;
        // From the root: picocli cannot parse from a subcommand's spec that has a parent.
        String[] args = line.words().toArray(String[]::new);
        List<CharSequence> suffixes = new ArrayList<>();
        try {
            // picocli keeps the values that start with the typed word; live sources hand over only those
            // (an option word such as --nic=d4 is split by picocli, so it gets every value to split against)
            String typed = prefix.startsWith("-") ? null : prefix;
            Runnable complete = () -> AutoComplete.complete(catalog.tree().getCommandSpec(), args, line.wordIndex(),
                prefix.length(), line.cursor(), suffixes);
            if (typed == null) complete.run();
            else LiveCandidates.startingWith(typed, () -> {
                complete.run();
                return null;
            });
        } catch (RuntimeException e) {
            return; // a half-typed line picocli cannot make sense of: offer nothing
        }
        for (CharSequence suffix : suffixes) {
            String value = prefix + suffix;
            candidates.add(new Candidate(value, value, null, null, null, null, true));
        }
    }

    private String description(String name) {
        CommandLine command = catalog.tree().getSubcommands().get(name);
        String[] description = command == null ? null : command.getCommandSpec().usageMessage().description();
        return description == null || description.length == 0 ? null : description[0];
    }
}
