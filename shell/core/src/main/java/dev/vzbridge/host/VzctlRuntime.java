package dev.vzbridge.host;

import dev.vzbridge.api.command.CommandFailedException;
import dev.vzbridge.api.command.FileView;
import dev.vzbridge.api.host.Route;
import dev.vzbridge.api.net.Cidr;
import dev.vzbridge.api.plan.Action;
import dev.vzbridge.api.plan.Exec;
import dev.vzbridge.api.plan.Effect;
import dev.vzbridge.api.plan.Step;
import dev.vzbridge.api.tools.NetTools;
import dev.vzbridge.api.tools.OpenVz;
import dev.vzbridge.exec.CommandRunner;
import dev.vzbridge.exec.ExecResult;
import dev.vzbridge.tools.ToolFlavours;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * OpenVZ through vzctl/vzlist. Legacy (vzctl 4.x), as in the recipe: the CT's veth
 * is recorded in its config (NETIF, with bridge=) by {@code --save} and the planner
 * plugs and configures it. OpenVZ 7 (vzctl 7): the 4-field --netif_add, then
 * {@code --ifname IF --network BR --nettype bridge --ipadd … --gw …}, which puts the
 * veth on the bridge and configures the CT itself, running or not. Commands inside
 * run with {@code vzctl exec2} so their exit codes are real.
 */
public final class VzctlRuntime implements HostRuntime {
    private final CommandRunner node;
    private final FileView files;
    private final NetTools flavour;
    private final Platform platform;
    private final OpenVz openvz;

    public VzctlRuntime(CommandRunner node, FileView files, NetTools flavour) {
        this(node, files, flavour, new Platform(OpenVz.LEGACY, "the vzctl runtime's default"));
    }

    public VzctlRuntime(CommandRunner node, FileView files, NetTools flavour, Platform platform) {
        this.node = node;
        this.files = files;
        this.flavour = flavour;
        this.platform = platform;
        this.openvz = platform.openvz();
    }

    @Override
    public Platform platform() {
        return platform;
    }

    @Override
    public boolean configuresNatively() {
        return openvz == OpenVz.SEVEN;
    }

    @Override
    public String name() {
        return "vzctl";
    }

    @Override
    public String hostIfname(String ctid, String ifname) {
        return Veths.hostIfname(ctid, ifname);
    }

    /** vzctl's --netif_add takes ifname[,mac,host_ifname,host_mac,bridge]. */
    static String netifSpec(String ifname, String mac, String host, String bridge) {
        return String.join(",", ifname, mac == null ? "" : mac, host, "", bridge == null ? "" : bridge);
    }

    /** vzctl 7's --netif_add takes ifname[,mac,host_ifname,host_mac]: no bridge field (it has --network). */
    static String netifSpec7(String ifname, String mac, String host, String hostMac) {
        String spec = String.join(",", ifname, mac == null ? "" : mac, host);
        return hostMac == null ? spec : spec + "," + hostMac;
    }

    @Override
    public Step addVeth(String ctid, String ifname, String bridge, String mac) {
        String host = hostIfname(ctid, ifname);
        return new Step(add(ctid, ifname, bridge, mac, null, host), List.of(del(ctid, ifname)), Set.of(host))
            .with(Effect.LinkAdded.veth(null, host, null), Effect.LinkAdded.veth(ctid, ifname, mac));
    }

    /**
     * OpenVZ 7 only, right after {@link #addVeth}: its undo is empty because the
     * interface is new, and the addition's undo (--netif_del) removes it with all of
     * this configuration.
     */
    @Override
    public Step configureVeth(String ctid, String ifname, String bridge, List<Cidr> addresses, String gateway) {
        if (openvz != OpenVz.SEVEN) return HostRuntime.super.configureVeth(ctid, ifname, bridge, addresses, gateway);
        String host = hostIfname(ctid, ifname);
        List<Effect> effects = new ArrayList<>(List.of(new Effect.Enslaved(null, host, bridge),
            new Effect.LinkSet(null, host, true), new Effect.LinkSet(ctid, ifname, true)));
        addresses.forEach(c -> effects.add(new Effect.AddressAdded(ctid, ifname, c)));
        if (gateway != null && !gateway.isEmpty()) effects.add(new Effect.RouteAdded(ctid, Route.of("default", gateway, ifname)));
        return new Step(network(ctid, ifname, bridge, addresses.stream().map(Cidr::toString).toList(), gateway),
            List.of(), Set.of(host), effects);
    }

    /**
     * The undo re-adds the pair as it was: on OpenVZ 7 with its bridge, addresses and
     * gateway from the CT's NETIF entry (network=, ip=, gw=, host_mac=).
     */
    @Override
    public Step removeVeth(String ctid, String ifname, String bridge, String mac) {
        String host = hostIfname(ctid, ifname);
        Effect[] gone = {new Effect.LinkRemoved(null, host), new Effect.LinkRemoved(ctid, ifname)};
        if (openvz == OpenVz.LEGACY)
            return new Step(del(ctid, ifname), List.of(add(ctid, ifname, bridge, mac, null, host)), Set.of(host)).with(gone);
        Map<String, String> entry = netifs(ctid).stream().filter(e -> ifname.equals(e.get("ifname"))).findFirst().orElse(Map.of());
        List<Action> undo = new ArrayList<>();
        undo.add(add(ctid, ifname, null, entry.getOrDefault("mac", mac), entry.get("host_mac"), host));
        String network = entry.getOrDefault("network", bridge);
        if (network != null && !network.isEmpty()) {
            List<String> ips = entry.getOrDefault("ip", "").isBlank() ? List.of() : List.of(entry.get("ip").strip().split("\\s+"));
            undo.add(network(ctid, ifname, network, ips, entry.get("gw")));
        }
        return new Step(del(ctid, ifname), undo, Set.of(host)).with(gone);
    }

    private Exec add(String ctid, String ifname, String bridge, String mac, String hostMac, String host) {
        String spec = openvz == OpenVz.SEVEN ? netifSpec7(ifname, mac, host, hostMac) : netifSpec(ifname, mac, host, bridge);
        return Exec.of("vzctl", "set", ctid, "--netif_add", spec, "--save");
    }

    /** vzctl 7: the interface's bridge, addresses and gateway, saved and (on a running CT) applied. */
    private static Exec network(String ctid, String ifname, String bridge, List<String> addresses, String gateway) {
        List<String> a = new ArrayList<>(List.of("vzctl", "set", ctid, "--ifname", ifname, "--network", bridge, "--nettype", "bridge"));
        for (String ip : addresses) a.addAll(List.of("--ipadd", ip));
        if (gateway != null && !gateway.isEmpty()) a.addAll(List.of(gateway.contains(":") ? "--gw6" : "--gw", gateway));
        a.add("--save");
        return Exec.of(a);
    }

    private static Exec del(String ctid, String ifname) {
        return Exec.of("vzctl", "set", ctid, "--netif_del", ifname, "--save");
    }

    @Override
    public NetTools inside(String ctid) {
        return ToolFlavours.inside(flavour, ctid, argv -> inside(ctid, argv));
    }

    @Override
    public List<String> inside(String ctid, List<String> argv) {
        List<String> a = new ArrayList<>(List.of("vzctl", "exec2", ctid));
        a.addAll(argv);
        return a;
    }

    @Override
    public Map<String, Boolean> status() {
        ExecResult r = node.run("vzlist", "-a", "-H", "-o", "ctid,status");
        if (!r.ok()) throw new CommandFailedException("vzlist: " + r.problem());
        return parseVzlist(r.stdout());
    }

    /** "  101 running" lines → 101 → true. */
    static Map<String, Boolean> parseVzlist(String text) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (String line : text.lines().toList()) {
            String[] f = line.strip().split("\\s+");
            if (f.length >= 2 && f[0].matches("\\d+")) out.put(f[0], f[1].equals("running"));
        }
        return out;
    }

    /** The CT's config (/etc/vz/conf/N.conf under --root) as KEY → value (quotes removed). */
    public Map<String, String> config(String ctid) {
        return files.read("/etc/vz/conf/" + ctid + ".conf")
            .map(b -> VzConf.parse(new String(b, StandardCharsets.UTF_8))).orElse(Map.of());
    }

    /** The CT's NETIF entries, each as key → value (ifname, mac, host_ifname, host_mac, bridge). */
    public List<Map<String, String>> netifs(String ctid) {
        return VzConf.netifs(config(ctid).getOrDefault("NETIF", ""));
    }
}
