package dev.vzbridge.persistence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * vzctl's NETIF value: interfaces separated by ';', each
 * {@code ifname=…,bridge=…,mac=…,host_ifname=…,host_mac=…}. Only bridge= of the
 * saved interfaces changes; other fields, their order and other interfaces stay.
 */
final class Netif {
    private Netif() {
    }

    static String merge(String netif, List<RunningConfig.CtIface> ifaces) {
        boolean trailing = netif.endsWith(";");
        List<List<String>> entries = new ArrayList<>();
        for (String e : netif.split(";")) if (!e.isBlank()) entries.add(new ArrayList<>(Arrays.asList(e.split(","))));
        for (RunningConfig.CtIface i : ifaces) {
            List<String> entry = entries.stream().filter(e -> i.ifname().equals(field(e, "ifname"))).findFirst().orElse(null);
            if (entry == null) {
                entry = new ArrayList<>(List.of("ifname=" + i.ifname(), "bridge=" + i.bridge()));
                if (i.mac() != null) entry.add("mac=" + i.mac().toUpperCase(Locale.ROOT));
                entry.add("host_ifname=" + i.hostIfname());
                if (i.hostMac() != null) entry.add("host_mac=" + i.hostMac().toUpperCase(Locale.ROOT));
                entries.add(entry);
                continue;
            }
            int at = index(entry, "bridge");
            if (at >= 0) entry.set(at, "bridge=" + i.bridge());
            else entry.add(index(entry, "ifname") + 1, "bridge=" + i.bridge());
        }
        StringBuilder sb = new StringBuilder();
        for (List<String> e : entries) {
            if (sb.length() > 0) sb.append(';');
            sb.append(String.join(",", e));
        }
        if (trailing) sb.append(';');
        return sb.toString();
    }

    /** NETIF keys in the order libvzctl writes them (OpenVZ 7); unknown keys stay where they are. */
    static final List<String> KEYS_7 = List.of("ifname", "mac", "host_ifname", "host_mac", "network", "type", "ip", "gw", "gw6", "configure");

    /**
     * OpenVZ 7: each saved interface gets network=BR,type=bridge, its addresses in ip=,
     * the CT's gateway in gw= (on the interface whose subnet holds it, else the first)
     * and configure=all, at libvzctl's positions; bridge= goes (libvzctl ignores it).
     * Other keys of the entry, their order and other interfaces stay.
     */
    static String merge7(String netif, List<RunningConfig.CtIface> ifaces, String gateway) {
        boolean trailing = netif.endsWith(";");
        List<List<String>> entries = new ArrayList<>();
        for (String e : netif.split(";")) if (!e.isBlank()) entries.add(new ArrayList<>(Arrays.asList(e.split(","))));
        String gwIface = gatewayIface(ifaces, gateway);
        for (RunningConfig.CtIface i : ifaces) {
            List<String> entry = entries.stream().filter(e -> i.ifname().equals(field(e, "ifname"))).findFirst().orElse(null);
            if (entry == null) {
                entry = new ArrayList<>(List.of("ifname=" + i.ifname()));
                if (i.mac() != null) put7(entry, "mac", i.mac().toUpperCase(Locale.ROOT));
                put7(entry, "host_ifname", i.hostIfname());
                if (i.hostMac() != null) put7(entry, "host_mac", i.hostMac().toUpperCase(Locale.ROOT));
                entries.add(entry);
            }
            int br = index(entry, "bridge");
            if (br >= 0) entry.remove(br);
            put7(entry, "network", i.bridge());
            put7(entry, "type", "bridge");
            String ips = String.join(" ", i.addresses().stream().map(Object::toString).toList());
            if (ips.isEmpty()) remove(entry, "ip");
            else put7(entry, "ip", ips);
            if (gateway != null && i.ifname().equals(gwIface)) put7(entry, "gw", gateway);
            else remove(entry, "gw");
            put7(entry, "configure", "all");
        }
        StringBuilder sb = new StringBuilder();
        for (List<String> e : entries) {
            if (sb.length() > 0) sb.append(';');
            sb.append(String.join(",", e));
        }
        if (trailing) sb.append(';');
        return sb.toString();
    }

    /** The interface that carries the default route: the one whose subnet holds the gateway, else the first. */
    private static String gatewayIface(List<RunningConfig.CtIface> ifaces, String gateway) {
        if (gateway == null || ifaces.isEmpty()) return null;
        for (RunningConfig.CtIface i : ifaces)
            for (var c : i.addresses()) if (c.contains(dev.vzbridge.api.net.IpAddress.parse(gateway))) return i.ifname();
        return ifaces.get(0).ifname();
    }

    /** Sets key=value in place, or inserts it after the last known key that libvzctl writes before it. */
    private static void put7(List<String> entry, String key, String value) {
        int at = index(entry, key);
        if (at >= 0) {
            entry.set(at, key + "=" + value);
            return;
        }
        int rank = KEYS_7.indexOf(key);
        int insert = 0;
        for (int i = 0; i < entry.size(); i++) {
            String k = entry.get(i).split("=", 2)[0];
            int r = KEYS_7.indexOf(k);
            if (r >= 0 && r < rank) insert = i + 1;
        }
        entry.add(insert, key + "=" + value);
    }

    private static void remove(List<String> entry, String key) {
        int at = index(entry, key);
        if (at >= 0) entry.remove(at);
    }

    private static int index(List<String> entry, String key) {
        for (int i = 0; i < entry.size(); i++) if (entry.get(i).startsWith(key + "=")) return i;
        return -1;
    }

    private static String field(List<String> entry, String key) {
        int i = index(entry, key);
        return i < 0 ? null : entry.get(i).substring(key.length() + 1);
    }
}
