package dev.vzbridge.host;

import dev.vzbridge.api.plan.Exec;
import dev.vzbridge.api.plan.Effect;
import dev.vzbridge.api.plan.Step;
import dev.vzbridge.api.tools.NetTools;
import dev.vzbridge.exec.CommandRunner;
import dev.vzbridge.exec.PrefixRunner;
import dev.vzbridge.lab.Netns;
import dev.vzbridge.tools.ToolFlavours;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Containers as network namespaces: CT N is the namespace named by the pattern
 * (default ct{id}); it runs when the namespace exists. What the lab and tests use,
 * and real on any Linux.
 */
public final class NetnsRuntime implements HostRuntime {
    private final CommandRunner node;
    private final String pattern;
    private final Pattern matcher;
    private final NetTools flavour;
    private final Platform platform;

    public NetnsRuntime(CommandRunner node, String pattern, NetTools flavour) {
        this(node, pattern, flavour, null);
    }

    /** platform: the OpenVZ generation save writes for (null: legacy). */
    public NetnsRuntime(CommandRunner node, String pattern, NetTools flavour, Platform platform) {
        this.platform = platform;
        if (!pattern.contains("{id}")) throw new IllegalArgumentException("--ct-netns pattern must contain {id}");
        this.node = node;
        this.pattern = pattern;
        this.flavour = flavour;
        String[] parts = pattern.split("\\{id}", -1);
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) re.append("(\\d+)");
            re.append(Pattern.quote(parts[i]));
        }
        this.matcher = Pattern.compile(re.toString());
    }

    @Override
    public String name() {
        return "netns";
    }

    @Override
    public Platform platform() {
        return platform != null ? platform : HostRuntime.super.platform();
    }

    public String netnsOf(String ctid) {
        return pattern.replace("{id}", ctid);
    }

    @Override
    public String hostIfname(String ctid, String ifname) {
        return Veths.hostIfname(ctid, ifname);
    }

    @Override
    public Step addVeth(String ctid, String ifname, String bridge, String mac) {
        String host = hostIfname(ctid, ifname);
        return new Step(Exec.of(addArgv(ctid, ifname, host, mac)), List.of(Exec.of("ip", "link", "del", host)), Set.of(host))
            .with(Effect.LinkAdded.veth(null, host, null), Effect.LinkAdded.veth(ctid, ifname, mac));
    }

    @Override
    public Step removeVeth(String ctid, String ifname, String bridge, String mac) {
        String host = hostIfname(ctid, ifname);
        return new Step(Exec.of("ip", "link", "del", host), List.of(Exec.of(addArgv(ctid, ifname, host, mac))), Set.of(host))
            .with(new Effect.LinkRemoved(null, host), new Effect.LinkRemoved(ctid, ifname));
    }

    private List<String> addArgv(String ctid, String ifname, String host, String mac) {
        List<String> a = new ArrayList<>(List.of("ip", "link", "add", host, "type", "veth", "peer", "name", ifname));
        if (mac != null) a.addAll(List.of("address", mac));
        a.addAll(List.of("netns", netnsOf(ctid)));
        return a;
    }

    @Override
    public NetTools inside(String ctid) {
        return ToolFlavours.inside(flavour, ctid, argv -> inside(ctid, argv));
    }

    @Override
    public List<String> inside(String ctid, List<String> argv) {
        return PrefixRunner.through(List.of("ip", "netns", "exec", netnsOf(ctid)), argv);
    }

    /** One `ip netns list`; every matching namespace is a running container. */
    @Override
    public Map<String, Boolean> status() {
        List<String> ids = new ArrayList<>();
        for (String ns : Netns.list(node)) {
            Matcher m = matcher.matcher(ns);
            if (m.matches()) ids.add(m.group(1));
        }
        ids.sort(Comparator.comparingLong(Long::parseLong));
        Map<String, Boolean> out = new LinkedHashMap<>();
        ids.forEach(id -> out.put(id, true));
        return out;
    }
}
