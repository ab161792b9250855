package dev.vzbridge.shell;

import dev.vzbridge.api.command.CommandContext;
import dev.vzbridge.api.command.CommandFailedException;
import dev.vzbridge.api.command.ErrorText;
import dev.vzbridge.api.command.PlanningCommand;
import dev.vzbridge.api.command.QueryCommand;
import dev.vzbridge.api.command.Report;
import dev.vzbridge.api.command.UsageException;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.api.recipes.Converters;
import dev.vzbridge.engine.PlanPrinter;
import dev.vzbridge.host.HostAccess;
import dev.vzbridge.tools.ToolFlavours;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one command line: splits it into words, parses it with picocli into fresh
 * command instances and hands the result to the right stage (builtin, query, or
 * plan then engine). Every failure becomes one line and an exit code; the shell
 * goes on.
 */
public final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final Session session;
    private final CommandCatalog catalog;

    public Dispatcher(Session session) {
        this.session = session;
        this.catalog = session.catalog();
    }

    /** Runs a line typed or read from a file; blank lines and comments do nothing. */
    public int execute(String line) {
        return execute(line, null);
    }

    /**
     * @param where prefix for error messages, e.g. "setup.vzb:4", or null
     * @return exit code
     */
    public int execute(String line, String where) {
        List<String> words;
        try {
            words = Tokenizer.words(line);
        } catch (UsageException e) {
            return fail(where, e.getMessage(), 2, null);
        }
        if (words.isEmpty()) return 0;
        return execute(words, where);
    }

    /** One command given as words: nothing is split or unquoted again. */
    public int execute(List<String> words, String where) {
        String name = words.get(0);
        if (catalog.entry(name).isEmpty()) return fail(where, unknown(name), 2, null);
        Parsed parsed;
        try {
            parsed = parse(words);
        } catch (CommandLine.ParameterException e) {
            List<String> previewed = trailingDryRun(words);
            if (previewed != null) return execute(previewed, where);
            String usage = e instanceof CommandLine.MissingParameterException && e.getCommandLine() != null
                ? "; usage: " + usage(words, e) : "";
            return fail(where, qualified(words, e) + usage, 2, null);
        } catch (UsageException e) {
            return fail(where, e.getMessage(), 2, null);
        }
        if (parsed.helpShown()) return 0;
        String label = parsed.path();
        session.planning(where == null ? label : where + ": " + label);
        try {
            return run(parsed, Tokenizer.quote(words), where);
        } catch (UsageException e) {
            return fail(where, ErrorText.prefixed(label, ErrorText.of(e)), 2, null);
        } catch (CommandLine.ParameterException e) {
            return fail(where, ErrorText.prefixed(label, ErrorText.of(e)), 2, null);
        } catch (CommandFailedException e) {
            return fail(where, ErrorText.prefixed(label, ErrorText.of(e)), 1, e.getCause());
        } catch (RuntimeException | LinkageError | StackOverflowError | AssertionError e) {
            // a plugin's bug must not end the shell; only the JVM's own troubles (OOM) do
            return fail(where, ErrorText.prefixed(label, ErrorText.of(e)), 1, e);
        }
    }

    /**
     * @param commandLine the words as read, quoted back: the plan's title and the journal's record
     * @param where       a batch's "FILE:LINE", or null
     */
    private int run(Parsed parsed, String commandLine, String where) {
        Object command = parsed.command();
        if (command instanceof EngineCommands.PlanCommand plan) return planMode(plan);
        if (command instanceof BuiltinCommand builtin) return builtin.run(session);
        if (command instanceof QueryCommand query) {
            Report report = query.run(session.newContext());
            session.report(report);
            return report.exitCode();
        }
        if (command instanceof PlanningCommand planning) {
            askToolsAhead();
            CommandContext ctx = session.newContext(commandLine);
            long plannedAt = System.currentTimeMillis();
            Plan plan = planning.plan(ctx);
            Report instead = planning.instead(ctx, plan);
            if (instead != null) {
                session.report(instead);
                return instead.exitCode();
            }
            if (plan.isEmpty()) {
                session.report(nothingToDo(plan));
                return 0;
            }
            // Planned again under the host lock if another change got there first.
            return session.engine().submit(plan, commandLine, plannedAt,
                () -> planning.plan(session.newContext(commandLine)), where);
        }
        throw new UsageException(parsed.path() + ": missing subcommand; try 'help " + parsed.path() + "'");
    }

    /** Under --tools auto the node's ip is asked its flavour while the plan reads the host, not after it. */
    private void askToolsAhead() {
        HostAccess host = session.host();
        if (host == null) return;
        try {
            ToolFlavours.askAhead(host.tools());
        } catch (UnsupportedOperationException e) {
            // a host that offers no tools has no flavour to ask
        }
    }

    private static Report nothingToDo(Plan plan) {
        // "nothing to do: no bridge br7": the first reason on the same line, the others below it.
        List<String> reasons = plan.notes().stream().filter(n -> !n.equals("nothing to do")).toList();
        StringBuilder text = new StringBuilder("nothing to do");
        text.append(reasons.isEmpty() ? "\n" : ": " + reasons.get(0) + "\n");
        reasons.stream().skip(1).forEach(n -> text.append("  ").append(n).append('\n'));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("result", "nothing to do");
        data.put("command", plan.command());
        data.put("notes", plan.notes());
        return new Report(text.toString(), data);
    }

    /** 'plan CMD …': the dispatcher plans CMD as usual and prints the plan (or a script) instead of submitting it. */
    private int planMode(EngineCommands.PlanCommand command) {
        List<String> words = command.words();
        if (words.isEmpty()) throw new UsageException("plan what? e.g. 'plan bridge create br0 --nic eth0'");
        Plan plan = planOf(words);
        if (!command.script) {
            session.printer().plan(plan);
            return 0;
        }
        // The script reaches the node as the engine would: through its prefix, with files under its root.
        RenderedEngine engine = EngineCommands.engine(session);
        String script = PlanPrinter.script(plan, engine.node().prefix(), engine.node()::underRoot);
        session.report(new Report(script, Map.of("script", script)));
        return 0;
    }

    /** For 'plan CMD …': the plan of a planning command, without running anything. */
    public Plan planOf(List<String> words) {
        if (words.isEmpty()) throw new UsageException("plan what? e.g. 'plan bridge add br0 eth0'");
        if (catalog.entry(words.get(0)).isEmpty()) throw new UsageException(unknown(words.get(0)));
        Parsed parsed;
        try {
            parsed = parse(words);
        } catch (CommandLine.ParameterException e) {
            // A refused value reads as the command's own refusal would: "plan: bridge name 'x' …".
            if (e.getCause() instanceof Converters.Invalid) throw new UsageException(Converters.message(e));
            throw new UsageException(qualified(words, e));
        }
        if (!(parsed.command() instanceof PlanningCommand planning))
            throw new UsageException(parsed.path() + " does not change the host; there is nothing to plan");
        askToolsAhead();
        return planning.plan(session.newContext(Tokenizer.quote(words)));
    }

    /**
     * 'bridge delete br0 --dry-run': a planning command with --dry-run after its arguments
     * becomes 'plan bridge delete br0'. @return those words, or null
     */
    private List<String> trailingDryRun(List<String> words) {
        if (words.size() < 2 || !"--dry-run".equals(words.get(words.size() - 1)) || catalog.entry("plan").isEmpty())
            return null;
        List<String> command = words.subList(0, words.size() - 1);
        if (!isPlanning(command)) return null;
        List<String> plan = new java.util.ArrayList<>(List.of("plan"));
        plan.addAll(command);
        return plan;
    }

    /** The command's usage line, so the admin sees what it takes. */
    private static String usage(List<String> words, CommandLine.ParameterException e) {
        CommandLine where = e.getCommandLine();
        String path = where.getCommandSpec().qualifiedName(" ").replaceFirst("^\\S+", words.get(0));
        String synopsis = where.getHelp().synopsis(0).strip().replaceAll("\\s+", " ");
        String name = where.getCommandName();
        return synopsis.startsWith(name) ? path + synopsis.substring(name.length()) : synopsis;
    }

    /** True when the words parse to a command that changes the host. */
    public boolean isPlanning(List<String> words) {
        if (words.isEmpty() || catalog.entry(words.get(0)).isEmpty()) return false;
        try {
            return parse(words).command() instanceof PlanningCommand;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private record Parsed(Object command, String path, boolean helpShown) {
    }

    private Parsed parse(List<String> words) {
        CommandLine top = catalog.fresh(words);
        top.setOut(session.out());
        top.setErr(session.err());
        ParseResult result = top.parseArgs(words.subList(1, words.size()).toArray(String[]::new));
        ParseResult leaf = result;
        while (leaf.hasSubcommand()) leaf = leaf.subcommand();
        String path = leaf.commandSpec().qualifiedName(" ").replaceFirst("^\\S+ ", words.get(0) + " ");
        if (leaf == result) path = words.get(0);
        boolean help = CommandLine.printHelpIfRequested(result);
        return new Parsed(leaf.commandSpec().userObject(), path, help);
    }

    private String unknown(String name) {
        String hint = "";
        List<String> close = catalog.names().stream().filter(n -> Spelling.near(name, n)).toList();
        if (!close.isEmpty()) hint = " (did you mean " + String.join(" or ", close) + "?)";
        return "unknown command '" + name + "'" + hint + "; try 'help'";
    }

    private static String qualified(List<String> words, CommandLine.ParameterException e) {
        CommandLine where = e.getCommandLine();
        String path = where == null ? words.get(0)
            : where.getCommandSpec().qualifiedName(" ").replaceFirst("^\\S+", words.get(0));
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String first = unmatched.getUnmatched().get(0);
            String what = first.startsWith("-") ? "unknown option '" : "unexpected argument '";
            List<String> suggestions = unmatched.getSuggestions();
            String hint = suggestions.isEmpty() ? "" : " (did you mean " + String.join(" or ", suggestions) + "?)";
            return path + ": " + what + first + "'" + hint;
        }
        return path + ": " + Converters.message(e);
    }

    private int fail(String where, String message, int code, Throwable cause) {
        String full = where == null ? message : where + ": " + message;
        if (cause != null) {
            LOG.error(full, cause);
            if (session.options().debug) {
                StringWriter trace = new StringWriter();
                cause.printStackTrace(new PrintWriter(trace));
                session.err().print(trace);
            }
        } else {
            LOG.info("{} (exit {})", full, code);
        }
        session.error(full, code);
        return code;
    }

}
