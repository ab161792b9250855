package dev.vzbridge.engine;

import dev.vzbridge.api.host.HostState;
import dev.vzbridge.exec.CommandRunner;
import dev.vzbridge.exec.PrefixRunner;
import dev.vzbridge.exec.ProcessRunner;
import dev.vzbridge.host.HostAccess;
import dev.vzbridge.host.HostRuntime;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * What the engine needs of the node: the runner that reaches it, the file root,
 * the state probe (null when it cannot observe: rollback then stays unverified)
 * and the container runtime (for pings from inside a container; may be null).
 */
public record Node(CommandRunner runner, Path root, Probe probe, HostRuntime runtime) {
    /** One observation of the node and the given containers. */
    @FunctionalInterface
    public interface Probe {
        HostState observe(Collection<String> containers);
    }

    public static Node of(HostAccess host, Path root) {
        return new Node(host.runner(), root, host::observe, host.runtime());
    }

    /** Reaches the node again from a journal header: plain, or through its recorded prefix. */
    public static CommandRunner runnerFor(List<String> prefix) {
        CommandRunner plain = new ProcessRunner();
        return prefix == null || prefix.isEmpty() ? plain : new PrefixRunner(prefix, plain);
    }

    public Path underRoot(String nodePath) {
        String rel = nodePath.startsWith("/") ? nodePath.substring(1) : nodePath;
        return root.resolve(rel);
    }

    public List<String> prefix() {
        return PrefixRunner.prefixOf(runner);
    }
}
