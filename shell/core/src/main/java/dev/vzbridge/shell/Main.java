package dev.vzbridge.shell;

import dev.vzbridge.api.command.CommandFailedException;
import dev.vzbridge.api.command.UsageException;
import dev.vzbridge.engine.SignalDeferral;
import dev.vzbridge.engine.EngineSettings;
import dev.vzbridge.engine.journal.Pending;
import dev.vzbridge.host.HostAccess;
import dev.vzbridge.plugins.DirectoryPolicy;
import dev.vzbridge.plugins.PluginLoader;
import dev.vzbridge.plugins.PluginSources;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;


/**
 * The vzbridge program: parses the global options, loads plugins, then runs
 * {@code -c CMD}, {@code -f FILE}, piped stdin as a batch, or the interactive
 * console when stdin is a terminal. Exit codes: 0 ok, 1 failed, 2 usage error,
 * 3 rolled back but drift remains. The host (and a lab) is closed on every exit,
 * including Ctrl-C and SIGTERM.
 */
public final class Main {
    @Command(name = "vzbridge", mixinStandardHelpOptions = true, versionProvider = Main.VersionText.class,
        description = "Puts OpenVZ containers on bridged networks, safely.%n"
            + "vzbridge COMMAND ARGS... runs one command, like -c, with its words taken as given.%n"
            + "Without a command, -c or -f: an interactive shell when stdin is a terminal, else a batch read from stdin.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:ok", "1:a command failed (and was rolled back)", "2:usage error",
            "3:rolled back, but drift remains"})
    static final class Launch {
        @Mixin
        GlobalOptions options = new GlobalOptions();

        @Parameters(arity = "0..*", paramLabel = "COMMAND", description = "A shell command and its arguments (see below).")
        List<String> words = new ArrayList<>();

        /** Asked by the bash completion script: print the candidates for the last of the words. */
        @Option(names = "--complete", hidden = true)
        boolean complete;
    }

    static final class VersionText implements CommandLine.IVersionProvider {
        public String[] getVersion() {
            return new String[] {"vzbridge " + Session.VERSION};
        }
    }

    private Main() {
    }

    public static void main(String[] args) {
        boolean terminal = System.console() != null;
        SignalDeferral.install(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        int code = run(args, System.in, System.out, System.err, terminal);
        System.exit(code);
    }

    /** @param interactive stdin and stdout are a terminal */
    static int run(String[] args, InputStream in, PrintStream stdout, PrintStream stderr, boolean interactive) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(stderr, StandardCharsets.UTF_8), true);
        Launch launch = new Launch();
        CommandLine parser = new CommandLine(launch);
        parser.setExpandAtFiles(false);
        // Everything from the first word on belongs to the command: 'vzbridge ct list --json' is the command's.
        parser.setStopAtPositional(true);
        try {
            parser.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            err.println("vzbridge: " + e.getMessage() + " (vzbridge --help shows the options)");
            return 2;
        }
        if (parser.isUsageHelpRequested()) {
            parser.usage(out);
            out.println();
            launch.words = List.of("help");
            launch.options.command = null;
            launch.options.file = null;
            return new Main().start(launch.options, null, null, false, launch.words, out, err);
        }
        if (parser.isVersionHelpRequested()) {
            parser.printVersionHelp(out);
            return 0;
        }
        GlobalOptions options = launch.options;
        if (launch.complete) return complete(options, launch.words, out);
        if (options.command != null && options.file != null) {
            err.println("vzbridge: -c and -f cannot be used together");
            return 2;
        }
        List<String> words = launch.words;
        if (!words.isEmpty() && (options.command != null || options.file != null)) {
            err.println("vzbridge: give a command either as words or with " + (options.command != null ? "-c" : "-f")
                + ", not both ('" + String.join(" ", words) + "' is left over)");
            return 2;
        }
        if (options.command != null && options.command.isBlank()) {
            err.println("vzbridge: -c needs a command line; it was " + (options.command.isEmpty() ? "empty" : "blank"));
            return 2;
        }
        if (options.root != null && Files.exists(options.root) && !Files.isDirectory(options.root)) {
            err.println("vzbridge: --root " + options.root + " is " + (Files.isRegularFile(options.root) ? "a regular file" : "not a directory")
                + "; it names the directory that stands for the node's /");
            return 2;
        }
        String batch = null;
        String batchName = null;
        if (options.file != null) {
            batchName = options.file.toString();
            try {
                batch = batchName.equals("-") ? read(in) : Files.readString(options.file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("vzbridge: cannot read " + batchName + ": " + e.getMessage());
                return 2;
            }
            if (batchName.equals("-")) batchName = "<stdin>";
        } else if (options.command == null && words.isEmpty() && !interactive) {
            batchName = "<stdin>";
            try {
                batch = read(in);
            } catch (IOException e) {
                err.println("vzbridge: cannot read stdin: " + e.getMessage());
                return 1;
            }
        }
        Logging.configure(options.debug);
        boolean console = interactive && options.command == null && words.isEmpty() && batch == null;
        return new Main().start(options, batchName, batch, console, words, out, err);
    }

    private int start(GlobalOptions options, String batchName, String batch, boolean interactive, List<String> words,
                      PrintWriter out, PrintWriter err) {
        Terminal terminal = null;
        if (interactive) {
            try {
                terminal = TerminalBuilder.builder().system(true).name("vzbridge").build();
                out = terminal.writer();
                err = terminal.writer();
            } catch (IOException | RuntimeException e) {
                err.println("vzbridge: cannot open the terminal: " + e.getMessage());
                return 1;
            }
        }
        if (!interactive && HelpIndex.asksForOverview(options.command, words)) {
            // The command list alone comes from the indexes in the jars: no plugin is loaded for it.
            int width = Math.max(HelpCommand.MIN_WIDTH, Session.columns() > 0 ? Session.columns() : 80);
            var overview = HelpIndex.overview(options.plugins, width);
            if (overview.isPresent()) {
                warnUnfinished(options, err);
                new Printer(out, err, () -> options.json, System.console() != null && colourWanted()).report(overview.get());
                out.flush();
                err.flush();
                return 0;
            }
        }
        PluginLoader plugins = loadPlugins(options, err);
        AtomicReference<HostAccess> opened = new AtomicReference<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(opened.get(), plugins), "vzbridge-shutdown"));
        HostAccess host = null;
        try {
            // Settings decided once: the engine's, then the node (a lab produces its own address).
            EngineSettings settings = options.engineSettings();
            boolean nodeNeeded = !answersWithoutNode(options.command, words);
            host = nodeNeeded ? opened.updateAndGet(none -> options.openHost()) : null;
            // Colour only on a terminal: piped or redirected output stays plain text.
            boolean colour = (interactive || System.console() != null) && colourWanted();
            Printer printer = new Printer(out, err, () -> options.json, colour);
            var sources = plugins.contributions().stream()
                .map(c -> new CommandCatalog.Source(c.pluginId(), c.provider())).toList();
            PlanExecutor engine = nodeNeeded ? RenderedEngine.of(settings, host, printer) : null;
            Shell shell = new Shell(options, host, engine, sources, plugins.infos(), printer);
            if (!interactive) warnUnfinished(options, err);
            if (options.command != null) return shell.execute(options.command);
            if (!words.isEmpty()) return shell.execute(words);
            if (batch != null) return shell.batch(batchName, batch);
            // a lab's commands are practice: they stay out of the real node's history
            Path history = Path.of(System.getProperty("user.home", "/root"),
                options.lab ? ".vzbridge_lab_history" : ".vzbridge_history");
            return new Console(shell, terminal, hostName(options), history).run();
        } catch (UsageException e) {
            return fail(options, out, err, e.getMessage(), 2);
        } catch (CommandFailedException e) {
            return fail(options, out, err, e.getMessage(), 1);
        } finally {
            closeQuietly(host, plugins);
            if (terminal != null) closeQuietly(terminal);
            out.flush();
            err.flush();
        }
    }

    /**
     * The candidates for the last of the words, one a line, read the way the console
     * completes (same completer, same host reads). Silent: a node that cannot be read
     * offers nothing, and a lab, which exists only while its shell runs, has nothing to read.
     */
    private static int complete(GlobalOptions options, List<String> words, PrintWriter out) {
        PrintWriter quiet = new PrintWriter(OutputStream.nullOutputStream());
        Logging.configure(false);
        PluginLoader plugins = loadPlugins(options, quiet);
        HostAccess host = null;
        try {
            host = options.lab ? null : options.openHost();
            Printer printer = new Printer(quiet, quiet, false, false);
            PlanExecutor engine = host == null ? null : RenderedEngine.of(options.engineSettings(), host, printer);
            var sources = plugins.contributions().stream()
                .map(c -> new CommandCatalog.Source(c.pluginId(), c.provider())).toList();
            Shell shell = new Shell(options, host, engine, sources, plugins.infos(), printer);
            CompletionQuery.print(shell, words, out);
        } catch (RuntimeException e) {
            // nothing to offer
        } finally {
            closeQuietly(host, plugins);
            out.flush();
        }
        return 0;
    }

    /**
     * Every -c, -f and piped run says in one line when a transaction was left unfinished
     * (the console says so at its start). A lab is new, so it has none.
     */
    private static void warnUnfinished(GlobalOptions options, PrintWriter err) {
        if (options.lab) return;
        try {
            Pending.warning(options.root).ifPresent(line -> err.println("vzbridge: " + line));
        } catch (RuntimeException e) {
            // a warning must never stop the command
        }
        err.flush();
    }

    /**
     * 'help' and 'plugin list' given as the one command answer from the catalog alone:
     * they work on any machine, without opening (or checking the tools of) a node.
     */
    static boolean answersWithoutNode(String command, List<String> words) {
        List<String> w = words;
        if (command != null) {
            try {
                w = Tokenizer.words(command);
            } catch (UsageException e) {
                return false;
            }
        }
        return !w.isEmpty() && (w.get(0).equals("help") || w.get(0).equals("plugin"));
    }

    /** One line on stderr; under --json also the error object on stdout, as a failed command prints. */
    private static int fail(GlobalOptions options, PrintWriter out, PrintWriter err, String message, int code) {
        err.println("vzbridge: " + message);
        if (options.json) Envelope.of(code, false).error(message).print(out);
        return code;
    }

    static PluginLoader loadPlugins(GlobalOptions options, PrintWriter err) {
        PluginLoader loader = new PluginLoader(new DirectoryPolicy(), message -> {
            err.println("vzbridge: " + message);
            err.flush();
        }).systemVersion(Session.VERSION);
        PluginSources.directories(options.plugins).forEach(loader::loadDirectory);
        if (PluginSources.developmentMode()) loader.loadBuildJars(PluginSources.developmentJars());
        return loader;
    }

    /** Idempotent (HostAccess.close is): runs on every exit and again from the shutdown hook. */
    private static void closeQuietly(HostAccess host, PluginLoader plugins) {
        try {
            if (host != null) host.close();
        } catch (RuntimeException e) {
            System.err.println("vzbridge: closing the host failed: " + e.getMessage());
        }
        plugins.close();
    }

    private static void closeQuietly(Terminal terminal) {
        try {
            terminal.close();
        } catch (IOException e) {
            // the process is ending anyway
        }
    }

    static boolean colourWanted() {
        String noColor = System.getenv("NO_COLOR");
        if (noColor != null && !noColor.isEmpty()) return false;
        return !"dumb".equals(System.getenv("TERM"));
    }

    static String hostName(GlobalOptions options) {
        if (options.lab) return "lab";
        if (options.netns != null) return options.netns;
        try {
            String name = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
            if (!name.isEmpty()) return name;
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        return "localhost";
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

}
