package dev.vzbridge.engine;

import dev.vzbridge.api.host.HostState;
import dev.vzbridge.exec.CommandRunner;
import dev.vzbridge.exec.ProcessRunner;
import dev.vzbridge.host.HostAccess;
import dev.vzbridge.host.HostRuntime;
import dev.vzbridge.host.NodeAddress;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * What the engine needs of the node: its address (journalled), the runner that
 * reaches it (which may be decorated, e.g. to record or fail in tests), the state
 * probe (null when it cannot observe: rollback then stays unverified), the
 * container runtime (for pings from inside a container; may be null) and how its
 * file actions are wrapped (as they are, unless a test fails chosen ones).
 */
public record Node(CommandRunner runner, NodeAddress address, Probe probe, HostRuntime runtime,
                   FileActions.Wrapper files) {
    public Node {
        if (files == null) files = FileActions.Wrapper.NONE;
    }

    public Node(CommandRunner runner, NodeAddress address, Probe probe, HostRuntime runtime) {
        this(runner, address, probe, runtime, FileActions.Wrapper.NONE);
    }

    /** One observation of the node and the given containers. */
    @FunctionalInterface
    public interface Probe {
        HostState observe(Collection<String> containers);
    }

    /** A node on this machine with files under root. */
    public Node(CommandRunner runner, Path root, Probe probe, HostRuntime runtime) {
        this(runner, NodeAddress.local(root), probe, runtime);
    }

    public static Node of(HostAccess host) {
        return new Node(host.runner(), host.address(), host::observe, host.runtime());
    }

    /** Reaches the node at an address again, without observing it (when opening it failed). */
    public static Node blind(NodeAddress address) {
        return new Node(address.runner(new ProcessRunner()), address, null, null);
    }

    /** The same node with its file actions wrapped by {@code files}. */
    public Node withFiles(FileActions.Wrapper files) {
        return new Node(runner, address, probe, runtime, files);
    }

    public Path root() {
        return address.root();
    }

    public Path underRoot(String nodePath) {
        return address.underRoot(nodePath);
    }

    /** The prefix that reaches the node, e.g. [ip, netns, exec, NS]; empty on this machine. */
    public List<String> prefix() {
        return address.prefix();
    }
}
