package dev.vzbridge.persistence;

import dev.vzbridge.api.command.UsageException;
import dev.vzbridge.api.host.Address;
import dev.vzbridge.api.host.Container;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Link;
import dev.vzbridge.api.host.Route;
import dev.vzbridge.api.net.Cidr;
import dev.vzbridge.api.tools.ContainerRuntime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** What save writes down: the node's bridges and the containers plugged into them, as observed. */
record RunningConfig(List<NodeBridge> bridges, List<CtNet> containers, List<String> notes) {
    private static final Pattern VZCTL_HOST_END = Pattern.compile("veth\\d+\\.\\d+");

    /**
     * A bridge with its NIC ports (never container veths), first IPv4 address, gateway
     * and settings; nicMac is the first NIC's MAC (null without one).
     */
    record NodeBridge(String name, List<String> nics, Cidr address, String gateway, boolean stp, int delay, String mac,
                      String nicMac) {
    }

    /** One bridged veth of a container: the name inside, the host end, both MACs, its addresses. */
    record CtIface(String ifname, String hostIfname, String bridge, String mac, String hostMac, List<Cidr> addresses) {
    }

    /**
     * @param gateway    the CT's IPv4 default gateway, or null
     * @param hostRoutes CT addresses the node reaches through a host route {@code IP dev BR scope link}
     */
    record CtNet(String id, List<CtIface> ifaces, String gateway, List<String> hostRoutes) {
        List<Cidr> addresses() {
            return ifaces.stream().flatMap(i -> i.addresses().stream()).toList();
        }
    }

    /**
     * @param only container IDs to save (empty: every container with a veth on a bridge)
     * @throws UsageException for a named CT that is unknown, stopped or not bridged
     */
    static RunningConfig observe(HostState host, ContainerRuntime runtime, Set<String> only) {
        List<String> notes = new ArrayList<>();
        List<NodeBridge> bridges = new ArrayList<>();
        Set<String> ctEnds = containerEnds(host, runtime);
        for (Link br : host.bridges()) {
            List<Link> ports = host.portsOf(br.name());
            if (ports.isEmpty()) continue;
            // An uplink may itself be a veth (a node that is a container, the lab): only CT ends are left out.
            List<String> nics = ports.stream().map(Link::name).filter(n -> !ctEnds.contains(n)).sorted().toList();
            List<Cidr> v4 = host.addressesOf(br.name()).stream()
                .filter(a -> !a.isV6() && !a.isLinkLocal()).map(Address::parsed).toList();
            v4.stream().skip(1).forEach(c -> notes.add(br.name() + ": extra address " + c + " is not saved"));
            host.addressesOf(br.name()).stream().filter(a -> a.isV6() && !a.isLinkLocal())
                .forEach(a -> notes.add(br.name() + ": IPv6 address " + a.cidr() + " is not saved"));
            String gw = host.defaultRoute(false).filter(r -> br.name().equals(r.dev())).map(Route::via).orElse(null);
            boolean stp = br.bridge() != null && br.bridge().stp();
            int delay = br.bridge() == null ? 0 : br.bridge().forwardDelay();
            String nicMac = nics.isEmpty() ? null : host.link(nics.get(0)).map(Link::mac).orElse(null);
            bridges.add(new NodeBridge(br.name(), nics, v4.isEmpty() ? null : v4.get(0), gw, stp, delay, br.mac(), nicMac));
        }
        for (String id : only) {
            Container c = host.container(id).orElseThrow(() -> new UsageException("no container " + id));
            if (!c.running()) throw new UsageException("container " + id + " is not running: its network cannot be observed");
        }
        List<CtNet> cts = new ArrayList<>();
        for (Container c : host.containers()) {
            if (!only.isEmpty() && !only.contains(c.id())) continue;
            Optional<CtNet> net = observe(host, runtime, c, bridges);
            if (net.isPresent()) cts.add(net.get());
            else if (only.contains(c.id())) throw new UsageException("container " + c.id() + " has no veth on a bridge");
        }
        cts.sort(Comparator.comparing((CtNet c) -> c.id().length()).thenComparing(CtNet::id));
        return new RunningConfig(bridges, cts, notes);
    }

    /** Host ends of container interfaces: the runtime's names, and vzctl's vethCTID.N for CTs not observed. */
    private static Set<String> containerEnds(HostState host, ContainerRuntime runtime) {
        Set<String> out = new HashSet<>();
        for (Container c : host.containers())
            for (Link l : c.links()) if (!l.isLoopback()) out.add(runtime.hostIfname(c.id(), l.name()));
        host.links().stream().map(Link::name).filter(n -> VZCTL_HOST_END.matcher(n).matches()).forEach(out::add);
        return out;
    }

    private static Optional<CtNet> observe(HostState host, ContainerRuntime runtime, Container c, List<NodeBridge> bridges) {
        List<CtIface> ifaces = new ArrayList<>();
        for (Link inside : c.links()) {
            if (inside.isLoopback()) continue;
            String hostEnd = runtime.hostIfname(c.id(), inside.name());
            Optional<Link> node = host.link(hostEnd);
            if (node.isEmpty() || node.get().master() == null) continue;
            String bridge = node.get().master();
            if (bridges.stream().noneMatch(b -> b.name().equals(bridge))) continue;
            List<Cidr> addrs = c.addressesOf(inside.name()).stream()
                .filter(a -> !a.isV6() && !a.isLinkLocal()).map(Address::parsed).toList();
            ifaces.add(new CtIface(inside.name(), hostEnd, bridge, inside.mac(), node.get().mac(), addrs));
        }
        if (ifaces.isEmpty()) return Optional.empty();
        ifaces.sort(Comparator.comparing(CtIface::ifname));
        String gw = c.routes().stream().filter(r -> r.isDefault() && !r.isV6()).map(Route::via)
            .filter(v -> v != null).findFirst().orElse(null);
        List<String> hostRoutes = new ArrayList<>();
        for (CtIface i : ifaces) {
            for (Cidr a : i.addresses()) {
                String ip = a.address().toString();
                boolean routed = host.routes().stream().anyMatch(r -> i.bridge().equals(r.dev()) && r.via() == null
                    && (r.dst().equals(ip) || r.dst().equals(ip + "/32")));
                if (routed) hostRoutes.add(ip);
            }
        }
        return Optional.of(new CtNet(c.id(), ifaces, gw, hostRoutes));
    }

    /** The node's own address on the bridges, for CT0_IP: the first bridge's. */
    Optional<String> nodeAddress() {
        return bridges.stream().filter(b -> b.address() != null).map(b -> b.address().address().toString()).findFirst();
    }

    boolean usesHostRoutes() {
        return containers.stream().anyMatch(c -> !c.hostRoutes().isEmpty());
    }
}
