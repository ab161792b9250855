package dev.vzbridge.bridge;

import dev.vzbridge.api.command.FileView;
import dev.vzbridge.api.host.HostState;
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

/**
 * A node for shell-level tests that never touches the machine: a fixed state, the
 * simulated intents, and a runner that records (without running) every command,
 * the duplicate-address probe included.
 */
final class RecordingNode implements HostAccess {
    private final HostState state;
    final List<List<String>> commands = new ArrayList<>();
    int observations;

    RecordingNode(HostState state) {
        this.state = state;
    }

    @Override
    public CommandRunner runner() {
        return (argv, stdin, timeout) -> {
            commands.add(List.copyOf(argv));
            return new ExecResult(argv, 0, "", "", false);
        };
    }

    @Override
    public NetTools tools() {
        return new FakeTools("node");
    }

    @Override
    public HostRuntime runtime() {
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
        observations++;
        return state;
    }

    @Override
    public FileView files() {
        throw new UnsupportedOperationException("no files here");
    }

    @Override
    public Path root() {
        return Path.of("/nonexistent-root");
    }

    @Override
    public DadAnswer probeAddress(String dev, String ip) {
        runner().run("arping", "-D", "-I", dev, ip);
        return DadAnswer.free();
    }

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
    }
}
