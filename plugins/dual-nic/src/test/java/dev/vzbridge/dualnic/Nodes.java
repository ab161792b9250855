package dev.vzbridge.dualnic;

import dev.vzbridge.api.host.Address;
import dev.vzbridge.api.host.BridgeInfo;
import dev.vzbridge.api.host.Container;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Link;
import dev.vzbridge.api.host.Route;
import dev.vzbridge.api.net.Cidr;
import dev.vzbridge.bridge.BridgePlugin;
import dev.vzbridge.lab.Lab;
import dev.vzbridge.testkit.LabNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Hand-built node states for planner tests, named after the lab's layout. */
final class Nodes {
    static final String ETH0_MAC = "52:54:00:00:00:10";
    static final String ETH1_MAC = "52:54:00:00:00:12";

    private final List<Link> links = new ArrayList<>();
    private final List<Address> addresses = new ArrayList<>();
    private final List<Route> routes = new ArrayList<>();
    private final List<Container> containers = new ArrayList<>();

    /** The lab's start: eth0 10.0.0.2/24 default via 10.0.0.1, eth1 up without address, CTs 101 and 102 empty. */
    static Nodes lab() {
        return new Nodes().link("lo", "loopback", true, "00:00:00:00:00:00", null)
            .link("eth0", "ether", true, ETH0_MAC, null).link("eth1", "ether", true, ETH1_MAC, null)
            .addr("eth0", "10.0.0.2/24").route("default", "10.0.0.1", "eth0", "boot")
            .ct("101").ct("102");
    }

    /** The lab after 'dualnic setup … --bridge br0' (and bridgeAddress, when not null). */
    static Nodes labAfterSetup(String bridgeAddress) {
        Nodes n = new Nodes().link("lo", "loopback", true, "00:00:00:00:00:00", null)
            .link("eth0", "ether", true, ETH0_MAC, "br0").link("eth1", "ether", true, ETH1_MAC, null)
            .bridge("br0", true, ETH0_MAC)
            .addr("eth1", "10.0.0.2/24").route("default", "10.0.0.1", "eth1", "boot")
            .ct("101").ct("102");
        if (bridgeAddress != null) n.addr("br0", bridgeAddress);
        return n;
    }

    Nodes link(String name, String kind, boolean up, String mac, String master) {
        links.removeIf(l -> l.name().equals(name));
        links.add(new Link(name, links.size() + 1, kind, master, up, mac, null, master == null ? null : "forwarding"));
        return this;
    }

    Nodes bridge(String name, boolean up, String mac) {
        links.add(new Link(name, links.size() + 1, "bridge", null, up, mac, new BridgeInfo(false, 0), null));
        return this;
    }

    Nodes addr(String dev, String cidr) {
        addresses.add(new Address(dev, cidr, "global"));
        Cidr c = Cidr.parse(cidr);
        routes.add(new Route(c.subnet(), null, dev, "kernel", "link", null, c.address().toString()));
        return this;
    }

    Nodes route(String dst, String via, String dev, String proto) {
        routes.add(new Route(dst, via, dev, proto, via == null ? "link" : null, null, null));
        return this;
    }

    Nodes ct(String id) {
        containers.add(new Container(id, true, List.of(new Link("lo", 1, "loopback", null, true, "00:00:00:00:00:00", null, null)),
            List.of(), List.of()));
        return this;
    }

    /** CT id with eth0 on the node's bridge (host end veth{id}.0) and an address inside. */
    Nodes ctOn(String id, String bridge, String cidr) {
        containers.removeIf(c -> c.id().equals(id));
        Link inside = new Link("eth0", 2, "veth", null, true, "02:00:00:00:01:01", null, null);
        containers.add(new Container(id, true, List.of(new Link("lo", 1, "loopback", null, true, "00:00:00:00:00:00", null, null), inside),
            List.of(new Address("eth0", cidr, "global")), List.of()));
        links.add(new Link("veth" + id + ".0", links.size() + 1, "veth", bridge, true, "fe:ff:ff:00:01:01", null, "forwarding"));
        return this;
    }

    HostState state() {
        return new HostState(links, addresses, routes, containers);
    }

    /** The lab's node with both plugins' commands; its fingerprint includes the setup record. */
    static LabNode shell(Lab lab, Path root, String flavour) {
        return new LabNode(lab, root, flavour, new BridgePlugin(), new DualNicCommands()).watching(SetupRecord.PATH);
    }
}
