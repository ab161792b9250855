package dev.vzbridge.testkit;

import dev.vzbridge.api.command.CommandContext;
import dev.vzbridge.api.command.CommandProvider;
import dev.vzbridge.api.command.PlanningCommand;
import dev.vzbridge.api.command.QueryCommand;
import dev.vzbridge.api.command.Report;
import dev.vzbridge.api.command.UsageException;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.api.recipes.Converters;
import dev.vzbridge.api.tools.NetTools;
import dev.vzbridge.api.tools.OpenVz;
import dev.vzbridge.engine.Node;
import dev.vzbridge.exec.CommandRunner;
import dev.vzbridge.host.HostRuntime;
import dev.vzbridge.host.NetnsRuntime;
import dev.vzbridge.host.NodeAccess;
import dev.vzbridge.host.Platform;
import dev.vzbridge.host.RootFileView;
import dev.vzbridge.host.VzctlRuntime;
import dev.vzbridge.lab.Lab;
import dev.vzbridge.lab.LabVzctlEmulator;
import dev.vzbridge.shell.GlobalOptions;
import dev.vzbridge.shell.HostContext;
import dev.vzbridge.shell.RenderedEngine;
import dev.vzbridge.shell.Tokenizer;
import dev.vzbridge.tools.ToolFlavours;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The lab's node as the shell sees it, with the given plugins' commands: a command line
 * is parsed with picocli (and the API's converters), planned against the node as
 * observed now and applied by the real engine (journal, verify, rollback).
 */
public final class LabNode {
    public final Lab lab;
    public final Path root;
    public final String flavour;
    public final NodeAccess host;
    public final StringWriter out = new StringWriter();
    public final StringWriter err = new StringWriter();
    /** The report of the last query {@link #runLine} ran. */
    public Report lastReport;
    private final Map<String, Class<?>> commands = new LinkedHashMap<>();
    private final List<String> watched = new ArrayList<>();

    public LabNode(Lab lab, Path root, String flavour, CommandProvider... plugins) {
        this(lab, root, flavour, "netns", plugins);
    }

    /**
     * @param runtime "netns", or "vzctl" / "vzctl7" through the lab's vzctl emulator as legacy
     *                vzctl / vzctl 7 (containers are the lab's namespaces)
     */
    public LabNode(Lab lab, Path root, String flavour, String runtime, CommandProvider... plugins) {
        this.lab = lab;
        this.root = root;
        this.flavour = flavour;
        boolean vzctl = runtime.startsWith("vzctl");
        OpenVz openvz = runtime.equals("vzctl7") ? OpenVz.SEVEN : OpenVz.LEGACY;
        CommandRunner runner = vzctl ? LabVzctlEmulator.install(lab, root, openvz).wrap(lab.nodeRunner()) : lab.nodeRunner();
        NetTools tools = ToolFlavours.select(flavour, runner);
        HostRuntime rt = vzctl ? new VzctlRuntime(runner, new RootFileView(root), tools, Platform.chosen(openvz))
            : new NetnsRuntime(runner, lab.ctNetnsPattern(), tools);
        this.host = new NodeAccess(runner, tools, rt, root, null, null);
        for (CommandProvider p : plugins)
            for (Class<?> c : p.commands()) commands.put(c.getAnnotation(CommandLine.Command.class).name(), c);
    }

    /** A node file whose content {@link #fingerprint} includes (e.g. what a plugin records for later). */
    public LabNode watching(String nodePath) {
        watched.add(nodePath);
        return this;
    }

    public HostState observe() {
        return host.observe(null);
    }

    /** The picocli command object the words name, its fields filled. */
    public Object parse(String... words) {
        Class<?> top = commands.get(words[0]);
        if (top == null) throw new IllegalArgumentException("no command " + words[0]);
        CommandLine.ParseResult r = Converters.register(new CommandLine(top)).parseArgs(Arrays.copyOfRange(words, 1, words.length));
        while (r.hasSubcommand()) r = r.subcommand();
        return r.commandSpec().userObject();
    }

    /** Plans a command line against the node as it is now. */
    public Plan plan(String... words) {
        return ((PlanningCommand) parse(words)).plan(context(Tokenizer.quote(List.of(words))));
    }

    /** {@link #plan} of a line of words separated by blanks. */
    public Plan planLine(String line) {
        return plan(words(line));
    }

    /** Plans and applies through the engine; returns the engine's exit code. */
    public int run(String... words) {
        return submit(plan(words), null);
    }

    /** Runs a line as the shell would; exit code 2 with the message in err for bad input. */
    public int runLine(String line) {
        try {
            Object command = parse(words(line));
            if (command instanceof QueryCommand q) {
                lastReport = q.run(context());
                out.append(lastReport.text());
                return lastReport.exitCode();
            }
            Plan plan = ((PlanningCommand) command).plan(context(line));
            return plan.isEmpty() ? 0 : submit(plan, null);
        } catch (UsageException e) {
            err.append(e.getMessage()).append('\n');
            return 2;
        } catch (CommandLine.ParameterException e) {
            err.append(Converters.message(e)).append('\n');
            return 2;
        }
    }

    private static String[] words(String line) {
        return line.trim().split("\\s+");
    }

    /** Applies a plan with the engine, making the k-th command fail when failAt is set. */
    public int submit(Plan plan, Integer failAt) {
        GlobalOptions o = new GlobalOptions();
        o.root = root;
        o.lockWait = 5;
        Node node = new Node(host.runner(), root, host::observe, host.runtime());
        if (failAt != null) {
            FailureInjectingRunner fail = FailureInjectingRunner.failingNth(failAt, host.runner());
            node = fail.on(new Node(fail, root, host::observe, host.runtime()));
        }
        RenderedEngine engine = RenderedEngine.of(o.engineSettings(), node, (r, t) -> null, new PrintWriter(out, true), new PrintWriter(err, true));
        return engine.submit(plan, plan.command());
    }

    /** Ping from the node (fromCt null) or a container's namespace. */
    public boolean ping(String fromCt, String target) {
        return lab.ping(fromCt == null ? lab.nodeNetns() : lab.ctNetns(fromCt), target);
    }

    /** The route the node's kernel picks, e.g. "10.0.0.1 dev eth1 src 10.0.0.2 …". */
    public String routeGet(String target) {
        return lab.run(lab.nodeNetns(), "ip", "route", "get", target).trim();
    }

    public long counter(String netns, String dev, String name) {
        return Long.parseLong(lab.run(netns, "cat", "/sys/class/net/" + dev + "/statistics/" + name).trim());
    }

    /** ICMP echo requests a namespace has answered so far (per-namespace /proc/net/snmp). */
    public long echoesAnswered(String netns) {
        String[] lines = lab.run(netns, "cat", "/proc/net/snmp").split("\n");
        for (int i = 0; i + 1 < lines.length; i++) {
            if (!lines[i].startsWith("Icmp:") || !lines[i + 1].startsWith("Icmp:")) continue;
            List<String> keys = List.of(lines[i].trim().split("\\s+"));
            String[] values = lines[i + 1].trim().split("\\s+");
            return Long.parseLong(values[keys.indexOf("InEchos")]);
        }
        throw new AssertionError("no Icmp counters in " + netns);
    }

    /**
     * The state as an admin compares it: links (kind, master, up, MAC, bridge settings),
     * addresses and routes, per namespace, plus the watched files; ifindexes, order and
     * IPv6 link-local left out.
     */
    public String fingerprint() {
        StringBuilder sb = new StringBuilder(StateFingerprint.of(observe()));
        for (String path : watched) {
            Path file = root.resolve(path.substring(1));
            try {
                sb.append("file ").append(path).append(": ").append(Files.isRegularFile(file) ? Files.readString(file) : "absent").append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sb.toString();
    }

    public CommandContext context() {
        return context("");
    }

    /** A context for planning {@code commandLine}, as the shell makes one. */
    public CommandContext context(String commandLine) {
        return new HostContext(host, new PrintWriter(err, true), Optional.empty(), commandLine);
    }

    /** The plan's apply actions, one rendered line each. */
    public static String steps(Plan p) {
        return p.changes().stream().flatMap(c -> c.apply().stream()).map(a -> a.render()).collect(Collectors.joining("\n"));
    }
}
