package dev.vzbridge.api.recipes;

import dev.vzbridge.api.host.Address;
import dev.vzbridge.api.host.Container;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Link;
import dev.vzbridge.api.host.Route;
import dev.vzbridge.api.net.Cidr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The state a recipe leads to, built by editing an observed HostState the way the
 * kernel would change it. A batch plans all its commands before anything runs, so
 * each later command plans against what the earlier ones will have made.
 */
public final class HostEdit {
    /** One network view: the node's or a container's. */
    public static final class View {
        final List<Link> links;
        final List<Address> addresses;
        final List<Route> routes;

        View(List<Link> links, List<Address> addresses, List<Route> routes) {
            this.links = new ArrayList<>(links);
            this.addresses = new ArrayList<>(addresses);
            this.routes = new ArrayList<>(routes);
        }

        public View addLink(Link l) {
            links.removeIf(x -> x.name().equals(l.name()));
            links.add(l);
            return this;
        }

        public View removeLink(String name) {
            links.removeIf(x -> x.name().equals(name));
            addresses.removeIf(a -> a.dev().equals(name));
            routes.removeIf(r -> name.equals(r.dev()));
            return this;
        }

        public View link(String name, UnaryOperator<Link> change) {
            links.replaceAll(l -> l.name().equals(name) ? change.apply(l) : l);
            return this;
        }

        /** The address and, as the kernel adds it, the route to its subnet. */
        public View addAddress(String dev, Cidr c) {
            addresses.add(new Address(dev, c.toString(), "global"));
            Route subnet = new Route(c.subnet(), null, dev, "kernel", "link", null, null);
            if (!Moves.hasRoute(routes, subnet)) routes.add(subnet);
            return this;
        }

        public View removeAddress(String dev, Cidr c) {
            addresses.removeIf(a -> a.dev().equals(dev) && a.parsed().equals(c));
            boolean subnetLeft = addresses.stream().anyMatch(a -> a.dev().equals(dev) && a.parsed().subnet().equals(c.subnet()));
            if (!subnetLeft) routes.removeIf(r -> r.isKernel() && dev.equals(r.dev()) && Moves.normDst(r.dst()).equals(c.subnet()));
            return this;
        }

        /** Routes added without a protocol are "boot" to the kernel (ip route and route alike). */
        public View addRoute(Route r) {
            routes.add(r.proto() != null ? r : new Route(r.dst(), r.via(), r.dev(), "boot", r.scope(), r.metric(), r.src()));
            return this;
        }

        public View removeRoute(Route r) {
            routes.removeIf(x -> Moves.sameRoute(x, r));
            return this;
        }
    }

    private final View node;
    private final Map<String, View> cts = new LinkedHashMap<>();
    private final Map<String, Boolean> running = new LinkedHashMap<>();

    private HostEdit(HostState h) {
        node = new View(h.links(), h.addresses(), h.routes());
        for (Container c : h.containers()) {
            cts.put(c.id(), new View(c.links(), c.addresses(), c.routes()));
            running.put(c.id(), c.running());
        }
    }

    public static HostEdit of(HostState h) {
        return new HostEdit(h);
    }

    public View node() {
        return node;
    }

    public View ct(String id) {
        View v = cts.get(id);
        if (v == null) throw new IllegalArgumentException("no container " + id);
        return v;
    }

    public HostState build() {
        List<Container> out = new ArrayList<>();
        cts.forEach((id, v) -> out.add(new Container(id, running.get(id), v.links, v.addresses, v.routes)));
        return new HostState(node.links, node.addresses, node.routes, out);
    }

    /** A copy of the link with this master (null: none) and the other fields changed (null keeps them). */
    public static Link with(Link l, String master, Boolean up, String mac, dev.vzbridge.api.host.BridgeInfo bridge) {
        return new Link(l.name(), l.index(), l.kind(), master, up == null ? l.up() : up, mac == null ? l.mac() : mac,
            bridge == null ? l.bridge() : bridge, master == null ? null : "forwarding");
    }

    /** The same link, no longer a port of any bridge. */
    public static Link released(Link l) {
        return new Link(l.name(), l.index(), l.kind(), null, l.up(), l.mac(), l.bridge(), null);
    }
}
