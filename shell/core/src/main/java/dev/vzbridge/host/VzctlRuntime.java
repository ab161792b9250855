package dev.vzbridge.host;

import dev.vzbridge.api.command.CommandFailedException;
import dev.vzbridge.api.command.FileView;
import dev.vzbridge.api.plan.Exec;
import dev.vzbridge.api.plan.Step;
import dev.vzbridge.api.tools.NetTools;
import dev.vzbridge.exec.CommandRunner;
import dev.vzbridge.exec.ExecResult;
import dev.vzbridge.tools.PrefixedTools;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * OpenVZ through vzctl/vzlist, as in the recipe. The CT's veth is recorded in its
 * config (NETIF, with the bridge) by {@code --save}; commands inside run with
 * {@code vzctl exec2} so their exit codes are real.
 */
public final class VzctlRuntime implements HostRuntime {
    private final CommandRunner node;
    private final FileView files;
    private final NetTools flavour;

    public VzctlRuntime(CommandRunner node, FileView files, NetTools flavour) {
        this.node = node;
        this.files = files;
        this.flavour = flavour;
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

    @Override
    public Step addVeth(String ctid, String ifname, String bridge, String mac) {
        String host = hostIfname(ctid, ifname);
        return new Step(add(ctid, ifname, bridge, mac, host), List.of(del(ctid, ifname)), Set.of(host));
    }

    @Override
    public Step removeVeth(String ctid, String ifname, String bridge, String mac) {
        String host = hostIfname(ctid, ifname);
        return new Step(del(ctid, ifname), List.of(add(ctid, ifname, bridge, mac, host)), Set.of(host));
    }

    private static Exec add(String ctid, String ifname, String bridge, String mac, String host) {
        return Exec.of("vzctl", "set", ctid, "--netif_add", netifSpec(ifname, mac, host, bridge), "--save");
    }

    private static Exec del(String ctid, String ifname) {
        return Exec.of("vzctl", "set", ctid, "--netif_del", ifname, "--save");
    }

    @Override
    public NetTools inside(String ctid) {
        return new PrefixedTools(flavour, argv -> inside(ctid, argv));
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
