package dev.vzbridge.api.plan;

import dev.vzbridge.api.host.BridgeInfo;
import dev.vzbridge.api.host.Route;
import dev.vzbridge.api.net.Cidr;

/**
 * What a step does to the network state, as data. The engine applies a plan's
 * effects to the observed state to predict where the plan leads (batches,
 * --dry-run), and derives the default checks from them. {@code ct} is null for
 * the node, else the container whose view changes.
 */
public sealed interface Effect {
    String ct();

    /** The same effect in another view (a node intent run inside a container). */
    Effect in(String ct);

    /** A new link, down and without a master unless {@code link} says otherwise. */
    record LinkAdded(String ct, dev.vzbridge.api.host.Link link) implements Effect {
        public Effect in(String c) {
            return new LinkAdded(c, link);
        }

        /** A new bridge as the kernel makes it: down, no STP, 15 s forward delay, MAC not known yet. */
        public static LinkAdded bridge(String ct, String name) {
            return new LinkAdded(ct, new dev.vzbridge.api.host.Link(name, 0, "bridge", null, false, null,
                new BridgeInfo(false, 15), null));
        }

        /** One end of a new veth pair, down. mac may be null (the kernel picks one). */
        public static LinkAdded veth(String ct, String name, String mac) {
            return new LinkAdded(ct, new dev.vzbridge.api.host.Link(name, 0, "veth", null, false, mac, null, null));
        }
    }

    /** The link is gone, and with it its addresses and routes (a bridge's ports lose their master). */
    record LinkRemoved(String ct, String name) implements Effect {
        public Effect in(String c) {
            return new LinkRemoved(c, name);
        }
    }

    record Enslaved(String ct, String port, String bridge) implements Effect {
        public Effect in(String c) {
            return new Enslaved(c, port, bridge);
        }
    }

    record Released(String ct, String port) implements Effect {
        public Effect in(String c) {
            return new Released(c, port);
        }
    }

    /** Administratively up or down (down drops the routes through the link). */
    record LinkSet(String ct, String name, boolean up) implements Effect {
        public Effect in(String c) {
            return new LinkSet(c, name, up);
        }
    }

    record MacSet(String ct, String name, String mac) implements Effect {
        public Effect in(String c) {
            return new MacSet(c, name, mac);
        }
    }

    record StpSet(String ct, String bridge, boolean on) implements Effect {
        public Effect in(String c) {
            return new StpSet(c, bridge, on);
        }
    }

    record ForwardDelaySet(String ct, String bridge, int seconds) implements Effect {
        public Effect in(String c) {
            return new ForwardDelaySet(c, bridge, seconds);
        }
    }

    /** The address, and (as the kernel adds it on an up link) the route to its subnet. */
    record AddressAdded(String ct, String dev, Cidr cidr) implements Effect {
        public Effect in(String c) {
            return new AddressAdded(c, dev, cidr);
        }
    }

    record AddressRemoved(String ct, String dev, Cidr cidr) implements Effect {
        public Effect in(String c) {
            return new AddressRemoved(c, dev, cidr);
        }
    }

    record RouteAdded(String ct, Route route) implements Effect {
        public Effect in(String c) {
            return new RouteAdded(c, route);
        }
    }

    record RouteRemoved(String ct, Route route) implements Effect {
        public Effect in(String c) {
            return new RouteRemoved(c, route);
        }
    }
}
