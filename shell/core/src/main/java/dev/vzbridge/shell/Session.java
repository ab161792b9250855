package dev.vzbridge.shell;

import dev.vzbridge.api.command.CommandContext;
import dev.vzbridge.api.command.Report;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.host.HostAccess;
import dev.vzbridge.plugins.PluginInfo;

import java.io.PrintWriter;
import java.util.List;

/**
 * One running shell, built complete: its options, the node it works on, the
 * engine, the printer every result goes through, and the commands it knows.
 */
public final class Session {
    public static final String VERSION = Version.get();

    private final GlobalOptions options;
    private final HostAccess host;
    private final PlanExecutor engine;
    private final Printer printer;
    private final CommandCatalog catalog;
    private final List<PluginInfo> plugins;
    private volatile boolean exitRequested;

    /** @param plugins what plugin loading found, for 'plugin list' */
    public Session(GlobalOptions options, HostAccess host, PlanExecutor engine, Printer printer, CommandCatalog catalog,
                   List<PluginInfo> plugins) {
        this.options = options;
        this.host = host;
        this.engine = engine;
        this.printer = printer;
        this.catalog = catalog;
        this.plugins = List.copyOf(plugins);
        this.probes = new DadProbes(host, options.dadWindow());
    }

    public GlobalOptions options() {
        return options;
    }

    public HostAccess host() {
        return host;
    }

    public PlanExecutor engine() {
        return engine;
    }

    public Printer printer() {
        return printer;
    }

    public PrintWriter out() {
        return printer.out();
    }

    public PrintWriter err() {
        return printer.err();
    }

    /** The state the plans gathered in the open transaction lead to (see CommandContext.expect). */
    private HostState expected;

    private boolean planningAhead() {
        return engine.inTransaction() || options.dryRun;
    }

    /** A fresh context for one command: observes the host once, lazily. */
    public CommandContext newContext() {
        return newContext("");
    }

    /** A fresh context for planning {@code commandLine} (the words as the dispatcher read them, quoted). */
    public CommandContext newContext(String commandLine) {
        return new HostContext(host, printer.err(), HostContext.sshFromEnvironment(), commandLine) {
            @Override
            public HostState host() {
                // Nothing is applied before commit (or ever, under --dry-run): later commands plan on what earlier ones make.
                if (!planningAhead()) expected = null;
                if (expected != null) return expected;
                return super.host();
            }

            @Override
            public java.util.Optional<HostState> live() {
                // only while host() shows a planned state: then both are there to compare
                return planningAhead() && host() == expected && expected != null
                    ? java.util.Optional.of(super.host()) : java.util.Optional.empty();
            }

            @Override
            public void expect(HostState after) {
                if (planningAhead()) expected = after;
            }

            @Override
            public List<dev.vzbridge.api.persist.BootConfig> bootConfigs() {
                return catalog.bootConfigs();
            }

            @Override
            protected java.time.Duration dadWindow() {
                return options.dadWindow();
            }

            @Override
            public java.util.Optional<String> duplicateAddressOwner(String dev, String ip) {
                // --no-dad: the admin vouches that the address is free; arping is not needed.
                return options.noDad ? java.util.Optional.empty() : super.duplicateAddressOwner(dev, ip);
            }

            @Override
            public void requireUnused(String segment, List<String> carriers, List<String> ips) {
                if (options.noDad) return; // the admin vouches that the addresses are free
                probes.claim(planning, segment, carriers, ips);
                if (!deferringProbes()) probes.settle(progress(), false);
            }
        };
    }

    /** Duplicate-address probes: a transaction's (or a --dry-run batch's) run together and are settled before commit. */
    private final DadProbes probes;
    private String planning;
    private boolean batchDryRun;

    private boolean deferringProbes() {
        return engine.inTransaction() || batchDryRun;
    }

    /** The command being planned, for refusals reported after it (e.g. "setup.vzb:4: ct attach"). */
    void planning(String label) {
        this.planning = label;
    }

    /** A --dry-run batch settles its probes once, at its end. */
    void deferProbes(boolean on) {
        this.batchDryRun = on;
    }

    /** Waits for the probes of the transaction and refuses as the first failing one says (messages name their command). */
    public void settleProbes() {
        probes.settle(progress(), true);
    }

    /** Forgets what a transaction that ended or was dropped planned: its probes and the state it led to. */
    public void forgetTransaction() {
        probes.discard();
        expected = null;
    }

    /** Progress of waits goes to a terminal only: logs and scripts get results, not a spinner. */
    private PrintWriter progress() {
        return System.console() != null && !options.json ? printer.err() : null;
    }

    /** Long output through $PAGER; set by the console (elsewhere output is printed as it is). */
    public void setPager(java.util.function.Predicate<String> pager) {
        printer.setPager(pager);
    }

    /** Prints a report as text, or as JSON under --json. */
    public void report(Report report) {
        printer.report(report);
    }

    private java.util.function.IntSupplier width = Session::columns;

    /** The commands this shell knows. */
    public CommandCatalog catalog() {
        return catalog;
    }

    /** What plugin loading found, for 'plugin list'. */
    public List<PluginInfo> plugins() {
        return plugins;
    }

    /** Whether output may carry ANSI colour (a terminal, and no NO_COLOR). */
    public boolean colour() {
        return printer.colour();
    }

    /** The screen's width for help text: the terminal's at the prompt, else $COLUMNS, else 80. */
    public int width() {
        int w = width.getAsInt();
        return w > 0 ? w : 80;
    }

    public void setWidth(java.util.function.IntSupplier width) {
        this.width = width;
    }

    static int columns() {
        try {
            return Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "80").strip());
        } catch (NumberFormatException e) {
            return 80;
        }
    }

    /** Asks the admin a yes/no question; empty when nobody can answer (no terminal). */
    public interface Asker {
        java.util.Optional<Boolean> ask(String question);
    }

    private Asker asker = Session::askTerminal;

    /** Asks a yes/no question: at the prompt, or on the terminal of -c; empty without one, or under --json. */
    public java.util.Optional<Boolean> ask(String question) {
        if (options.json) return java.util.Optional.empty();
        return asker.ask(question + " [y/N] ");
    }

    public void setAsker(Asker asker) {
        this.asker = asker;
    }

    private static java.util.Optional<Boolean> askTerminal(String question) {
        java.io.Console console = System.console();
        if (console == null) return java.util.Optional.empty();
        String answer = console.readLine("%s", question);
        return java.util.Optional.of(answer != null && answer.strip().toLowerCase(java.util.Locale.ROOT).startsWith("y"));
    }

    private Runnable clearScreen = Session::clearTerminal;

    /** Clears the screen: the console's terminal, else stdout when it is a terminal. */
    public void clearScreen() {
        clearScreen.run();
    }

    public void setClearScreen(Runnable clearScreen) {
        this.clearScreen = clearScreen;
    }

    private static void clearTerminal() {
        if (System.console() == null) return;
        System.out.print("\u001b[H\u001b[2J");
        System.out.flush();
    }

    /** Asked by 'exit'/'quit': the interactive loop ends after this command. */
    public void requestExit() {
        exitRequested = true;
    }

    public boolean exitRequested() {
        return exitRequested;
    }

    /**
     * Reports a failed command: one line on stderr, and under --json also
     * the envelope with {@code error} and {@code exit} on stdout.
     */
    public void error(String message, int exitCode) {
        printer.error(message, exitCode);
    }
}
