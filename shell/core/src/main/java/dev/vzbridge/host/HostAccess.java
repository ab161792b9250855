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
    CommandRunner runner();

    NetTools tools();

    HostRuntime runtime();

    /** One observation; looks inside the given containers (all running ones when null). */
    HostState observe(Collection<String> containers);

    FileView files();

    Path root();

    /** MAC of another owner of ip on dev's segment, or empty (arping -D, about a second). */
    Optional<String> duplicateAddressOwner(String dev, String ip);

    /** Text shown at start when this is a lab. */
    Optional<String> banner();

    /** Tears down what was built for this access (the lab), if anything. */
    @Override
    void close();
}
