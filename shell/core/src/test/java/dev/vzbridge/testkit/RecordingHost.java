package dev.vzbridge.testkit;

import dev.vzbridge.api.command.FileView;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Link;
import dev.vzbridge.api.tools.NetTools;
import dev.vzbridge.exec.CommandRunner;
import dev.vzbridge.exec.ExecResult;
import dev.vzbridge.host.DadAnswer;
import dev.vzbridge.host.HostAccess;
import dev.vzbridge.host.HostRuntime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A HostAccess for shell tests that never touches the machine: it serves a fixed
 * {@link HostState}, counts observations, and records (without running) every
 * argv sent to its runner. Tools, runtime and files are not available.
 */
public final class RecordingHost implements HostAccess {
    private volatile HostState state;
    private final AtomicInteger observations = new AtomicInteger();
    private final List<List<String>> commands = new ArrayList<>();
    private boolean closed;

    public RecordingHost(HostState state) {
        this.state = state;
    }

    /** A node with lo, eth0, eth1 and a bridge br0. */
    public static RecordingHost typicalNode() {
        return new RecordingHost(new HostState(List.of(
            link("lo", 1, "loopback"), link("eth0", 2, "ether"), link("eth1", 3, "ether"), link("br0", 4, "bridge")),
            List.of(), List.of(), List.of()));
    }

    public static Link link(String name, int index, String kind) {
        return new Link(name, index, kind, null, true, "02:00:00:00:00:0" + index, null, null);
    }

    public void setState(HostState state) {
        this.state = state;
    }

    public int observations() {
        return observations.get();
    }

    /** Every argv the shell asked this host to run. */
    public synchronized List<List<String>> commands() {
        return List.copyOf(commands);
    }

    public boolean closed() {
        return closed;
    }

    @Override
    public CommandRunner runner() {
        return (argv, stdin, timeout) -> {
            synchronized (this) {
                commands.add(List.copyOf(argv));
            }
            return new ExecResult(argv, 0, "", "", false);
        };
    }

    @Override
    public NetTools tools() {
        throw new UnsupportedOperationException("no tools in a recording host");
    }

    @Override
    public HostRuntime runtime() {
        throw new UnsupportedOperationException("no container runtime in a recording host");
    }

    @Override
    public HostState observe(Collection<String> containers) {
        observations.incrementAndGet();
        return state;
    }

    @Override
    public FileView files() {
        throw new UnsupportedOperationException("no files in a recording host");
    }

    @Override
    public Path root() {
        return Path.of("/nonexistent-root");
    }

    @Override
    public DadAnswer probeAddress(String dev, String ip) {
        return DadAnswer.free();
    }

    @Override
    public Optional<String> banner() {
        return Optional.empty();
    }

    @Override
    public void close() {
        closed = true;
    }

}
