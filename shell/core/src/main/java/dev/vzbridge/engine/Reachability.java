package dev.vzbridge.engine;

import dev.vzbridge.api.host.Address;
import dev.vzbridge.api.host.Container;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Link;
import dev.vzbridge.api.host.Route;
import dev.vzbridge.api.net.Cidr;
import dev.vzbridge.api.recipes.ContainerPorts;
import dev.vzbridge.exec.ExecResult;
import dev.vzbridge.exec.RunnerException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The paths an admin relies on, tried now: node → its gateway, each container → its
 * gateway, node ↔ container where host routes join them. A path that fails gets its
 * likely cause: no route, a bridge port not forwarding, no ARP reply, an address
 * answered from two MACs.
 */
public final class Reachability {
    /** One path and how it went. {@code ct} is null when the node pings. */
    public record Path(String from, String to, String ct, String target, boolean ok, String cause) {
    }

    /** A ping to try: from the node (ct null) or a container, to an IPv4 address. */
    record Probe(String ct, String target) {
    }

    private static final Pattern ARP_REPLY = Pattern.compile("reply from \\S+ \\[([0-9A-Fa-f:]+)\\]");

    private final Node node;
    private final dev.vzbridge.host.HostRuntime runtime;

    public Reachability(Node node) {
        this.node = node;
        this.runtime = node.runtime();
    }

    /** The pings worth trying on this node. */
    static List<Probe> pings(HostState h) {
        List<Probe> out = new ArrayList<>();
        h.defaultRoute(false).map(Route::via).filter(v -> v != null).ifPresent(gw -> out.add(new Probe(null, gw)));
        for (Container c : h.containers()) {
            if (!c.running()) continue;
            c.routes().stream().filter(r -> r.isDefault() && !r.isV6() && r.via() != null).findFirst()
                .ifPresent(r -> out.add(new Probe(c.id(), r.via())));
        }
        for (Container c : h.containers()) {
            if (!c.running()) continue;
            for (Address a : c.addresses()) {
                String ip = a.cidr().split("/")[0];
                boolean hostRoute = h.routes().stream().anyMatch(r -> r.via() == null && (ip + "/32").equals(r.dst())
                    || r.via() == null && ip.equals(r.dst()));
                if (hostRoute) out.add(new Probe(null, ip));
            }
            for (Route r : c.routes()) {
                if (r.via() != null || r.dst() == null || r.isV6()) continue;
                String dst = r.dst().endsWith("/32") ? r.dst().substring(0, r.dst().length() - 3) : r.dst();
                if (!dst.contains("/") && h.addresses().stream().anyMatch(a -> a.cidr().startsWith(dst + "/")))
                    out.add(new Probe(c.id(), dst));
            }
        }
        return out;
    }

    public List<Path> check(HostState h) {
        List<Path> out = new ArrayList<>();
        for (Probe p : pings(h)) {
            boolean ok = ping(p);
            String to = isGateway(h, p) ? "gateway " + p.target()
                : p.ct() == null ? "CT " + ownerOf(h, p.target()) + " (" + p.target() + ")" : "node (" + p.target() + ")";
            out.add(new Path(p.ct() == null ? "node" : "CT " + p.ct(), to, p.ct(), p.target(), ok, ok ? null : cause(h, p)));
        }
        return out;
    }

    /** The likely reason a ping failed, in the admin's terms. */
    String cause(HostState h, Probe p) {
        Container c = p.ct() == null ? null : h.container(p.ct()).orElse(null);
        List<Route> routes = c == null ? h.routes() : c.routes();
        List<Address> addresses = c == null ? h.addresses() : c.addresses();
        Optional<String> dev = deviceFor(routes, addresses, p.target());
        if (dev.isEmpty()) return "no route to " + p.target() + (c == null ? " on the node" : " in CT " + c.id())
            + " (a missing host route?)";
        String port = portProblem(h, c, p, dev.get());
        if (port != null) return port;
        List<String> argv = List.of("arping", "-c", "2", "-w", "2", "-I", dev.get(), p.target());
        if (p.ct() != null && node.runtime() != null) argv = node.runtime().inside(p.ct(), argv);
        try {
            ExecResult r = node.runner().run(argv, null, Duration.ofSeconds(5));
            Set<String> macs = new TreeSet<>();
            Matcher m = ARP_REPLY.matcher(r.stdout());
            while (m.find()) macs.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
            if (macs.isEmpty()) return "no ARP reply from " + p.target() + " on " + dev.get();
            if (macs.size() > 1) return "address conflict: " + p.target() + " answers from " + String.join(" and ", macs);
            return "ARP answers (" + macs.iterator().next() + ") but pings do not: a firewall, or no route back";
        } catch (RunnerException e) {
            return "cannot tell why (" + e.getMessage() + ")";
        }
    }

    /** For a container: its host end must be a forwarding port of a bridge. For the node: the bridge port to the CT. */
    private String portProblem(HostState h, Container c, Probe p, String dev) {
        List<String> ends = new ArrayList<>();
        if (c != null && runtime != null) {
            String end = ContainerPorts.hostEnd(runtime, c.id(), dev);
            if (end != null) ends.add(end);
        } else if (c == null && runtime != null) {
            String owner = ownerOf(h, p.target());
            h.container(owner).ifPresent(ct -> ct.links().stream().filter(l -> !l.isLoopback())
                .map(l -> ContainerPorts.hostEnd(runtime, ct.id(), l.name())).filter(e -> e != null).forEach(ends::add));
        }
        for (String end : ends) {
            Optional<Link> link = h.link(end);
            if (link.isEmpty()) return "the container's host end " + end + " is missing";
            Link l = link.get();
            if (l.master() == null) return end + " is not plugged into a bridge";
            if (!"forwarding".equals(l.portState()))
                return "port " + end + " on " + l.master() + " is " + (l.portState() == null ? "not forwarding" : l.portState()
                    + ", not forwarding");
            if (!l.up()) return end + " is down";
        }
        return null;
    }

    private static Optional<String> deviceFor(List<Route> routes, List<Address> addresses, String target) {
        for (Route r : routes) {
            if (r.via() == null && r.dev() != null && (target.equals(r.dst()) || (target + "/32").equals(r.dst())))
                return Optional.of(r.dev());
        }
        for (Address a : addresses) {
            try {
                if (!a.cidr().contains(":") && Cidr.parse(a.cidr()).contains(dev.vzbridge.api.net.IpAddress.parse(target))) return Optional.of(a.dev());
            } catch (RuntimeException e) {
                // an address we cannot parse does not decide
            }
        }
        return routes.stream().filter(r -> r.isDefault() && !r.isV6() && r.dev() != null).map(Route::dev).findFirst();
    }

    private static boolean isGateway(HostState h, Probe p) {
        List<Route> routes = p.ct() == null ? h.routes() : h.container(p.ct()).map(Container::routes).orElse(List.of());
        return routes.stream().anyMatch(r -> r.isDefault() && p.target().equals(r.via()));
    }

    private static String ownerOf(HostState h, String ip) {
        return h.containers().stream().filter(c -> c.addresses().stream().anyMatch(a -> a.cidr().startsWith(ip + "/")))
            .map(Container::id).findFirst().orElse("?");
    }

    private boolean ping(Probe p) {
        List<String> argv = List.of("ping", "-n", "-q", "-c", "2", "-i", "0.3", "-W", "1", p.target());
        if (p.ct() != null && node.runtime() != null) argv = node.runtime().inside(p.ct(), argv);
        try {
            return node.runner().run(argv, null, Duration.ofSeconds(6)).ok();
        } catch (RunnerException e) {
            return false;
        }
    }
}
