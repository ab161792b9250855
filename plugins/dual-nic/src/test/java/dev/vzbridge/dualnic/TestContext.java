package dev.vzbridge.dualnic;

import dev.vzbridge.api.command.CommandContext;
import dev.vzbridge.api.command.FileView;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.tools.ContainerRuntime;
import dev.vzbridge.api.tools.NetTools;
import dev.vzbridge.exec.CommandRunner;
import dev.vzbridge.host.NetnsRuntime;
import dev.vzbridge.tools.ToolFlavours;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A command context over a hand-built state with the real iproute2 intents and
 * netns runtime, whose runner refuses to run anything: planning must not touch
 * the node. Counts host observations and address probes.
 */
final class TestContext implements CommandContext {
    private final HostState host;
    private final NetTools tools = ToolFlavours.select("iproute2", null);
    final Map<String, byte[]> files = new HashMap<>();
    final Map<String, Integer> modes = new HashMap<>();
    final Map<String, String> dadOwners = new HashMap<>();
    final List<String> dadProbes = new ArrayList<>();
    final List<String> commandsRun = new ArrayList<>();
    int observations;
    String ssh;
    final StringWriter err = new StringWriter();

    TestContext(HostState host) {
        this.host = host;
    }

    private final CommandRunner refusing = (argv, stdin, timeout) -> {
        commandsRun.add(String.join(" ", argv));
        throw new AssertionError("planning ran a host command: " + argv);
    };

    /** Where the node's files really are (like --root): messages name them there. */
    private String shownUnder = "";

    TestContext withFilesUnder(String dir) {
        shownUnder = dir;
        return this;
    }

    TestContext withFile(String path, byte[] content) {
        files.put(path, content);
        modes.put(path, 0644);
        return this;
    }

    @Override
    public HostState host() {
        observations++;
        return host;
    }

    /** The state the last planner said its plan leads to. */
    HostState expected;

    @Override
    public void expect(HostState after) {
        expected = after;
    }

    @Override
    public NetTools tools() {
        return tools;
    }

    @Override
    public ContainerRuntime containers() {
        return new NetnsRuntime(refusing, "vzbtest-ct{id}", tools);
    }

    @Override
    public FileView files() {
        return new FileView() {
            public Optional<byte[]> read(String path) {
                return Optional.ofNullable(files.get(path)).map(byte[]::clone);
            }

            public Optional<Integer> mode(String path) {
                return Optional.ofNullable(modes.get(path));
            }

            public boolean exists(String path) {
                return files.containsKey(path);
            }

            public String shown(String path) {
                return shownUnder + path;
            }
        };
    }

    @Override
    public Optional<String> duplicateAddressOwner(String dev, String ip) {
        dadProbes.add(dev + " " + ip);
        return Optional.ofNullable(dadOwners.get(ip));
    }

    @Override
    public String diff(String path, byte[] proposed) {
        return "";
    }

    @Override
    public Optional<String> sshConnection() {
        return Optional.ofNullable(ssh);
    }

    @Override
    public PrintWriter err() {
        return new PrintWriter(err, true);
    }

    @Override
    public String version() {
        return "test";
    }
}
