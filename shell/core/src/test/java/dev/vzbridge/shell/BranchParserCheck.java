package dev.vzbridge.shell;

import dev.vzbridge.api.command.CommandProvider;
import dev.vzbridge.api.host.HostState;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

/**
 * For tests of any module: the parser built for one branch of a command group
 * ({@link CommandCatalog#fresh(List)}) reads and speaks exactly as the whole command
 * does: same usage text, options, parameters, names, the same refusal of a bad
 * option, and new command instances every time.
 */
public final class BranchParserCheck {
    private BranchParserCheck() {
    }

    /** @return how many branches were built alone (the rest of the group left out) and compared */
    public static int assertSameAsWhole(List<CommandProvider> providers) {
        List<CommandCatalog.Source> sources = new ArrayList<>(CommandCatalog.builtinSources());
        providers.forEach(p -> sources.add(new CommandCatalog.Source(p.getClass().getSimpleName(), p)));
        CommandCatalog catalog = new CommandCatalog(sources, HostState::empty, message -> {
            throw new AssertionError(message);
        });
        int compared = 0;
        for (CommandCatalog.Entry entry : catalog.commands()) {
            CommandLine whole = catalog.fresh(entry.name());
            for (Map.Entry<String, CommandLine> sub : whole.getSubcommands().entrySet()) {
                List<String> words = List.of(entry.name(), sub.getKey());
                CommandLine branchTop = catalog.fresh(words);
                CommandLine branch = branchTop.getSubcommands().get(sub.getKey());
                String what = String.join(" ", words);
                assertEquals(sub.getValue().getUsageMessage(CommandLine.Help.Ansi.OFF),
                    branch.getUsageMessage(CommandLine.Help.Ansi.OFF), what + ": usage");
                assertEquals(sub.getValue().getCommandSpec().qualifiedName(" "), branch.getCommandSpec().qualifiedName(" "), what);
                assertEquals(names(sub.getValue()), names(branch), what + ": options and parameters");
                assertEquals(refusal(whole, words), refusal(branchTop, words), what + ": a bad option");
                assertNotSame(branch.getCommandSpec().userObject(), catalog.fresh(words).getSubcommands().get(sub.getKey())
                    .getCommandSpec().userObject(), what + ": a new instance per run");
                if (branchTop.getSubcommands().size() == 1) compared++;
            }
        }
        return compared;
    }

    private static List<String> names(CommandLine command) {
        List<String> names = new ArrayList<>();
        command.getCommandSpec().options().forEach(o -> names.add(String.join("|", o.names()) + " " + o.arity() + " " + o.required()));
        command.getCommandSpec().positionalParameters().forEach(p -> names.add(p.paramLabel() + " " + p.index() + " " + p.arity()));
        return names;
    }

    private static String refusal(CommandLine top, List<String> words) {
        try {
            top.parseArgs(words.get(1), "--no-such-option");
            return "accepted";
        } catch (CommandLine.ParameterException e) {
            return e.getCommandLine().getCommandSpec().qualifiedName(" ") + ": " + e.getMessage();
        }
    }
}
