package dev.vzbridge.dualnic;

import dev.vzbridge.api.command.Report;
import dev.vzbridge.api.command.Table;
import dev.vzbridge.api.host.Address;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Link;
import dev.vzbridge.api.net.Cidr;
import dev.vzbridge.api.net.IpAddress;
import dev.vzbridge.api.recipes.Moves;
import dev.vzbridge.api.recipes.RouteLookup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code dualnic show}: which NIC carries what, the paths the kernel really takes
 * now (looked up in the observed routes, not taken from the record), and whether
 * the node and each container on the bridge can reach each other, with the reason
 * when they cannot.
 */
final class ShowReport {
    /** One container interface on the bridge. */
    record CtPort(String ctid, String ifname, String hostEnd, List<Cidr> addresses) {
    }

    private ShowReport() {
    }

    static Report of(HostState host, Optional<SetupRecord> record, List<CtPort> ctPorts, String recordShown) {
        if (record.isEmpty()) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("setup", false);
            String text = "no dual-NIC setup is recorded in " + recordShown
                + "; 'dualnic setup --external NIC --local NIC --bridge BR --local-address CIDR --gateway IP' makes one\n";
            return new Report(text, data);
        }
        SetupRecord r = record.get();
        String gw = r.asked().gateway();
        Optional<String> nodeDev = RouteLookup.deviceTo(host, IpAddress.parse(gw));
        List<Cidr> bridgeAddresses = host.link(r.bridge()).isPresent() ? Moves.movableAddresses(host, r.bridge()) : List.of();
        List<String> ports = host.portsOf(r.bridge()).stream().map(Link::name).toList();

        Table nics = Table.of("NIC", "ROLE", "CARRIES", "NOW");
        nics.row(r.external(), "external", "the containers' traffic (port of " + r.bridge() + ")",
            linkNow(host, r.external()));
        nics.row(r.local(), "local", "the node's own traffic (" + r.asked().localAddress() + ", default via " + gw + ")",
            linkNow(host, r.local()));
        nics.row(r.bridge(), "bridge", "containers' veths over " + r.external(), host.link(r.bridge()).isEmpty() ? "missing"
            : "ports " + (ports.isEmpty() ? "none" : String.join(", ", ports)) + "; "
            + (bridgeAddresses.isEmpty() ? "no address" : "address " + join(bridgeAddresses)));

        StringBuilder text = new StringBuilder(nics.render()).append('\n');
        String nodePath = "node → " + gw + " via " + nodeDev.orElse("nothing (no route)");
        String ctPath = "CTs on " + r.bridge() + " → " + r.external();
        text.append("paths: ").append(nodePath).append("; ").append(ctPath).append('\n');
        if (nodeDev.isPresent() && !nodeDev.get().equals(r.local()))
            text.append("warning: the node's traffic to ").append(gw).append(" leaves via ").append(nodeDev.get())
                .append(", not ").append(r.local()).append('\n');

        List<Map<String, Object>> cts = new ArrayList<>();
        boolean possible = !bridgeAddresses.isEmpty();
        String overall = possible ? "node ↔ CTs: possible through " + r.bridge() + " (" + join(bridgeAddresses) + ")"
            : "node ↔ CTs: not possible: " + TrafficPaths.reasonWithoutAddress(r.bridge(), r.local());
        text.append(overall).append('\n');
        for (CtPort p : ctPorts) {
            for (Cidr c : p.addresses()) {
                String why = reachability(host, r, bridgeAddresses, c);
                text.append("  CT ").append(p.ctid()).append(' ').append(c.address()).append(": ")
                    .append(why == null ? "reachable from the node via " + r.bridge() : "not reachable: " + why).append('\n');
                Map<String, Object> ct = new LinkedHashMap<>();
                ct.put("ct", p.ctid());
                ct.put("ifname", p.ifname());
                ct.put("address", c.toString());
                ct.put("nodeReaches", why == null);
                if (why != null) ct.put("reason", why);
                cts.add(ct);
            }
        }

        Map<String, Object> data = new LinkedHashMap<>();
        data.put("setup", true);
        data.put("external", r.external());
        data.put("local", r.local());
        data.put("bridge", r.bridge());
        data.put("localAddress", r.asked().localAddress().toString());
        data.put("gateway", gw);
        data.put("bridgeAddresses", bridgeAddresses.stream().map(Cidr::toString).toList());
        data.put("bridgePorts", ports);
        data.put("nodePath", Map.of("to", gw, "dev", nodeDev.orElse("")));
        data.put("nodeToContainers", possible);
        if (!possible) data.put("reason", TrafficPaths.reasonWithoutAddress(r.bridge(), r.local()));
        data.put("containers", cts);
        return new Report(text.toString(), data);
    }

    /** Null when the node's route to the CT address goes over the bridge, else why not. */
    private static String reachability(HostState host, SetupRecord r, List<Cidr> bridgeAddresses, Cidr ct) {
        if (bridgeAddresses.isEmpty()) return r.bridge() + " has no address (the node's traffic to it leaves via "
            + RouteLookup.deviceTo(host, ct.address()).orElse("no route") + ")";
        Optional<String> dev = RouteLookup.deviceTo(host, ct.address());
        if (dev.isPresent() && dev.get().equals(r.bridge())) return null;
        return "the node's route to " + ct.address() + " leaves via " + dev.orElse("nothing") + ", not " + r.bridge()
            + "; give the CT an address in " + bridgeAddresses.get(0).subnet() + " or attach it with --host-route";
    }

    private static String linkNow(HostState host, String name) {
        Optional<Link> l = host.link(name);
        if (l.isEmpty()) return "missing";
        List<String> addrs = host.addressesOf(name).stream().filter(a -> !a.isLinkLocal()).map(Address::cidr).toList();
        String master = l.get().master() == null ? "" : "port of " + l.get().master() + ", ";
        return master + (l.get().up() ? "up" : "down") + (addrs.isEmpty() ? ", no address" : ", " + String.join(", ", addrs));
    }

    private static String join(List<Cidr> cs) {
        return String.join(", ", cs.stream().map(Cidr::toString).toList());
    }
}
