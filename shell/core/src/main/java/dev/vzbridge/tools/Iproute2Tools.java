package dev.vzbridge.tools;

import dev.vzbridge.api.host.Route;
import dev.vzbridge.api.net.Cidr;
import dev.vzbridge.api.plan.Step;
import dev.vzbridge.api.tools.NetTools;

import java.util.ArrayList;
import java.util.List;

import static dev.vzbridge.tools.Steps.argv;

/** Intents as iproute2 commands (ip link / ip addr / ip route). */
public final class Iproute2Tools implements NetTools {
    @Override
    public String flavour() {
        return "iproute2";
    }

    @Override
    public Step addBridge(String bridge) {
        return Steps.of(argv("ip", "link", "add", bridge, "type", "bridge"), argv("ip", "link", "del", bridge), bridge);
    }

    @Override
    public Step deleteBridge(String bridge, boolean stp, int forwardDelay, String mac) {
        List<List<String>> undo = new ArrayList<>();
        undo.add(argv("ip", "link", "add", bridge, "type", "bridge", "stp_state", stp ? "1" : "0",
            "forward_delay", String.valueOf(forwardDelay * 100)));
        if (mac != null) undo.add(argv("ip", "link", "set", "dev", bridge, "address", mac));
        return Steps.of(argv("ip", "link", "del", bridge), undo, bridge);
    }

    @Override
    public Step setStp(String bridge, boolean on, boolean previous) {
        return Steps.of(stp(bridge, on), stp(bridge, previous), bridge);
    }

    private static List<String> stp(String bridge, boolean on) {
        return argv("ip", "link", "set", "dev", bridge, "type", "bridge", "stp_state", on ? "1" : "0");
    }

    @Override
    public Step setForwardDelay(String bridge, int seconds, int previous) {
        return Steps.of(fd(bridge, seconds), fd(bridge, previous), bridge);
    }

    /** The kernel takes the delay in centiseconds. */
    private static List<String> fd(String bridge, int seconds) {
        return argv("ip", "link", "set", "dev", bridge, "type", "bridge", "forward_delay", String.valueOf(seconds * 100));
    }

    @Override
    public Step setMac(String dev, String mac, String previous) {
        return Steps.of(argv("ip", "link", "set", "dev", dev, "address", mac),
            argv("ip", "link", "set", "dev", dev, "address", previous), dev);
    }

    @Override
    public Step enslave(String port, String bridge) {
        return Steps.of(argv("ip", "link", "set", "dev", port, "master", bridge),
            List.of(argv("ip", "link", "set", "dev", port, "nomaster")), port, bridge);
    }

    @Override
    public Step release(String port, String bridge) {
        return Steps.of(argv("ip", "link", "set", "dev", port, "nomaster"),
            List.of(argv("ip", "link", "set", "dev", port, "master", bridge)), port, bridge);
    }

    @Override
    public Step up(String dev, boolean wasUp) {
        List<List<String>> undo = wasUp ? List.of() : List.of(argv("ip", "link", "set", "dev", dev, "down"));
        return Steps.of(argv("ip", "link", "set", "dev", dev, "up"), undo, dev);
    }

    @Override
    public Step down(String dev, boolean wasUp) {
        List<List<String>> undo = wasUp ? List.of(argv("ip", "link", "set", "dev", dev, "up")) : List.of();
        return Steps.of(argv("ip", "link", "set", "dev", dev, "down"), undo, dev);
    }

    @Override
    public Step addAddress(String dev, Cidr address) {
        return Steps.of(addr("add", dev, address), addr("del", dev, address), dev);
    }

    @Override
    public Step deleteAddress(String dev, Cidr address) {
        return Steps.of(addr("del", dev, address), addr("add", dev, address), dev);
    }

    private static List<String> addr(String verb, String dev, Cidr address) {
        List<String> a = new ArrayList<>(List.of("ip"));
        if (address.isV6()) a.add("-6");
        a.addAll(List.of("addr", verb, address.toString(), "dev", dev));
        return a;
    }

    @Override
    public Step addRoute(Route route) {
        return Steps.of(route("add", route, true), List.of(route("del", route, false)), links(route));
    }

    @Override
    public Step deleteRoute(Route route) {
        return Steps.of(route("del", route, false), List.of(route("add", route, true)), links(route));
    }

    private static String[] links(Route r) {
        return r.dev() == null ? new String[0] : new String[]{r.dev()};
    }

    /** Adding restores every observed attribute; deleting names the route by its key (dst, via, dev, metric). */
    static List<String> route(String verb, Route r, boolean full) {
        List<String> a = new ArrayList<>(List.of("ip"));
        if (r.isV6()) a.add("-6");
        a.addAll(List.of("route", verb, r.dst()));
        if (r.via() != null) a.addAll(List.of("via", r.via()));
        if (r.dev() != null) a.addAll(List.of("dev", r.dev()));
        if (full && r.proto() != null) a.addAll(List.of("proto", r.proto()));
        if (full && r.scope() != null) a.addAll(List.of("scope", r.scope()));
        if (r.metric() != null) a.addAll(List.of("metric", String.valueOf(r.metric())));
        if (full && r.src() != null) a.addAll(List.of("src", r.src()));
        return a;
    }
}
