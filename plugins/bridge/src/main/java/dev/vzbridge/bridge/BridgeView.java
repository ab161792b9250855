package dev.vzbridge.bridge;

import dev.vzbridge.api.host.Address;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Link;

import java.util.List;
import java.util.Map;

/** What 'bridge list' and 'bridge show' report about one bridge (also their JSON). */
public record BridgeView(String name, String mac, boolean up, Boolean stp, Integer forwardDelay,
                         List<Port> ports, List<String> addresses) {
    public record Port(String name, String state, String container) {
    }

    static BridgeView of(HostState host, Link br, Map<String, String> ctPorts) {
        List<Port> ports = host.portsOf(br.name()).stream()
            .map(p -> new Port(p.name(), p.portState(), ctPorts.get(p.name()))).toList();
        List<String> addresses = host.addressesOf(br.name()).stream().map(Address::cidr).toList();
        return new BridgeView(br.name(), br.mac(), br.up(), br.bridge() == null ? null : br.bridge().stp(),
            br.bridge() == null ? null : br.bridge().forwardDelay(), ports, addresses);
    }

    String portsText() {
        if (ports.isEmpty()) return "-";
        return String.join(",", ports.stream().map(p -> p.name() + (p.state() == null ? "" : "(" + p.state() + ")")).toList());
    }

    String stpText() {
        return stp == null ? "-" : stp ? "on" : "off";
    }

    String addressesText() {
        return addresses.isEmpty() ? "-" : String.join(",", addresses);
    }
}
