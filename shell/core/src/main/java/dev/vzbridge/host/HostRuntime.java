package dev.vzbridge.host;

import dev.vzbridge.api.tools.ContainerRuntime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The shell's side of a container runtime: also lists containers and runs commands inside. */
public interface HostRuntime extends ContainerRuntime {
    /** Container IDs known to the runtime, running or not. */
    List<String> list();

    boolean running(String ctid);

    /** argv that runs {@code argv} inside the container, e.g. ip netns exec ct101 … or vzctl exec2 101 …. */
    List<String> inside(String ctid, List<String> argv);

    /** Every known container → running; runtimes override this to ask once for all. */
    default Map<String, Boolean> status() {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (String id : list()) out.put(id, running(id));
        return out;
    }
}
