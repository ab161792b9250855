package dev.vzbridge.testkit;

import dev.vzbridge.api.command.CommandProvider;
import dev.vzbridge.host.HostAccess;
import dev.vzbridge.plugins.DirectoryPolicy;
import dev.vzbridge.plugins.PluginLoader;
import dev.vzbridge.shell.CommandCatalog;
import dev.vzbridge.shell.GlobalOptions;
import dev.vzbridge.shell.PlanExecutor;
import dev.vzbridge.shell.Printer;
import dev.vzbridge.shell.RenderedEngine;
import dev.vzbridge.shell.Session;
import dev.vzbridge.shell.Shell;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Drives the real shell (catalog, dispatcher, batch runner, plugin loading) without
 * a terminal or a process, for tests of any module.
 *
 * <pre>{@code
 * GlobalOptions options = new GlobalOptions();
 * options.plugins.add(pluginDir);                       // optional: load plugin jars through PF4J
 * try (ShellDriver shell = ShellDriver.create(options, host, executor, new MyCommands())) {
 *     ShellDriver.Result r = shell.run("bridge add br0 eth0");      // like vzbridge -c
 *     assertEquals(0, r.exitCode(), r.stderr());
 *     r = shell.batch("setup.vzb", "set nic=eth0\nbridge add br0 ${nic}\n"); // like vzbridge -f
 * }
 * // With the real engine instead of a test PlanExecutor:
 * try (ShellDriver shell = ShellDriver.withEngine(options, host, new MyCommands())) { … }
 * }</pre>
 *
 * One driver is one shell session: state (an open transaction, the engine) carries
 * over between calls, as at the prompt. Each {@link Result} holds only the output
 * of that call. Extra providers appear as if contributed by a plugin named after
 * the provider's class; the built-in commands are always there. Plugins are
 * loaded from {@code options.plugins} exactly as the program does (folder checks
 * included), but not from an installation or the build tree. Closing the driver
 * unloads plugins; the HostAccess stays the caller's to close.
 */
public final class ShellDriver implements AutoCloseable {
    /** Exit code and what the call printed. Under --json, errors are on stdout too. */
    public record Result(int exitCode, String stdout, String stderr) {
        public boolean ok() {
            return exitCode == 0;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final PluginLoader plugins;
    private final Shell shell;
    private final String startup;

    private ShellDriver(GlobalOptions options, HostAccess host,
                        Function<Printer, PlanExecutor> engine, List<CommandProvider> providers) {
        PrintWriter outWriter = new PrintWriter(out, true);
        PrintWriter errWriter = new PrintWriter(err, true);
        this.plugins = new PluginLoader(new DirectoryPolicy(), message -> errWriter.println("vzbridge: " + message))
            .systemVersion(Session.VERSION);
        options.plugins.forEach(plugins::loadDirectory);
        List<CommandCatalog.Source> sources = new ArrayList<>();
        plugins.contributions().forEach(c -> sources.add(new CommandCatalog.Source(c.pluginId(), c.provider())));
        providers.forEach(p -> sources.add(new CommandCatalog.Source(p.getClass().getSimpleName(), p)));
        Printer printer = new Printer(outWriter, errWriter, () -> options.json, false);
        this.shell = new Shell(options, host, engine.apply(printer), sources, plugins.infos(), printer);
        this.startup = err.toString();
    }

    /** A shell whose plans go to {@code executor} (a test double, or an engine you built). */
    public static ShellDriver create(GlobalOptions options, HostAccess host, PlanExecutor executor,
                                     CommandProvider... providers) {
        return new ShellDriver(options, host, printer -> executor, List.of(providers));
    }

    /** A shell with the real transaction engine writing to this driver's output. */
    public static ShellDriver withEngine(GlobalOptions options, HostAccess host, CommandProvider... providers) {
        return new ShellDriver(options, host, printer -> RenderedEngine.of(options.engineSettings(), host, printer), List.of(providers));
    }

    /** A shell whose executor is made on the driver's own printer (e.g. an engine rendered through it). */
    public static ShellDriver with(GlobalOptions options, HostAccess host,
                                   Function<Printer, PlanExecutor> executor, CommandProvider... providers) {
        return new ShellDriver(options, host, executor, List.of(providers));
    }

    /** A shell with the real engine on a node built by hand (no watchdog). */
    public static ShellDriver withEngine(GlobalOptions options, HostAccess host, dev.vzbridge.engine.Node node,
                                         CommandProvider... providers) {
        return new ShellDriver(options, host, printer -> new RenderedEngine(new dev.vzbridge.engine.Engine(options.engineSettings(), node, (r, t) -> null, printer.err()), printer), List.of(providers));
    }

    /** Runs one command line, as {@code vzbridge -c LINE} would. */
    public Result run(String line) {
        return capture(() -> shell.execute(line));
    }

    /** Runs a batch text, as {@code vzbridge -f NAME} would (NAME appears in error locations). */
    public Result batch(String name, String text) {
        return capture(() -> shell.batch(name, text));
    }

    /** What plugin loading and catalog building printed before the first command. */
    public String startupErrors() {
        return startup;
    }

    public Session session() {
        return shell.session();
    }

    public Shell shell() {
        return shell;
    }

    private synchronized Result capture(java.util.function.IntSupplier action) {
        int outMark = out.getBuffer().length();
        int errMark = err.getBuffer().length();
        int code = action.getAsInt();
        return new Result(code, out.getBuffer().substring(outMark), err.getBuffer().substring(errMark));
    }

    @Override
    public void close() {
        plugins.close();
    }
}
