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

    /**
     * The node as it is now, when {@link #host()} shows what the plans of an open
     * transaction (or a --dry-run batch) will make of it; empty otherwise. Query
     * commands compare the two to mark what is still pending ({@link PendingMark}).
     */
    default Optional<HostState> live() {
        return Optional.empty();
    }

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
     *
     * @throws CommandFailedException when the probe itself could not be made
     */
    Optional<String> duplicateAddressOwner(String dev, String ip);

    /**
     * Duplicate-address detection for the IPv4 addresses a plan claims on a
     * segment: {@code segment} is the link they go on, {@code carriers} the links
     * that carry that segment now while {@code segment} does not exist yet (the NIC
     * a bridge planned earlier in the transaction takes over). An address somebody
     * else answers for is refused ({@link UsageException}), and so is one that could
     * not be probed ({@link CommandFailedException}). A shell may run the probes
     * alongside the others of its transaction and refuse later, but always before
     * anything is applied. This default probes {@code segment}, one address after another.
     */
    default void requireUnused(String segment, List<String> carriers, List<String> ips) {
        for (String ip : ips) {
            Optional<String> owner = duplicateAddressOwner(segment, ip);
            if (owner.isPresent()) throw new UsageException(inUse(ip, segment, owner.get()));
        }
    }

    /** The refusal for an address somebody else answers for. */
    static String inUse(String ip, String segment, String owner) {
        return ip + " is already in use on " + segment + "'s segment (answered by " + owner
            + "); pick another address, or --no-dad to skip this probe";
    }

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

    /**
     * The command being planned as the shell read it, its words quoted back into one line
     * (e.g. {@code bridge create br0 --nic eth0}): the plan's title, and what the journal
     * records. The shell supplies it; commands never rebuild it. Empty in a context made
     * without a command line.
     */
    default String commandLine() {
        return "";
    }

    /** For warnings and progress; results go in the Report. */
    PrintWriter err();

    String version();
}
