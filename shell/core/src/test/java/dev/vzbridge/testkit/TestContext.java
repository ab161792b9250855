package dev.vzbridge.testkit;

import dev.vzbridge.api.command.CommandContext;
import dev.vzbridge.api.command.FileView;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.recipes.FakeTools;
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
 * A command context for planning tests over a hand-built state: counts looks at the
 * host, records duplicate-address probes (answered from {@link #owners}), serves node
 * files from a map, and keeps the state the planner said its plan leads to. Either the
 * simulated intents ({@link #simulated}) or the real iproute2 intents and netns runtime
 * whose runner refuses to run anything ({@link #iproute2}): planning must not touch the node.
 */
public final class TestContext implements CommandContext {
    private final HostState host;
    private final NetTools tools;
    private final ContainerRuntime containers;
    /** "DEV IP" of every duplicate-address probe. */
    public final List<String> probes = new ArrayList<>();
    /** IP → MAC of another owner, for the probe to answer. */
    public final Map<String, String> owners = new HashMap<>();
    /** Host commands the planner tried to run (the iproute2 context refuses them). */
    public final List<String> commandsRun = new ArrayList<>();
    public final Map<String, byte[]> files = new HashMap<>();
    public final Map<String, Integer> modes = new HashMap<>();
    public int observations;
    public String ssh;
    public String commandLine = "";
    /** The state the last planner said its plan leads to. */
    public HostState expected;
    public final StringWriter err = new StringWriter();
    /** Where the node's files really are (like --root): messages name them there. */
    private String shownUnder = "";

    private TestContext(HostState host, NetTools tools, java.util.function.Function<CommandRunner, ContainerRuntime> runtime) {
        this.host = host;
        this.tools = tools;
        CommandRunner refusing = (argv, stdin, timeout) -> {
            commandsRun.add(String.join(" ", argv));
            throw new AssertionError("planning ran a host command: " + argv);
        };
        this.containers = runtime.apply(refusing);
    }

    /** The API's simulated intents and container runtime. */
    public static TestContext simulated(HostState host) {
        return new TestContext(host, new FakeTools("node"), refusing -> new FakeTools.Runtime());
    }

    /** The real iproute2 intents and a netns runtime whose runner refuses to run anything. */
    public static TestContext iproute2(HostState host) {
        NetTools tools = ToolFlavours.select("iproute2", null);
        return new TestContext(host, tools, refusing -> new NetnsRuntime(refusing, "vzbtest-ct{id}", tools));
    }

    public TestContext withFilesUnder(String dir) {
        shownUnder = dir;
        return this;
    }

    public TestContext withFile(String path, byte[] content) {
        files.put(path, content);
        modes.put(path, 0644);
        return this;
    }

    @Override
    public HostState host() {
        observations++;
        return host;
    }

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
        return containers;
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
        probes.add(dev + " " + ip);
        return Optional.ofNullable(owners.get(ip));
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
    public String commandLine() {
        return commandLine;
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
