package dev.vzbridge.dualnic;

import dev.vzbridge.api.command.LiveCandidates;
import dev.vzbridge.api.host.Address;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Route;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** Completion values for setup's options, read from the node on every TAB. */
final class LiveValues {
    private LiveValues() {
    }

    /** The node's own addresses (the usual --local-address is the one the node has now). */
    public static final class NodeAddresses extends LiveCandidates {
        protected Collection<String> candidates(HostState h) {
            return h.addresses().stream().filter(a -> !a.isLinkLocal()).map(Address::cidr).distinct().sorted().toList();
        }
    }

    /** Gateways of the node's routes, default route first. */
    public static final class Gateways extends LiveCandidates {
        protected Collection<String> candidates(HostState h) {
            List<String> out = new ArrayList<>();
            h.routes().stream().filter(Route::isDefault).map(Route::via).filter(Objects::nonNull).forEach(out::add);
            h.routes().stream().map(Route::via).filter(Objects::nonNull).filter(v -> !out.contains(v)).forEach(out::add);
            return out;
        }
    }

    /** Values for --stp. */
    public static final class OnOff extends ArrayList<String> {
        public OnOff() {
            super(List.of("on", "off"));
        }
    }
}
