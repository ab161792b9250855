package dev.vzbridge.testkit;

import dev.vzbridge.api.command.FileView;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Link;
import dev.vzbridge.api.plan.Step;
import dev.vzbridge.api.recipes.FakeTools;
import dev.vzbridge.api.tools.NetTools;
import dev.vzbridge.exec.CommandRunner;
import dev.vzbridge.exec.ExecResult;
import dev.vzbridge.host.DadAnswer;
import dev.vzbridge.host.HostAccess;
import dev.vzbridge.host.HostRuntime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A HostAccess for shell tests that never touches the machine: it serves a fixed
 * {@link HostState}, counts observations, and records (without running) every
 * argv sent to its runner, the duplicate-address probe's arping included. Files
 * are not available; tools and a container runtime only when {@link #simulated}.
 */
public final class RecordingHost implements HostAccess {
    private volatile HostState state;
    private final NetTools tools;
    private final HostRuntime runtime;
    private final AtomicInteger observations = new AtomicInteger();
    private final List<List<String>> commands = new ArrayList<>();
    private boolean closed;

    public RecordingHost(HostState state) {
        this(state, false);
    }

    private RecordingHost(HostState state, boolean simulated) {
        this.state = state;
        this.tools = simulated ? new FakeTools("node") : null;
        this.runtime = simulated ? simulatedRuntime() : null;
    }

    /** With the API's simulated intents and a runtime whose containers are the state's, all running. */
    public static RecordingHost simulated(HostState state) {
        return new RecordingHost(state, true);
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
        if (tools == null) throw new UnsupportedOperationException("no tools in a recording host");
        return tools;
    }

    @Override
    public HostRuntime runtime() {
        if (runtime == null) throw new UnsupportedOperationException("no container runtime in a recording host");
        return runtime;
    }

    private HostRuntime simulatedRuntime() {
        FakeTools.Runtime rt = new FakeTools.Runtime();
        return new HostRuntime() {
            public Map<String, Boolean> status() {
                Map<String, Boolean> out = new LinkedHashMap<>();
                state.containers().forEach(c -> out.put(c.id(), true));
                return out;
            }

            public List<String> inside(String ctid, List<String> argv) {
                List<String> out = new ArrayList<>(List.of("in", ctid));
                out.addAll(argv);
                return out;
            }

            public String name() {
                return rt.name();
            }

            public String hostIfname(String ctid, String ifname) {
                return rt.hostIfname(ctid, ifname);
            }

            public Step addVeth(String ctid, String ifname, String bridge, String mac) {
                return rt.addVeth(ctid, ifname, bridge, mac);
            }

            public Step removeVeth(String ctid, String ifname, String bridge, String mac) {
                return rt.removeVeth(ctid, ifname, bridge, mac);
            }

            public NetTools inside(String ctid) {
                return rt.inside(ctid);
            }
        };
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
    public DadAnswer probeAddress(String dev, String ip, java.time.Duration window) {
        runner().run("arping", "-D", "-I", dev, ip);
        return DadAnswer.free();
    }

    /** A look at the state that is not counted as an observation. */
    @Override
    public boolean linkExists(String dev) {
        return state.link(dev).isPresent();
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
