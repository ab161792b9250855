package dev.vzbridge.host;

import dev.vzbridge.api.command.UsageException;
import dev.vzbridge.exec.CommandRunner;
import dev.vzbridge.exec.PrefixRunner;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the node is and how to reach it, decided once at start: the file root, the
 * network namespace that is the node (null: this machine's own), the container
 * runtime, the containers' namespace pattern (netns runtime), the tool flavour and
 * the OpenVZ generation (auto: detected from the node).
 * Journalled as it is, so the watchdog and 'recover' reach the same node again.
 */
public record NodeAddress(Path root, String netns, String runtime, String ctNetns, String tools, String openvz) {
    public static final String DEFAULT_CT_NETNS = "ct{id}";
    /** none: vzctl was not asked for by name and is not installed; commands without containers still work. */
    private static final List<String> RUNTIMES = List.of("vzctl", "netns", "none");
    private static final List<String> FLAVOURS = List.of("auto", "iproute2", "legacy");

    /** @throws UsageException naming the option that is wrong */
    public NodeAddress {
        openvz = Platform.checkChoice(openvz);
        if (root == null) root = Path.of("/");
        if (runtime == null) runtime = "vzctl";
        if (tools == null) tools = "auto";
        if (!RUNTIMES.contains(runtime)) throw new UsageException("--runtime must be vzctl or netns, not '" + runtime + "'");
        if (!FLAVOURS.contains(tools)) throw new UsageException("--tools must be auto, iproute2 or legacy, not '" + tools + "'");
        if (ctNetns == null || !ctNetns.contains("{id}")) throw new UsageException("--ct-netns must contain {id}, e.g. ct{id}");
    }

    /** This machine itself, files under root, defaults for the rest. */
    public static NodeAddress local(Path root) {
        return new NodeAddress(root, null, null, DEFAULT_CT_NETNS, null, null);
    }

    /** What every command on the node is prefixed with: [ip, netns, exec, NS], or nothing. */
    public List<String> prefix() {
        return netns == null ? List.of() : List.of("ip", "netns", "exec", netns);
    }

    /** A runner reaching the node through {@code local}. */
    public CommandRunner runner(CommandRunner local) {
        return netns == null ? local : PrefixRunner.inNetns(netns, local);
    }

    /** Resolves a node path such as /etc/vz/vz.conf under the root. */
    public Path underRoot(String nodePath) {
        String rel = nodePath.startsWith("/") ? nodePath.substring(1) : nodePath;
        return root.resolve(rel);
    }
}
