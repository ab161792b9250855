package dev.vzbridge.api.plan;

import dev.vzbridge.api.host.Container;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.net.Cidr;
import dev.vzbridge.api.net.Destination;
import dev.vzbridge.api.net.IpAddress;

import java.util.List;
import java.util.Optional;

/**
 * A fact the engine verifies after applying a plan. {@code ct} is null for the
 * node itself, else the container ID whose view is checked. Facts about state
 * verify themselves against an observation ({@link OfState}); a ping needs traffic,
 * which the engine sends.
 */
public sealed interface Check {
    String describe();

    /** A fact one observation of the node shows or refutes. */
    sealed interface OfState extends Check permits Link, PortForwarding, Address, Route {
        boolean holds(HostState observed);
    }

    /** Which bridge a link must be a port of. */
    sealed interface Master {
        /** Any master or none: only presence is checked. */
        Master ANY = new Any();
        /** Not a port of any bridge. */
        Master NONE = new None();

        static Master of(String bridge) {
            return new Of(bridge);
        }

        boolean matches(String observedMaster);

        record Any() implements Master {
            public boolean matches(String observedMaster) {
                return true;
            }
        }

        record None() implements Master {
            public boolean matches(String observedMaster) {
                return observedMaster == null;
            }
        }

        record Of(String bridge) implements Master {
            public Of {
                if (bridge == null || bridge.isEmpty()) throw new IllegalArgumentException("a master needs a bridge name");
            }

            public boolean matches(String observedMaster) {
                return bridge.equals(observedMaster);
            }
        }
    }

    /** Link present (with its master) or absent. */
    record Link(String ct, String name, boolean present, Master master) implements OfState {
        public Link {
            if (master == null) master = Master.ANY;
        }

        public static Link present(String ct, String name) {
            return new Link(ct, name, true, Master.ANY);
        }

        public static Link portOf(String ct, String name, String bridge) {
            return new Link(ct, name, true, Master.of(bridge));
        }

        public static Link noMaster(String ct, String name) {
            return new Link(ct, name, true, Master.NONE);
        }

        public static Link absent(String ct, String name) {
            return new Link(ct, name, false, Master.ANY);
        }

        public String describe() {
            String where = where(ct);
            if (!present) return where + name + " is gone";
            if (master instanceof Master.Of of) return where + name + " is a port of " + of.bridge();
            return where + name + (master instanceof Master.None ? " has no master" : " exists");
        }

        public boolean holds(HostState s) {
            Optional<dev.vzbridge.api.host.Link> link = view(s, ct).links().stream().filter(x -> x.name().equals(name)).findFirst();
            if (!present) return link.isEmpty();
            return link.isPresent() && master.matches(link.get().master());
        }
    }

    /** A bridge port reached STP forwarding state. */
    record PortForwarding(String bridge, String port) implements OfState {
        public String describe() {
            return port + " forwards on " + bridge;
        }

        public boolean holds(HostState s) {
            return s.link(port).filter(p -> bridge.equals(p.master()))
                .map(p -> "forwarding".equals(p.portState())).orElse(false);
        }
    }

    record Address(String ct, String dev, Cidr cidr, boolean present) implements OfState {
        public Address {
            if (cidr == null) throw new IllegalArgumentException("an address check needs an address");
        }

        public String describe() {
            return where(ct) + cidr + (present ? " on " : " not on ") + dev;
        }

        public boolean holds(HostState s) {
            boolean has = view(s, ct).addresses().stream().anyMatch(x -> x.dev().equals(dev) && same(x, cidr));
            return has == present;
        }

        private static boolean same(dev.vzbridge.api.host.Address observed, Cidr want) {
            try {
                return observed.parsed().equals(want);
            } catch (RuntimeException e) {
                return false;
            }
        }
    }

    /** A route to dst, via a gateway (null: any or none) over dev (null: any). */
    record Route(String ct, Destination dst, IpAddress via, String dev, boolean present) implements OfState {
        public Route {
            if (dst == null) throw new IllegalArgumentException("a route check needs a destination");
        }

        /** The default route via a gateway over dev. */
        public static Route defaultVia(String ct, String via, String dev) {
            return new Route(ct, Destination.DEFAULT, IpAddress.parse(via), dev, true);
        }

        public String describe() {
            return where(ct) + "route " + dst + (via == null ? "" : " via " + via)
                + (dev == null ? "" : " dev " + dev) + (present ? " present" : " absent");
        }

        public boolean holds(HostState s) {
            boolean has = view(s, ct).routes().stream().anyMatch(this::matches);
            return has == present;
        }

        private boolean matches(dev.vzbridge.api.host.Route r) {
            if (dev != null && !dev.equals(r.dev())) return false;
            if (via != null) {
                if (r.via() == null) return false;
                try {
                    if (!via.equals(IpAddress.parse(r.via()))) return false;
                } catch (RuntimeException e) {
                    return false;
                }
            }
            return dst.matches(r.dst());
        }
    }

    /** The node (ct null) or a container answers pings to target. */
    record Ping(String ct, IpAddress target) implements Check {
        public Ping {
            if (target == null) throw new IllegalArgumentException("a ping check needs a target");
        }

        public static Ping of(String ct, String target) {
            return new Ping(ct, IpAddress.parse(target));
        }

        public String describe() {
            return (ct == null ? "node" : "CT " + ct) + " reaches " + target;
        }
    }

    private static String where(String ct) {
        return ct == null ? "" : "CT " + ct + ": ";
    }

    /** The node's view, or a container's (empty when the container is not observed). */
    private static HostState view(HostState s, String ct) {
        if (ct == null) return s;
        return s.container(ct).map(Check::asState).orElse(HostState.empty());
    }

    private static HostState asState(Container c) {
        return new HostState(c.links(), c.addresses(), c.routes(), List.of());
    }
}
