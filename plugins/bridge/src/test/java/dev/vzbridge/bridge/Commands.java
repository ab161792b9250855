package dev.vzbridge.bridge;

import dev.vzbridge.api.command.PlanningCommand;
import dev.vzbridge.api.command.QueryCommand;
import dev.vzbridge.api.recipes.Converters;
import picocli.CommandLine;

import java.util.List;

/** Parses a command line the way the shell does (picocli over the plugin's classes). */
final class Commands {
    private Commands() {
    }

    static Object parse(String... words) {
        CommandLine cl = Converters.register(new CommandLine(new BridgePlugin().commands().get(words[0].equals("bridge") ? 0 : 1)));
        List<CommandLine> parsed = cl.parseArgs(java.util.Arrays.copyOfRange(words, 1, words.length)).asCommandLineList();
        return parsed.get(parsed.size() - 1).getCommand();
    }

    static PlanningCommand planning(String... words) {
        return (PlanningCommand) parse(words);
    }

    static QueryCommand query(String... words) {
        return (QueryCommand) parse(words);
    }
}
