package dev.vzbridge.dualnic;

import dev.vzbridge.api.command.FileView;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.tools.NetTools;
import dev.vzbridge.exec.CommandRunner;
import dev.vzbridge.exec.ExecResult;
import dev.vzbridge.host.DadAnswer;
import dev.vzbridge.host.HostAccess;
import dev.vzbridge.host.HostRuntime;
import dev.vzbridge.host.NetnsRuntime;
import dev.vzbridge.host.RootFileView;
import dev.vzbridge.tools.ToolFlavours;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A node for shell-level tests: a hand-built state, the real iproute2 intents and
 * files under a scratch root, and a runner that only records what it is asked to
 * run (and runs nothing). Address probes are recorded too.
 */
final class PlannedHost implements HostAccess {
    private final HostState state;
    private final Path root;
    private final NetTools tools = ToolFlavours.select("iproute2", null);
    final List<String> commands = new ArrayList<>();
    final List<String> probes = java.util.Collections.synchronizedList(new ArrayList<>());

    PlannedHost(HostState state, Path root) {
        this.state = state;
        this.root = root;
    }

    @Override
    public CommandRunner runner() {
        return (argv, stdin, timeout) -> {
            synchronized (commands) {
                commands.add(String.join(" ", argv));
            }
            return new ExecResult(argv, 0, "", "", false);
        };
    }

    @Override
    public NetTools tools() {
        return tools;
    }

    @Override
    public HostRuntime runtime() {
        return new NetnsRuntime(runner(), "vzbtest-ct{id}", tools);
    }

    @Override
    public HostState observe(Collection<String> containers) {
        return state;
    }

    @Override
    public FileView files() {
        return new RootFileView(root);
    }

    @Override
    public Path root() {
        return root;
    }

    @Override
    public DadAnswer probeAddress(String dev, String ip, java.time.Duration window) {
        probes.add(dev + " " + ip);
        return DadAnswer.free();
    }

    @Override
    public Optional<String> banner() {
        return Optional.empty();
    }

    @Override
    public void close() {
    }
}
