package dev.vzbridge.api.command;

import dev.vzbridge.api.host.Container;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Link;

import java.util.Collection;
import java.util.regex.Pattern;

/** Ready-made live completion sources. */
public final class Candidates {
    private Candidates() {
    }

    /** Every interface on the node except loopback. */
    public static final class Links extends LiveCandidates {
        protected Collection<String> candidates(HostState h) {
            return h.links().stream().filter(l -> !l.isLoopback()).map(Link::name).sorted().toList();
        }
    }

    /** Bridges on the node. */
    public static final class Bridges extends LiveCandidates {
        protected Collection<String> candidates(HostState h) {
            return h.bridges().stream().map(Link::name).sorted().toList();
        }
    }

    /**
     * Interfaces that could be a bridge's uplink: not bridges, loopback, bridge ports
     * or containers' host ends (vethCTID.N; other veths are uplinks of nodes that are
     * namespaces themselves, like the lab's).
     */
    public static final class Nics extends LiveCandidates {
        private static final Pattern CONTAINER_END = Pattern.compile("veth\\d+\\.\\d+");

        protected Collection<String> candidates(HostState h) {
            return h.links().stream().filter(l -> !l.isLoopback() && !l.isBridge() && l.master() == null)
                .filter(l -> !(l.isVeth() && CONTAINER_END.matcher(l.name()).matches()))
                .map(Link::name).sorted().toList();
        }
    }

    /** Container IDs known to the runtime. */
    public static final class Containers extends LiveCandidates {
        protected Collection<String> candidates(HostState h) {
            return h.containers().stream().map(Container::id).sorted().toList();
        }
    }
}
