package dev.vzbridge.bridge;

import dev.vzbridge.api.command.PendingMark;
import dev.vzbridge.api.host.Address;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Link;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What 'bridge list' and 'bridge show' report about one bridge (also their JSON);
 * pending: planned in the open transaction and not (or not so) on the node yet.
 */
public record BridgeView(String name, String mac, boolean up, Boolean stp, Integer forwardDelay,
                         List<Port> ports, List<String> addresses, boolean pending) {
    public record Port(String name, String state, String container, boolean pending) {
    }

    /** Marks this view, and each port the live view lacks, as pending. */
    BridgeView pendingAgainst(Optional<BridgeView> live) {
        List<Port> marked = ports.stream().map(p -> live.map(l -> l.ports().contains(p)).orElse(false) ? p
            : new Port(p.name(), p.state(), p.container(), true)).toList();
        return new BridgeView(name, mac, up, stp, forwardDelay, marked, addresses, true);
    }

    static BridgeView of(HostState host, Link br, Map<String, String> ctPorts) {
        List<Port> ports = host.portsOf(br.name()).stream()
            .map(p -> new Port(p.name(), p.portState(), ctPorts.get(p.name()), false)).toList();
        List<String> addresses = host.addressesOf(br.name()).stream().map(Address::cidr).toList();
        return new BridgeView(br.name(), br.mac(), br.up(), br.bridge() == null ? null : br.bridge().stp(),
            br.bridge() == null ? null : br.bridge().forwardDelay(), ports, addresses, false);
    }

    String portsText() {
        if (ports.isEmpty()) return "-";
        return String.join(",", ports.stream().map(p -> PendingMark.marked(p.name(), p.pending()) + (p.state() == null ? "" : "(" + p.state() + ")")).toList());
    }

    String stpText() {
        return stp == null ? "-" : stp ? "on" : "off";
    }

    String addressesText() {
        return addresses.isEmpty() ? "-" : String.join(",", addresses);
    }
}
