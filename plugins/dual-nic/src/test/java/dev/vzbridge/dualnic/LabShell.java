package dev.vzbridge.dualnic;

import dev.vzbridge.shell.RenderedEngine;
import dev.vzbridge.api.command.CommandContext;
import dev.vzbridge.shell.HostContext;
import dev.vzbridge.testkit.StateFingerprint;
import dev.vzbridge.api.command.CommandProvider;
import dev.vzbridge.api.command.PlanningCommand;
import dev.vzbridge.api.command.QueryCommand;
import dev.vzbridge.api.command.Report;
import dev.vzbridge.api.command.UsageException;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.api.recipes.Converters;
import dev.vzbridge.api.tools.NetTools;
import dev.vzbridge.bridge.BridgePlugin;
import dev.vzbridge.engine.Node;
import dev.vzbridge.exec.CommandRunner;
import dev.vzbridge.testkit.FailureInjectingRunner;
import dev.vzbridge.host.NetnsRuntime;
import dev.vzbridge.host.NodeAccess;
import dev.vzbridge.lab.Lab;
import dev.vzbridge.shell.GlobalOptions;
import dev.vzbridge.tools.ToolFlavours;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lab's node with both plugins' commands loaded from their providers: a
 * command line is parsed with picocli, planned against the node as observed now
 * and applied by the real engine (journal, verify, rollback), as the shell does.
 */
final class LabShell {
    final Lab lab;
    final Path root;
    final NodeAccess host;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    private final Map<String, Class<?>> commands = new LinkedHashMap<>();
    Report lastReport;

    LabShell(Lab lab, Path root, String flavour) {
        this.lab = lab;
        this.root = root;
        CommandRunner runner = lab.nodeRunner();
        NetTools tools = ToolFlavours.select(flavour, runner);
        this.host = new NodeAccess(runner, tools, new NetnsRuntime(runner, lab.ctNetnsPattern(), tools), root, null, null);
        for (CommandProvider p : List.<CommandProvider>of(new BridgePlugin(), new DualNicCommands()))
            for (Class<?> c : p.commands()) commands.put(c.getAnnotation(CommandLine.Command.class).name(), c);
    }

    Object parse(String line) {
        String[] words = line.trim().split("\\s+");
        Class<?> top = commands.get(words[0]);
        if (top == null) throw new IllegalArgumentException("no command " + words[0]);
        CommandLine.ParseResult r = Converters.register(new CommandLine(top)).parseArgs(Arrays.copyOfRange(words, 1, words.length));
        while (r.hasSubcommand()) r = r.subcommand();
        return r.commandSpec().userObject();
    }

    Plan plan(String line) {
        return ((PlanningCommand) parse(line)).plan(context(line));
    }

    /** Runs a line as the shell would; exit code 2 with the message in err for bad input. */
    int run(String line) {
        try {
            Object command = parse(line);
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

    /** Applies a plan with the engine; when failAt is set, the failAt-th command fails. */
    int submit(Plan plan, Integer failAt) {
        GlobalOptions o = new GlobalOptions();
        o.root = root;
        o.lockWait = 5;
        Node node = new Node(host.runner(), root, host::observe, host.runtime());
        if (failAt != null) {
            FailureInjectingRunner fail = FailureInjectingRunner.failingNth(failAt, host.runner());
            node = fail.on(new Node(fail, root, host::observe, host.runtime()));
        }
        return RenderedEngine.of(o.engineSettings(), node, (r, t) -> null, new PrintWriter(out, true), new PrintWriter(err, true)).submit(plan, plan.command());
    }

    boolean ping(String fromCt, String target) {
        return lab.ping(fromCt == null ? lab.nodeNetns() : lab.ctNetns(fromCt), target);
    }

    /** The route the node's kernel picks, e.g. "10.0.0.1 dev eth1 src 10.0.0.2 …". */
    String routeGet(String target) {
        return lab.run(lab.nodeNetns(), "ip", "route", "get", target).trim();
    }

    long counter(String netns, String dev, String name) {
        return Long.parseLong(lab.run(netns, "cat", "/sys/class/net/" + dev + "/statistics/" + name).trim());
    }

    /** ICMP echo requests a namespace has answered so far (per-namespace /proc/net/snmp). */
    long echoesAnswered(String netns) {
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
     * The state as an admin compares it: per namespace links (kind, master, up, MAC,
     * bridge settings), addresses and routes, plus the setup record; ifindexes left out.
     */
    String fingerprint() {
        StringBuilder sb = new StringBuilder(StateFingerprint.of(host.observe(null)));
        Path record = root.resolve(SetupRecord.PATH.substring(1));
        try {
            sb.append("record ").append(Files.isRegularFile(record) ? Files.readString(record) : "absent").append('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }

    CommandContext context() {
        return context("");
    }

    /** A context for planning {@code commandLine}, as the shell makes one. */
    CommandContext context(String commandLine) {
        return new HostContext(host, new PrintWriter(err, true), Optional.empty(), commandLine);
    }
}
