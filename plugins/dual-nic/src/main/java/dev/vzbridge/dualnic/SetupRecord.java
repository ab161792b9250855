package dev.vzbridge.dualnic;

import dev.vzbridge.api.host.Route;
import dev.vzbridge.api.net.Cidr;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What {@code dualnic setup} changed, kept in a small file so that teardown can
 * put back exactly the state from before the first setup: the NICs' up/down
 * state, the addresses and routes taken off the external NIC, and what was added
 * to the local NIC. The bridge is always made by setup, so teardown removes it.
 * The file is written and deleted by the same plans that change the links, so it
 * rolls back with them.
 *
 * @param asked the latest setup's arguments, shown by {@code dualnic show}
 */
public record SetupRecord(String external, boolean externalWasUp, String local, boolean localWasUp, String bridge,
                          List<Cidr> externalAddresses, List<Route> externalRoutes,
                          List<Cidr> localAddedAddresses, List<Route> localAddedRoutes, Asked asked) {
    /** Where the record lives on the node (under --root). */
    public static final String PATH = "/var/lib/vzbridge/dual-nic.state";
    public static final int MODE = 0644;
    private static final String HEADER = "# vzbridge dual-NIC setup: what 'dualnic teardown' puts back. Do not edit.";

    /** The arguments of the latest setup; bridgeAddress may be null. */
    public record Asked(Cidr localAddress, String gateway, Cidr bridgeAddress) {
    }

    public SetupRecord {
        externalAddresses = List.copyOf(externalAddresses);
        externalRoutes = List.copyOf(externalRoutes);
        localAddedAddresses = List.copyOf(localAddedAddresses);
        localAddedRoutes = List.copyOf(localAddedRoutes);
    }

    /**
     * This record after another setup run on the same NICs: the pre-setup facts of
     * the first run stay; whatever this run takes off or adds is added to them.
     */
    public SetupRecord plus(List<Cidr> moreExternalAddresses, List<Route> moreExternalRoutes,
                            List<Cidr> moreLocalAddresses, List<Route> moreLocalRoutes, Asked latest) {
        return new SetupRecord(external, externalWasUp, local, localWasUp, bridge,
            union(externalAddresses, moreExternalAddresses), union(externalRoutes, moreExternalRoutes),
            union(localAddedAddresses, moreLocalAddresses), union(localAddedRoutes, moreLocalRoutes), latest);
    }

    private static <T> List<T> union(List<T> a, List<T> b) {
        LinkedHashSet<T> out = new LinkedHashSet<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }

    public byte[] toBytes() {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        line(sb, "external", external, externalWasUp ? "up" : "down");
        line(sb, "local", local, localWasUp ? "up" : "down");
        line(sb, "bridge", bridge);
        line(sb, "local-address", asked.localAddress().toString());
        line(sb, "gateway", asked.gateway());
        if (asked.bridgeAddress() != null) line(sb, "bridge-address", asked.bridgeAddress().toString());
        externalAddresses.forEach(c -> line(sb, "external-had-address", c.toString()));
        externalRoutes.forEach(r -> line(sb, "external-had-route", RouteText.format(r)));
        localAddedAddresses.forEach(c -> line(sb, "local-added-address", c.toString()));
        localAddedRoutes.forEach(r -> line(sb, "local-added-route", RouteText.format(r)));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder sb, String key, String... values) {
        sb.append(key);
        for (String v : values) sb.append(' ').append(v);
        sb.append('\n');
    }

    /** Parses the file; a damaged file is refused with the line at fault (teardown must not guess). */
    public static SetupRecord parse(byte[] bytes) {
        String external = null, local = null, bridge = null, gateway = null;
        boolean externalUp = true, localUp = true;
        Cidr localAddress = null, bridgeAddress = null;
        List<Cidr> extAddr = new ArrayList<>(), locAddr = new ArrayList<>();
        List<Route> extRoutes = new ArrayList<>(), locRoutes = new ArrayList<>();
        int n = 0;
        for (String raw : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            n++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] w = line.split("\\s+", 2);
            String rest = w.length > 1 ? w[1] : "";
            try {
                switch (w[0]) {
                    case "external" -> { external = word(rest, 0); externalUp = !"down".equals(word(rest, 1)); }
                    case "local" -> { local = word(rest, 0); localUp = !"down".equals(word(rest, 1)); }
                    case "bridge" -> bridge = word(rest, 0);
                    case "local-address" -> localAddress = Cidr.parse(rest);
                    case "gateway" -> gateway = word(rest, 0);
                    case "bridge-address" -> bridgeAddress = Cidr.parse(rest);
                    case "external-had-address" -> extAddr.add(Cidr.parse(rest));
                    case "external-had-route" -> extRoutes.add(RouteText.parse(rest));
                    case "local-added-address" -> locAddr.add(Cidr.parse(rest));
                    case "local-added-route" -> locRoutes.add(RouteText.parse(rest));
                    default -> throw new IllegalArgumentException("unknown key '" + w[0] + "'");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + n + ": " + e.getMessage());
            }
        }
        if (external == null || local == null || bridge == null || localAddress == null || gateway == null)
            throw new IllegalArgumentException("external, local, bridge, local-address or gateway is missing");
        return new SetupRecord(external, externalUp, local, localUp, bridge, extAddr, extRoutes, locAddr, locRoutes,
            new Asked(localAddress, gateway, bridgeAddress));
    }

    private static String word(String text, int i) {
        String[] w = text.isBlank() ? new String[0] : text.strip().split("\\s+");
        if (i >= w.length) {
            if (i == 0) throw new IllegalArgumentException("missing value");
            return null;
        }
        return w[i];
    }
}
