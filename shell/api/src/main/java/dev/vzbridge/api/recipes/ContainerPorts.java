package dev.vzbridge.api.recipes;

import dev.vzbridge.api.host.Container;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Link;
import dev.vzbridge.api.tools.ContainerRuntime;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which node interfaces are the host ends of container interfaces. */
public final class ContainerPorts {
    /** vzctl's naming, also recognised for containers that are stopped now. */
    private static final Pattern VZ_VETH = Pattern.compile("veth(\\d+)\\.(\\d+)");

    private ContainerPorts() {
    }

    /** Whether a node interface is named like a container's host end (vethCTID.N). */
    public static boolean isContainerEnd(String name) {
        return VZ_VETH.matcher(name).matches();
    }

    /** Host end name → CT ID, for every node link that belongs to a container. */
    public static Map<String, String> of(HostState host, ContainerRuntime runtime) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Container c : host.containers()) {
            for (Link l : c.links()) {
                if (l.isLoopback()) continue;
                String hostEnd = hostEnd(runtime, c.id(), l.name());
                if (hostEnd != null && host.link(hostEnd).isPresent()) out.put(hostEnd, c.id());
            }
        }
        for (Link l : host.links()) {
            Matcher m = VZ_VETH.matcher(l.name());
            if (m.matches() && !out.containsKey(l.name())) out.put(l.name(), m.group(1));
        }
        return out;
    }

    /** The host end's name, or null for an interface the runtime did not make (venet0). */
    public static String hostEnd(ContainerRuntime runtime, String ctid, String ifname) {
        try {
            return runtime.hostIfname(ctid, ifname);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The CT-side interface name a host end belongs to, when the CT is known. */
    public static String ctIfname(HostState host, ContainerRuntime runtime, String ctid, String hostEnd) {
        return host.container(ctid).flatMap(c -> c.links().stream()
                .filter(l -> !l.isLoopback() && hostEnd.equals(hostEnd(runtime, ctid, l.name())))
                .map(Link::name).findFirst())
            .orElse(null);
    }
}
