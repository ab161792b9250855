package dev.vzbridge.bridge;

import dev.vzbridge.shell.RenderedEngine;
import dev.vzbridge.api.command.CommandContext;
import dev.vzbridge.shell.HostContext;
import dev.vzbridge.shell.Tokenizer;
import dev.vzbridge.testkit.StateFingerprint;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.api.tools.NetTools;
import dev.vzbridge.engine.Node;
import dev.vzbridge.exec.CommandRunner;
import dev.vzbridge.testkit.FailureInjectingRunner;
import dev.vzbridge.api.tools.OpenVz;
import dev.vzbridge.host.HostRuntime;
import dev.vzbridge.host.Platform;
import dev.vzbridge.host.NetnsRuntime;
import dev.vzbridge.host.RootFileView;
import dev.vzbridge.host.VzctlRuntime;
import dev.vzbridge.lab.LabVzctlEmulator;
import dev.vzbridge.host.NodeAccess;
import dev.vzbridge.lab.Lab;
import dev.vzbridge.shell.GlobalOptions;
import dev.vzbridge.tools.ToolFlavours;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The lab's node as the shell sees it: planners get a context, plans go through the real engine. */
final class LabNode {
    final Lab lab;
    final Path root;
    final String flavour;
    final NodeAccess host;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    LabNode(Lab lab, Path root, String flavour) {
        this(lab, root, flavour, "netns");
    }

    /**
     * runtime "netns", or "vzctl" / "vzctl7" through the lab's vzctl emulator as legacy
     * vzctl / vzctl 7 (containers are the lab's namespaces).
     */
    LabNode(Lab lab, Path root, String flavour, String runtime) {
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
    }

    HostState observe() {
        return host.observe(null);
    }

    /** Plans a command line against the node as it is now. */
    Plan plan(String... words) {
        return Commands.planning(words).plan(context(Tokenizer.quote(List.of(words))));
    }

    /** Plans and applies through the engine; returns the engine's exit code. */
    int run(String... words) {
        return submit(plan(words), null);
    }

    /** Applies a plan with the engine, making the k-th command fail when k > 0. */
    int submit(Plan plan, Integer failAt) {
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

    boolean ping(String from, String target) {
        return lab.ping(from == null ? lab.nodeNetns() : lab.ctNetns(from), target);
    }

    /**
     * The state as an admin compares it: links (kind, master, up, MAC, bridge
     * settings), addresses and routes, per namespace; ifindexes, order and IPv6
     * link-local left out.
     */
    String fingerprint() {
        return StateFingerprint.of(observe());
    }

    CommandContext context() {
        return context("");
    }

    /** A context for planning {@code commandLine}, as the shell makes one. */
    CommandContext context(String commandLine) {
        return new HostContext(host, new PrintWriter(err, true), Optional.empty(), commandLine);
    }

    static String steps(Plan p) {
        return p.changes().stream().flatMap(c -> c.apply().stream()).map(a -> a.render()).collect(Collectors.joining("\n"));
    }
}
