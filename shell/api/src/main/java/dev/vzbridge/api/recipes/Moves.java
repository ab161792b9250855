package dev.vzbridge.api.recipes;

import dev.vzbridge.api.host.Address;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Route;
import dev.vzbridge.api.net.Cidr;
import dev.vzbridge.api.plan.Step;
import dev.vzbridge.api.tools.NetTools;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Taking addresses and routes off one interface and giving them to another, in
 * an order whose step-by-step undo is exact: routes leave before the addresses
 * their gateways hang on, secondaries before their primary, and come back the
 * other way round.
 */
public final class Moves {
    private Moves() {
    }

    /** Addresses the admin gave dev: IPv4 and global IPv6, never link-local; observed order. */
    public static List<Cidr> movableAddresses(HostState host, String dev) {
        return host.addressesOf(dev).stream().filter(a -> !a.isLinkLocal()).map(Address::parsed).toList();
    }

    /**
     * Routes through dev that the admin made. Kernel subnet routes follow their
     * address and router-advertised ones come back by themselves, so neither moves.
     */
    public static List<Route> adminRoutes(HostState host, String dev) {
        return host.routesVia(dev).stream()
            .filter(r -> !r.isKernel() && !"ra".equals(r.proto()))
            .filter(r -> !isIpv6LinkLocalSubnet(r))
            .sorted(ADD_ORDER).toList();
    }

    /** Direct routes first, then routes via a gateway, default routes last. */
    public static final Comparator<Route> ADD_ORDER = Comparator
        .comparingInt((Route r) -> r.via() == null ? 0 : 1)
        .thenComparingInt(r -> r.isDefault() ? 1 : 0);

    public static List<Route> rehome(List<Route> routes, String dev) {
        return routes.stream().map(r -> r.onDev(dev)).toList();
    }

    public static List<Step> deleteRoutes(NetTools tools, List<Route> routes) {
        List<Route> order = new ArrayList<>(routes);
        order.sort(ADD_ORDER.reversed());
        return order.stream().map(tools::deleteRoute).toList();
    }

    public static List<Step> addRoutes(NetTools tools, List<Route> routes) {
        List<Route> order = new ArrayList<>(routes);
        order.sort(ADD_ORDER);
        return order.stream().map(tools::addRoute).toList();
    }

    /** Newest first, so the undo re-adds the primary before its secondaries. */
    public static List<Step> deleteAddresses(NetTools tools, String dev, List<Cidr> addresses) {
        List<Step> out = new ArrayList<>();
        for (int i = addresses.size() - 1; i >= 0; i--) out.add(tools.deleteAddress(dev, addresses.get(i)));
        return out;
    }

    public static List<Step> addAddresses(NetTools tools, String dev, List<Cidr> addresses) {
        return addresses.stream().map(a -> tools.addAddress(dev, a)).toList();
    }

    /** Same destination, gateway and device: what makes two routes the same route. */
    public static boolean sameRoute(Route a, Route b) {
        return normDst(a.dst()).equals(normDst(b.dst())) && Objects.equals(a.via(), b.via()) && Objects.equals(a.dev(), b.dev());
    }

    public static boolean hasRoute(List<Route> routes, Route wanted) {
        return routes.stream().anyMatch(r -> sameRoute(r, wanted));
    }

    /** Whether dev already has this address (same IP and prefix). */
    public static boolean hasAddress(List<Address> addresses, String dev, Cidr c) {
        return addresses.stream().anyMatch(a -> a.dev().equals(dev) && a.parsed().equals(c));
    }

    /** A host route is written with or without its full prefix; compare them alike. */
    static String normDst(String dst) {
        if (dst == null || dst.equals("default")) return String.valueOf(dst);
        try {
            return Cidr.parse(dst, true).toString();
        } catch (IllegalArgumentException e) {
            return dst;
        }
    }

    /** The host route the recipe adds for a single address, e.g. 203.0.113.195/32 dev br0. */
    public static Route hostRoute(Cidr address, String dev) {
        return new Route(address.address() + "/" + address.address().bits(), null, dev, null, "link", null, null);
    }

    public static Route defaultVia(String gateway, String dev) {
        return new Route("default", gateway, dev, null, null, null, null);
    }

    private static boolean isIpv6LinkLocalSubnet(Route r) {
        return r.dst().startsWith("fe80:");
    }
}
