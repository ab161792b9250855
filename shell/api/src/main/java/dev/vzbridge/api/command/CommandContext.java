package dev.vzbridge.api.command;

import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.persist.BootConfig;
import dev.vzbridge.api.tools.ContainerRuntime;
import dev.vzbridge.api.tools.NetTools;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/** Everything a command may look at while planning or reporting. */
public interface CommandContext {
    /** The node as observed just now (one probe per command). */
    HostState host();

    /** Intents for the node, in the selected tool flavour. */
    NetTools tools();

    /** The container runtime (vzctl, or netns in the lab). */
    ContainerRuntime containers();

    /** The node's files, under --root. */
    FileView files();

    /**
     * Duplicate-address detection: who else answers for {@code ip} on the segment
     * of {@code dev} (bounded to about a second). Empty when nobody does.
     * Returns the MAC of the owner.
     */
    Optional<String> duplicateAddressOwner(String dev, String ip);

    /**
     * A unified diff from the file's current content (under --root) to
     * {@code proposed}; empty when they are equal.
     */
    String diff(String path, byte[] proposed);

    /** The SSH connection the admin came in on (SSH_CONNECTION), if any. */
    Optional<String> sshConnection();

    /**
     * A planner tells the shell the state its plan leads to. Inside an open
     * transaction (a batch file, begin … commit) nothing is applied before commit,
     * so the shell lets later commands plan against this state; outside one it is
     * ignored.
     */
    default void expect(HostState after) {
    }

    /** Every loaded plugin's share of the node's boot files (for {@code save}). */
    default List<BootConfig> bootConfigs() {
        return List.of();
    }

    /** For warnings and progress; results go in the Report. */
    PrintWriter err();

    String version();
}
