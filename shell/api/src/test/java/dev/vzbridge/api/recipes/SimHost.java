package dev.vzbridge.api.recipes;

import dev.vzbridge.api.host.Address;
import dev.vzbridge.api.host.BridgeInfo;
import dev.vzbridge.api.host.Container;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Link;
import dev.vzbridge.api.host.Route;
import dev.vzbridge.api.net.Cidr;
import dev.vzbridge.api.net.IpAddress;
import dev.vzbridge.api.plan.Action;
import dev.vzbridge.api.plan.Exec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict in-memory model of a node and its containers that carries out
 * {@link FakeTools} actions with the kernel's rules that matter for ordering:
 * routes need an up device and a reachable gateway, removing an address drops the
 * routes through its subnet, taking a device down drops its routes, and (stricter
 * than the kernel, to prove exact undo) bridges and veths are removed only when bare.
 */
public final class SimHost {
    static final class Net {
        final Map<String, Link> links = new LinkedHashMap<>();
        final List<Address> addresses = new ArrayList<>();
        final List<Route> routes = new ArrayList<>();
    }

    final Net node = new Net();
    final Map<String, Net> cts = new LinkedHashMap<>();
    private int macs = 0x10;

    public SimHost link(String name, String kind, boolean up, String mac) {
        node.links.put(name, new Link(name, 0, kind, null, up, mac, null, null));
        return this;
    }

    public SimHost addr(String dev, String cidr) {
        addAddr(node, dev, Cidr.parse(cidr));
        return this;
    }

    public SimHost route(String dst, String via, String dev) {
        node.routes.add(new Route(dst, via, dev, "boot", via == null ? "link" : null, null, null));
        return this;
    }

    public SimHost ct(String id) {
        Net n = new Net();
        n.links.put("lo", new Link("lo", 0, "loopback", null, true, "00:00:00:00:00:00", null, null));
        cts.put(id, n);
        return this;
    }

    /** The recipe's starting point: eth0 10.0.0.2/24, default via 10.0.0.1, CTs 101 and 102 running. */
    public static SimHost recipe() {
        return new SimHost().link("lo", "loopback", true, "00:00:00:00:00:00")
            .link("eth0", "ether", true, "52:54:00:00:00:02")
            .addr("eth0", "10.0.0.2/24").route("default", "10.0.0.1", "eth0")
            .ct("101").ct("102");
    }

    public HostState state() {
        List<Container> containers = new ArrayList<>();
        cts.forEach((id, n) -> containers.add(new Container(id, true, sortedLinks(n), sortedAddresses(n), routesOf(n))));
        return new HostState(sortedLinks(node), sortedAddresses(node), routesOf(node), containers);
    }

    public void run(List<Action> actions) {
        actions.forEach(this::run);
    }

    public void run(Action a) {
        List<String> w = ((Exec) a).argv();
        if (!w.get(0).equals("sim")) throw new IllegalArgumentException("not a sim action: " + a.render());
        String scope = w.get(1);
        Net n = scope.equals("node") ? node : cts.get(scope.substring(3));
        String op = w.get(2);
        List<String> args = w.subList(3, w.size()).stream().map(s -> s.equals("-") ? null : s).toList();
        switch (op) {
            case "addBridge" -> {
                must(!n.links.containsKey(args.get(0)), "File exists: " + args.get(0));
                boolean stp = args.size() > 1 && Boolean.parseBoolean(args.get(1));
                int fd = args.size() > 2 ? Integer.parseInt(args.get(2)) : 15;
                String mac = args.size() > 3 && args.get(3) != null ? args.get(3) : String.format("02:00:00:00:bb:%02x", macs++);
                n.links.put(args.get(0), new Link(args.get(0), 0, "bridge", null, false, mac, new BridgeInfo(stp, fd), null));
            }
            case "deleteBridge" -> {
                Link b = get(n, args.get(0));
                must(b.isBridge(), "not a bridge");
                must(n.links.values().stream().noneMatch(l -> b.name().equals(l.master())), "bridge still has ports");
                must(n.addresses.stream().noneMatch(x -> x.dev().equals(b.name())), "bridge still has addresses");
                n.links.remove(b.name());
            }
            case "stp" -> {
                Link b = get(n, args.get(0));
                put(n, with(b, b.up(), b.mac(), new BridgeInfo(Boolean.parseBoolean(args.get(1)), b.bridge().forwardDelay()), b.master()));
            }
            case "fd" -> {
                Link b = get(n, args.get(0));
                int fd = Integer.parseInt(args.get(1));
                must(!b.bridge().stp() || (fd >= 2 && fd <= 30), "Numerical result out of range");
                put(n, with(b, b.up(), b.mac(), new BridgeInfo(b.bridge().stp(), fd), b.master()));
            }
            case "mac" -> {
                must(args.get(1) != null, "no MAC");
                Link l = get(n, args.get(0));
                put(n, with(l, l.up(), args.get(1), l.bridge(), l.master()));
            }
            case "enslave" -> {
                Link p = get(n, args.get(0));
                must(get(n, args.get(1)).isBridge(), "not a bridge");
                must(p.master() == null, p.name() + " already has a master");
                put(n, with(p, p.up(), p.mac(), p.bridge(), args.get(1)));
            }
            case "release" -> {
                Link p = get(n, args.get(0));
                must(args.get(1).equals(p.master()), p.name() + " is not a port of " + args.get(1));
                put(n, with(p, p.up(), p.mac(), p.bridge(), null));
            }
            case "up" -> {
                Link l = get(n, args.get(0));
                put(n, with(l, true, l.mac(), l.bridge(), l.master()));
            }
            case "down" -> {
                Link l = get(n, args.get(0));
                put(n, with(l, false, l.mac(), l.bridge(), l.master()));
                n.routes.removeIf(r -> l.name().equals(r.dev()));
            }
            case "addAddr" -> addAddr(n, args.get(0), Cidr.parse(args.get(1)));
            case "delAddr" -> {
                Cidr c = Cidr.parse(args.get(1));
                must(n.addresses.removeIf(x -> x.dev().equals(args.get(0)) && x.parsed().equals(c)), "Cannot assign requested address");
                n.routes.removeIf(r -> r.dev().equals(args.get(0)) && r.via() != null && !reachable(n, r.dev(), IpAddress.parse(r.via())));
            }
            case "addRoute" -> {
                Route r = new Route(args.get(0), args.get(1), args.get(2), args.get(3) == null ? "boot" : args.get(3),
                    args.get(1) == null ? "link" : null, null, null);
                must(get(n, r.dev()).up(), "Network is down");
                must(r.via() == null || reachable(n, r.dev(), IpAddress.parse(r.via())), "Network is unreachable: " + r.via());
                must(routesOf(n).stream().noneMatch(x -> Moves.normDst(x.dst()).equals(Moves.normDst(r.dst())) && x.isV6() == r.isV6()
                    && (r.isDefault() || x.dev().equals(r.dev()))), "File exists: " + r.dst());
                n.routes.add(r);
            }
            case "delRoute" -> must(n.routes.removeIf(x -> Moves.sameRoute(x, Route.of(args.get(0), args.get(1), args.get(2)))),
                "No such process: route " + args.get(0));
            case "addVeth" -> {
                Net ct = cts.get(args.get(0));
                String hostEnd = new FakeTools.Runtime().hostIfname(args.get(0), args.get(1));
                must(!ct.links.containsKey(args.get(1)) && !node.links.containsKey(hostEnd), "File exists: " + hostEnd);
                String mac = args.get(2) != null ? args.get(2) : String.format("02:00:00:00:ce:%02x", macs++);
                ct.links.put(args.get(1), new Link(args.get(1), 0, "veth", null, false, mac, null, null));
                // removeVeth's undo knows only the CT end's MAC; the host end's is derived so a re-add matches.
                String hostMac = String.format("fe:ff:ff:%02x:00:%02x", Integer.parseInt(args.get(0)) % 256, hostEnd.hashCode() & 0xff);
                node.links.put(hostEnd, new Link(hostEnd, 0, "veth", null, false, hostMac, null, null));
            }
            case "removeVeth" -> {
                Net ct = cts.get(args.get(0));
                String hostEnd = new FakeTools.Runtime().hostIfname(args.get(0), args.get(1));
                must(get(node, hostEnd).master() == null, hostEnd + " is still a bridge port");
                must(ct.addresses.stream().noneMatch(x -> x.dev().equals(args.get(1))), "CT interface still has addresses");
                ct.links.remove(args.get(1));
                node.links.remove(hostEnd);
            }
            default -> throw new IllegalArgumentException("unknown op " + op);
        }
    }

    private static void addAddr(Net n, String dev, Cidr c) {
        get(n, dev);
        must(n.addresses.stream().noneMatch(x -> x.dev().equals(dev) && x.parsed().address().equals(c.address())), "File exists: " + c);
        n.addresses.add(new Address(dev, c.toString(), "global"));
    }

    private static boolean reachable(Net n, String dev, IpAddress gw) {
        if (!n.links.get(dev).up()) return false;
        if (n.addresses.stream().anyMatch(a -> a.dev().equals(dev) && a.parsed().contains(gw))) return true;
        return n.routes.stream().anyMatch(r -> r.dev().equals(dev) && r.via() == null && !r.isDefault()
            && Cidr.parse(r.dst(), true).contains(gw));
    }

    /** Stored routes plus the kernel's subnet routes of addresses on up devices. */
    private static List<Route> routesOf(Net n) {
        List<Route> out = new ArrayList<>(n.routes);
        for (Address a : n.addresses)
            if (n.links.get(a.dev()).up()) out.add(new Route(a.parsed().subnet(), null, a.dev(), "kernel", "link", null, null));
        out.sort(Comparator.comparing(Route::toString));
        return out;
    }

    private static List<Link> sortedLinks(Net n) {
        return n.links.values().stream().map(l -> l.master() == null ? l
                : new Link(l.name(), l.index(), l.kind(), l.master(), l.up(), l.mac(), l.bridge(), "forwarding"))
            .sorted(Comparator.comparing(Link::name)).toList();
    }

    private static List<Address> sortedAddresses(Net n) {
        // The kernel lists IPv4 in the order added (primary first); IPv6 order carries no meaning.
        return n.addresses.stream().sorted(Comparator.comparing(Address::dev).thenComparing(Address::isV6)
            .thenComparing(a -> a.isV6() ? a.cidr() : "")).toList();
    }

    private static Link get(Net n, String name) {
        Link l = n.links.get(name);
        must(l != null, "Cannot find device \"" + name + "\"");
        return l;
    }

    private static void put(Net n, Link l) {
        n.links.put(l.name(), l);
    }

    private static Link with(Link l, boolean up, String mac, BridgeInfo b, String master) {
        return new Link(l.name(), l.index(), l.kind(), master, up, mac, b, null);
    }

    private static void must(boolean ok, String problem) {
        if (!ok) throw new IllegalStateException(problem);
    }
}
