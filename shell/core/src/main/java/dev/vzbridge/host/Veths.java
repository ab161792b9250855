package dev.vzbridge.host;

import dev.vzbridge.api.command.UsageException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Host-end names of container interfaces, as vzctl makes them: CT 101 eth0 → veth101.0. */
public final class Veths {
    private static final Pattern TRAILING_NUMBER = Pattern.compile("(\\d+)$");

    private Veths() {
    }

    public static String hostIfname(String ctid, String ifname) {
        Matcher m = TRAILING_NUMBER.matcher(ifname);
        if (!m.find()) throw new UsageException("interface name '" + ifname + "' must end in a number (eth0, eth1 …)");
        String name = "veth" + ctid + "." + Integer.parseInt(m.group(1));
        if (name.length() > 15) throw new UsageException("host interface name " + name + " would exceed 15 characters");
        return name;
    }
}
