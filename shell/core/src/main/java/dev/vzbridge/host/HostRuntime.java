package dev.vzbridge.host;

import dev.vzbridge.api.tools.ContainerRuntime;
import dev.vzbridge.api.tools.OpenVz;

import java.util.List;
import java.util.Map;

/** The shell's side of a container runtime: also lists containers and runs commands inside. */
public interface HostRuntime extends ContainerRuntime {
    /** Every known container → running; one question to the runtime for all of them. */
    Map<String, Boolean> status();

    /** Container IDs known to the runtime, running or not. */
    default List<String> list() {
        return List.copyOf(status().keySet());
    }

    default boolean running(String ctid) {
        return Boolean.TRUE.equals(status().get(ctid));
    }

    /** argv that runs {@code argv} inside the container, e.g. ip netns exec ct101 … or vzctl exec2 101 …. */
    List<String> inside(String ctid, List<String> argv);

    /** The OpenVZ generation this node is treated as, and why (show prints it). */
    default Platform platform() {
        return new Platform(OpenVz.LEGACY, "the " + name() + " runtime's default");
    }

    @Override
    default OpenVz openvz() {
        return platform().openvz();
    }
}
