package dev.vzbridge.host;

import dev.vzbridge.api.command.FileView;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.tools.NetTools;
import dev.vzbridge.exec.CommandRunner;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;

/**
 * The node the shell works on: the runner that reaches it (prefixed with
 * {@code ip netns exec} under --netns/--lab), its tool flavour, container
 * runtime, files under --root and the state probe.
 */
public interface HostAccess extends AutoCloseable {
    /** Where the node is and how it is reached (journalled, so other processes reach it again). */
    default NodeAddress address() {
        return NodeAddress.local(root());
    }

    CommandRunner runner();

    NetTools tools();

    HostRuntime runtime();

    /** One observation; looks inside the given containers (all running ones when null). */
    HostState observe(Collection<String> containers);

    /**
     * While on, an observation of all containers reads only those not seen since it was turned on;
     * observing named containers always reads them again (see {@link HostProbe#keepContainerViews}).
     */
    default void keepContainerViews(boolean on) {
    }

    FileView files();

    Path root();

    /**
     * Who else answers for ip on dev's segment (arping -D), waiting {@code window} after the
     * probe went out; safe to call from several threads.
     */
    DadAnswer probeAddress(String dev, String ip, java.time.Duration window);

    /** Whether dev exists on the node now: one small look, not a whole observation. */
    default boolean linkExists(String dev) {
        return observe(java.util.List.of()).link(dev).isPresent();
    }

    /** Text shown at start when this is a lab. */
    Optional<String> banner();

    /** Tears down what was built for this access (the lab), if anything. */
    @Override
    void close();
}
