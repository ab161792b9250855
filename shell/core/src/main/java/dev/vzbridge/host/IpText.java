package dev.vzbridge.host;

import dev.vzbridge.api.host.Address;
import dev.vzbridge.api.host.BridgeInfo;
import dev.vzbridge.api.host.Link;
import dev.vzbridge.api.host.Route;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the text output of iproute2 versions without {@code -j} (old OpenVZ
 * nodes): {@code ip -o -d link show}, {@code ip -o addr show}, {@code ip route show}.
 * What old versions leave out of {@code -d} (bridge settings, port states) comes
 * from sysfs, see {@link #applySysfs}.
 */
public final class IpText {
    private static final Pattern LINK = Pattern.compile("^(\\d+):\\s+([^:@\\s]+)(?:@[^:\\s]*)?:\\s+<([^>]*)>(.*)$");
    private static final Pattern ADDR = Pattern.compile("^(\\d+):\\s+([^:@\\s]+)(?:@\\S*)?\\s+(inet6?)\\s+(\\S+)(.*)$");
    private static final Set<String> ROUTE_TYPES =
        Set.of("unicast", "local", "broadcast", "anycast", "multicast", "nat", "unreachable", "prohibit", "blackhole", "throw");
    private static final Set<String> KIND_WORDS = Set.of("veth", "bridge", "vlan", "bond", "macvlan", "ipvlan", "dummy",
        "vxlan", "tun", "venet", "vrf", "team", "gre", "ipip", "sit", "wireguard");

    private IpText() {
    }

    public static List<Link> links(String text) {
        List<Link> out = new ArrayList<>();
        for (String line : text.lines().toList()) {
            Matcher m = LINK.matcher(line.strip());
            if (!m.matches()) continue;
            String flags = m.group(3);
            boolean up = List.of(flags.split(",")).contains("UP");
            String rest = m.group(4);
            List<String> w = List.of(rest.replace("\\", " ").trim().split("\\s+"));
            String master = after(w, "master");
            String mac = null;
            String kind = null;
            for (int i = 0; i < w.size(); i++) {
                if (w.get(i).startsWith("link/")) {
                    String type = w.get(i).substring(5);
                    kind = type.equals("loopback") ? "loopback" : type.equals("ether") ? "ether" : type;
                    if (i + 1 < w.size() && w.get(i + 1).contains(":")) mac = w.get(i + 1);
                }
            }
            // With -d, the details segment after the link/ line begins with the kind (veth, bridge, …).
            for (String seg : rest.split("\\\\")) {
                String first = seg.strip().split("\\s+", 2)[0];
                if (KIND_WORDS.contains(first)) {
                    kind = first;
                    break;
                }
            }
            BridgeInfo bridge = null;
            String stp = segmentValue(rest, "bridge", "stp_state");
            String fd = segmentValue(rest, "bridge", "forward_delay");
            if ("bridge".equals(kind) && stp != null && fd != null)
                bridge = new BridgeInfo(!stp.equals("0"), IpValues.seconds(Long.parseLong(fd)));
            String portState = IpValues.name(segmentValue(rest, "bridge_slave", "state"));
            out.add(new Link(m.group(2), Integer.parseInt(m.group(1)), kind == null ? "ether" : kind, master, up, mac,
                bridge, portState));
        }
        return out;
    }

    /** The value after {@code key} in the -o segment that starts with {@code segment}. */
    private static String segmentValue(String rest, String segment, String key) {
        for (String seg : rest.split("\\\\")) {
            List<String> w = List.of(seg.strip().split("\\s+"));
            if (!w.isEmpty() && w.get(0).equals(segment)) return after(w, key);
        }
        return null;
    }

    public static List<Address> addresses(String text) {
        List<Address> out = new ArrayList<>();
        for (String line : text.lines().toList()) {
            Matcher m = ADDR.matcher(line.strip());
            if (!m.matches()) continue;
            String local = m.group(4);
            if (!local.contains("/")) local = local + (m.group(3).equals("inet6") ? "/128" : "/32");
            List<String> w = List.of(m.group(5).replace("\\", " ").trim().split("\\s+"));
            String peer = after(w, "peer");
            // Point-to-point: "inet A peer B/32" — the prefix belongs to the peer, the address is A.
            if (peer != null && peer.contains("/") && !m.group(4).contains("/")) local = m.group(4) + peer.substring(peer.indexOf('/'));
            out.add(new Address(m.group(2), local, after(w, "scope")));
        }
        return out;
    }

    public static List<Route> routes(String text) {
        List<Route> out = new ArrayList<>();
        for (String line : text.lines().toList()) {
            List<String> w = new ArrayList<>(List.of(line.strip().split("\\s+")));
            if (w.isEmpty() || w.get(0).isEmpty()) continue;
            if (ROUTE_TYPES.contains(w.get(0))) {
                if (!w.get(0).equals("unicast")) continue;
                w.remove(0);
            }
            String table = after(w, "table");
            if (table != null && !table.equals("main")) continue;
            String metric = after(w, "metric");
            Integer m = metric != null && metric.matches("\\d+") ? Integer.valueOf(metric) : null;
            out.add(new Route(IpValues.cidrOf(w.get(0)), after(w, "via"), after(w, "dev"), IpValues.proto(after(w, "proto")),
                IpValues.scope(after(w, "scope")), m, after(w, "src")));
        }
        return out;
    }

    /**
     * Fills in bridge settings and port states from {@code grep -H "" FILES} output
     * over /sys/class/net/X/bridge/{stp_state,forward_delay} and X/brport/state.
     * A link with a bridge/ directory is a bridge whatever -d said.
     */
    public static List<Link> applySysfs(List<Link> links, String grepOutput) {
        Map<String, String> values = new HashMap<>();
        for (String line : grepOutput.lines().toList()) {
            int colon = line.lastIndexOf(':');
            if (colon > 0) values.put(line.substring(0, colon), line.substring(colon + 1).strip());
        }
        List<Link> out = new ArrayList<>();
        for (Link l : links) {
            String base = "/sys/class/net/" + l.name() + "/";
            String stp = values.get(base + "bridge/stp_state");
            String fd = values.get(base + "bridge/forward_delay");
            String port = values.get(base + "brport/state");
            String kind = l.kind();
            BridgeInfo bridge = l.bridge();
            if (stp != null && fd != null && fd.matches("\\d+")) {
                kind = "bridge";
                if (bridge == null) bridge = new BridgeInfo(!stp.equals("0"), IpValues.seconds(Long.parseLong(fd)));
            }
            String portState = l.portState() != null ? l.portState() : IpValues.name(port);
            out.add(new Link(l.name(), l.index(), kind, l.master(), l.up(), l.mac(), bridge, portState));
        }
        return out;
    }

    /** The sysfs files {@link #applySysfs} reads for these links. */
    public static List<String> sysfsFiles(List<Link> links) {
        List<String> files = new ArrayList<>();
        for (Link l : links) {
            if (l.isLoopback()) continue;
            String base = "/sys/class/net/" + l.name() + "/";
            files.add(base + "bridge/stp_state");
            files.add(base + "bridge/forward_delay");
            files.add(base + "brport/state");
        }
        return files;
    }

    private static String after(List<String> words, String key) {
        int i = words.indexOf(key);
        return i >= 0 && i + 1 < words.size() ? words.get(i + 1) : null;
    }
}
