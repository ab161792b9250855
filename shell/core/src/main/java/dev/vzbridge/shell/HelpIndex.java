package dev.vzbridge.shell;

import dev.vzbridge.api.command.Report;
import dev.vzbridge.api.command.UsageException;
import dev.vzbridge.plugins.DirectoryPolicy;
import dev.vzbridge.plugins.PluginIndexes;
import dev.vzbridge.plugins.PluginSources;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * 'help' alone, answered from the command indexes of the shell and of the plugins
 * it would load ({@link CommandIndex}), without loading any plugin or building a
 * parser: the same text and JSON as the help command prints. Empty whenever
 * loading could say more (see {@link PluginIndexes}); then the shell starts as usual.
 */
final class HelpIndex {
    private HelpIndex() {
    }

    /** True for the command line "help" alone, given with -c or as words. */
    static boolean asksForOverview(String command, List<String> words) {
        if (command == null) return words.equals(List.of("help"));
        try {
            return Tokenizer.words(command).equals(List.of("help"));
        } catch (UsageException e) {
            return false;
        }
    }

    static Optional<Report> overview(List<java.nio.file.Path> pluginDirs, int width) {
        Optional<List<CommandIndex.Row>> core = CommandIndex.builtins();
        if (core.isEmpty()) return Optional.empty();
        List<java.nio.file.Path> buildJars = PluginSources.developmentMode() ? PluginSources.developmentJars() : List.of();
        var plugins = new PluginIndexes(new DirectoryPolicy(), Version.get(), CommandIndex.RESOURCE)
            .read(PluginSources.directories(pluginDirs), buildJars);
        if (plugins.isEmpty()) return Optional.empty();
        List<HelpCommand.Line> lines = new ArrayList<>();
        core.get().forEach(r -> lines.add(new HelpCommand.Line(r.name(), r.description(), "core")));
        for (PluginIndexes.Indexed plugin : plugins.get()) {
            Optional<List<CommandIndex.Row>> rows = CommandIndex.parse(plugin.index());
            if (rows.isEmpty()) return Optional.empty();
            rows.get().forEach(r -> lines.add(new HelpCommand.Line(r.name(), r.description(), plugin.pluginId())));
        }
        Set<String> names = new HashSet<>();
        // a name given twice: loading says which one is skipped
        if (!lines.stream().allMatch(l -> names.add(l.name()))) return Optional.empty();
        return Optional.of(HelpCommand.overview(lines, width));
    }
}
