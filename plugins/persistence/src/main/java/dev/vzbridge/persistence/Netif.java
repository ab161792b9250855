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

    private static int index(List<String> entry, String key) {
        for (int i = 0; i < entry.size(); i++) if (entry.get(i).startsWith(key + "=")) return i;
        return -1;
    }

    private static String field(List<String> entry, String key) {
        int i = index(entry, key);
        return i < 0 ? null : entry.get(i).substring(key.length() + 1);
    }
}
