package dev.vzbridge.host;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads OpenVZ's shell-variable config files (KEY="value" lines) and the NETIF value. */
public final class VzConf {
    private VzConf() {
    }

    public static Map<String, String> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.lines().toList()) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) continue;
            int eq = l.indexOf('=');
            if (eq <= 0) continue;
            String v = l.substring(eq + 1).strip();
            if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'")))
                v = v.substring(1, v.length() - 1);
            out.put(l.substring(0, eq).strip(), v);
        }
        return out;
    }

    /** NETIF="ifname=eth0,bridge=br0,mac=…;ifname=eth1,…" → one map per interface. */
    public static List<Map<String, String>> netifs(String value) {
        List<Map<String, String>> out = new ArrayList<>();
        for (String iface : value.split(";")) {
            if (iface.isBlank()) continue;
            Map<String, String> m = new LinkedHashMap<>();
            for (String kv : iface.split(",")) {
                int eq = kv.indexOf('=');
                if (eq > 0) m.put(kv.substring(0, eq).strip(), kv.substring(eq + 1).strip());
            }
            out.add(m);
        }
        return out;
    }
}
