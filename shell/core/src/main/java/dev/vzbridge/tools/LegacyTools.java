package dev.vzbridge.tools;

import dev.vzbridge.api.host.Route;
import dev.vzbridge.api.net.Cidr;
import dev.vzbridge.api.plan.Step;
import dev.vzbridge.api.tools.NetTools;

import java.util.ArrayList;
import java.util.List;

import static dev.vzbridge.tools.Steps.argv;

/**
 * Intents as the recipe's commands: brctl, ifconfig, route (net-tools), for nodes
 * whose iproute2 predates bridge support. ifconfig keeps one IPv4 address per
 * interface name: adding sets it, deleting clears it (0.0.0.0), as in the recipe.
 * Setting or clearing an IPv4 address with ifconfig also brings the interface up.
 */
public final class LegacyTools implements NetTools {
    @Override
    public String flavour() {
        return "legacy";
    }

    @Override
    public Step addBridge(String bridge) {
        // ifconfig brings an interface up whenever it sets an address, also when an undo clears one:
        // take the bridge down first, or brctl refuses to delete it.
        return Steps.of(argv("brctl", "addbr", bridge),
            List.of(argv("ifconfig", bridge, "down"), argv("brctl", "delbr", bridge)), bridge);
    }

    @Override
    public Step deleteBridge(String bridge, boolean stp, int forwardDelay, String mac) {
        List<List<String>> undo = new ArrayList<>();
        undo.add(argv("brctl", "addbr", bridge));
        undo.add(stp(bridge, stp));
        undo.add(fd(bridge, forwardDelay));
        if (mac != null) undo.add(argv("ifconfig", bridge, "hw", "ether", mac));
        return Steps.of(argv("brctl", "delbr", bridge), undo, bridge);
    }

    @Override
    public Step setStp(String bridge, boolean on, boolean previous) {
        return Steps.of(stp(bridge, on), stp(bridge, previous), bridge);
    }

    private static List<String> stp(String bridge, boolean on) {
        return argv("brctl", "stp", bridge, on ? "on" : "off");
    }

    @Override
    public Step setForwardDelay(String bridge, int seconds, int previous) {
        return Steps.of(fd(bridge, seconds), fd(bridge, previous), bridge);
    }

    private static List<String> fd(String bridge, int seconds) {
        return argv("brctl", "setfd", bridge, String.valueOf(seconds));
    }

    @Override
    public Step setMac(String dev, String mac, String previous) {
        return Steps.of(argv("ifconfig", dev, "hw", "ether", mac), argv("ifconfig", dev, "hw", "ether", previous), dev);
    }

    @Override
    public Step enslave(String port, String bridge) {
        return Steps.of(argv("brctl", "addif", bridge, port), List.of(argv("brctl", "delif", bridge, port)), port, bridge);
    }

    @Override
    public Step release(String port, String bridge) {
        return Steps.of(argv("brctl", "delif", bridge, port), List.of(argv("brctl", "addif", bridge, port)), port, bridge);
    }

    @Override
    public Step up(String dev, boolean wasUp) {
        List<List<String>> undo = wasUp ? List.of() : List.of(argv("ifconfig", dev, "down"));
        return Steps.of(argv("ifconfig", dev, "up"), undo, dev);
    }

    @Override
    public Step down(String dev, boolean wasUp) {
        List<List<String>> undo = wasUp ? List.of(argv("ifconfig", dev, "up")) : List.of();
        return Steps.of(argv("ifconfig", dev, "down"), undo, dev);
    }

    @Override
    public Step addAddress(String dev, Cidr address) {
        return Steps.of(addAddr(dev, address), delAddr(dev, address), dev);
    }

    @Override
    public Step deleteAddress(String dev, Cidr address) {
        return Steps.of(delAddr(dev, address), addAddr(dev, address), dev);
    }

    private static List<String> addAddr(String dev, Cidr a) {
        if (a.isV6()) return argv("ifconfig", dev, "inet6", "add", a.toString());
        return argv("ifconfig", dev, a.address().toString(), "netmask", a.netmask());
    }

    private static List<String> delAddr(String dev, Cidr a) {
        if (a.isV6()) return argv("ifconfig", dev, "inet6", "del", a.toString());
        return argv("ifconfig", dev, "0.0.0.0");
    }

    @Override
    public Step addRoute(Route route) {
        return Steps.of(route("add", route), List.of(route("del", route)), links(route));
    }

    @Override
    public Step deleteRoute(Route route) {
        return Steps.of(route("del", route), List.of(route("add", route)), links(route));
    }

    private static String[] links(Route r) {
        return r.dev() == null ? new String[0] : new String[]{r.dev()};
    }

    /** route(8): default gw G; -host IP; -net N netmask M; IPv6 with -A inet6 and a prefix. */
    static List<String> route(String verb, Route r) {
        List<String> a = new ArrayList<>(List.of("route"));
        if (r.isV6()) {
            a.addAll(List.of("-A", "inet6", verb, r.isDefault() ? "default" : r.dst()));
        } else if (r.isDefault()) {
            a.addAll(List.of(verb, "default"));
        } else {
            Cidr c = Cidr.parse(r.dst(), true);
            if (c.prefix() == 32) a.addAll(List.of(verb, "-host", c.address().toString()));
            else a.addAll(List.of(verb, "-net", c.network().toString(), "netmask", c.netmask()));
        }
        if (r.via() != null) a.addAll(List.of("gw", r.via()));
        if (r.metric() != null) a.addAll(List.of("metric", String.valueOf(r.metric())));
        if (r.dev() != null) a.addAll(List.of("dev", r.dev()));
        return a;
    }
}
