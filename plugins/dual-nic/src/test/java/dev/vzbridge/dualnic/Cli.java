package dev.vzbridge.dualnic;

import dev.vzbridge.api.command.CommandContext;
import dev.vzbridge.api.command.PlanningCommand;
import dev.vzbridge.api.command.QueryCommand;
import dev.vzbridge.api.command.Report;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.api.recipes.Converters;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

import java.util.Arrays;

/** Parses a dualnic command line with picocli, as the shell does, and runs its planner or query. */
final class Cli {
    private Cli() {
    }

    static Object parse(String line) {
        String[] words = line.trim().split("\\s+");
        if (!words[0].equals("dualnic")) throw new IllegalArgumentException("not a dualnic line: " + line);
        ParseResult r = Converters.register(new CommandLine(new DualNicCommand())).parseArgs(Arrays.copyOfRange(words, 1, words.length));
        while (r.hasSubcommand()) r = r.subcommand();
        return r.commandSpec().userObject();
    }

    static Plan plan(CommandContext ctx, String line) {
        return ((PlanningCommand) parse(line)).plan(ctx);
    }

    static Report query(CommandContext ctx, String line) {
        return ((QueryCommand) parse(line)).run(ctx);
    }
}
