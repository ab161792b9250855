package dev.vzbridge.api.recipes;

import dev.vzbridge.api.host.Address;
import dev.vzbridge.api.host.BridgeInfo;
import dev.vzbridge.api.host.Container;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Link;
import dev.vzbridge.api.host.Route;
import dev.vzbridge.api.net.Cidr;
import dev.vzbridge.api.plan.Change;
import dev.vzbridge.api.plan.Effect;
import dev.vzbridge.api.plan.Step;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The state a plan leads to: the observed HostState with the plan's step
 * effects applied the way the kernel applies them. A batch plans all its
 * commands before anything runs, so each later command plans against what the
 * earlier ones will have made; --dry-run shows the same.
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

        Optional<Link> find(String name) {
            return links.stream().filter(l -> l.name().equals(name)).findFirst();
        }

        public View addLink(Link l) {
            links.removeIf(x -> x.name().equals(l.name()));
            links.add(l);
            return this;
        }

        /** The link goes with its addresses and routes; a bridge's ports lose their master. */
        public View removeLink(String name) {
            links.removeIf(x -> x.name().equals(name));
            links.replaceAll(l -> name.equals(l.master()) ? released(l) : l);
            addresses.removeIf(a -> a.dev().equals(name));
            routes.removeIf(r -> name.equals(r.dev()));
            return this;
        }

        public View link(String name, UnaryOperator<Link> change) {
            links.replaceAll(l -> l.name().equals(name) ? change.apply(l) : l);
            return this;
        }

        /** Up brings back the subnet routes of the link's addresses; down drops every route through it. */
        View setUp(String name, boolean up) {
            link(name, l -> with(l, l.master(), up, null, null));
            if (!up) {
                routes.removeIf(r -> name.equals(r.dev()));
            } else {
                for (Address a : addresses) if (a.dev().equals(name)) addSubnetRoute(name, a.parsed());
            }
            return this;
        }

        /** A port joins a bridge; a bridge whose MAC is not known yet takes its port's, as the kernel does. */
        View enslave(String port, String bridge) {
            Optional<Link> p = find(port);
            link(port, l -> with(l, bridge, null, null, null));
            find(bridge).filter(b -> b.mac() == null).ifPresent(b -> link(bridge, x -> with(x, x.master(), null,
                p.map(Link::mac).orElse(null), null)));
            return this;
        }

        /** The address and, as the kernel adds it on an up link, the route to its subnet. */
        public View addAddress(String dev, Cidr c) {
            addresses.add(new Address(dev, c.toString(), "global"));
            if (find(dev).map(Link::up).orElse(true)) addSubnetRoute(dev, c);
            return this;
        }

        private void addSubnetRoute(String dev, Cidr c) {
            Route subnet = new Route(c.subnet(), null, dev, "kernel", "link", null, null);
            if (!Moves.hasRoute(routes, subnet)) routes.add(subnet);
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

        void bridge(String name, UnaryOperator<BridgeInfo> change) {
            link(name, l -> with(l, l.master(), null, null,
                change.apply(l.bridge() != null ? l.bridge() : new BridgeInfo(false, BridgeSpec.KERNEL_FORWARD_DELAY))));
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

    /** Where these changes lead from {@code observed}: every step's effects, in order. */
    public static HostState after(HostState observed, List<Change> changes) {
        HostEdit e = of(observed);
        for (Change c : changes) for (Step s : c.steps()) e.apply(s.effects());
        return e.build();
    }

    public HostEdit apply(List<Effect> effects) {
        effects.forEach(this::apply);
        return this;
    }

    /** One effect, with the kernel's side effects that later planning relies on. */
    public HostEdit apply(Effect effect) {
        View v = effect.ct() == null ? node : ct(effect.ct());
        if (effect instanceof Effect.LinkAdded a) v.addLink(a.link());
        else if (effect instanceof Effect.LinkRemoved r) v.removeLink(r.name());
        else if (effect instanceof Effect.Enslaved en) v.enslave(en.port(), en.bridge());
        else if (effect instanceof Effect.Released r) v.link(r.port(), HostEdit::released);
        else if (effect instanceof Effect.LinkSet s) v.setUp(s.name(), s.up());
        else if (effect instanceof Effect.MacSet m) v.link(m.name(), l -> with(l, l.master(), null, m.mac(), null));
        else if (effect instanceof Effect.StpSet s) v.bridge(s.bridge(), b -> new BridgeInfo(s.on(), b.forwardDelay()));
        else if (effect instanceof Effect.ForwardDelaySet f) v.bridge(f.bridge(), b -> new BridgeInfo(b.stp(), f.seconds()));
        else if (effect instanceof Effect.AddressAdded a) v.addAddress(a.dev(), a.cidr());
        else if (effect instanceof Effect.AddressRemoved r) v.removeAddress(r.dev(), r.cidr());
        else if (effect instanceof Effect.RouteAdded r) v.addRoute(r.route());
        else if (effect instanceof Effect.RouteRemoved r) v.removeRoute(r.route());
        else throw new IllegalArgumentException("no prediction for effect " + effect.getClass().getSimpleName());
        return this;
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
    public static Link with(Link l, String master, Boolean up, String mac, BridgeInfo bridge) {
        return new Link(l.name(), l.index(), l.kind(), master, up == null ? l.up() : up, mac == null ? l.mac() : mac,
            bridge == null ? l.bridge() : bridge, master == null ? null : "forwarding");
    }

    /** The same link, no longer a port of any bridge. */
    public static Link released(Link l) {
        return new Link(l.name(), l.index(), l.kind(), null, l.up(), l.mac(), l.bridge(), null);
    }
}
