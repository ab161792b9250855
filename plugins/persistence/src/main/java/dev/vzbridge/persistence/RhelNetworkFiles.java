package dev.vzbridge.persistence;

import dev.vzbridge.api.command.UsageException;
import dev.vzbridge.api.tools.OpenVz;

import java.util.regex.Pattern;

/**
 * RHEL initscripts: ifcfg-BR (TYPE=Bridge, the address) and ifcfg-NIC (BRIDGE=BR, no
 * address). A bridge the node already has in its files (as OpenVZ 7's installer
 * leaves it: ifcfg-br0 with the address, DELAY=2, STP=off, BRIDGE=br0 in the NIC's)
 * is edited in place, never written a second time. On OpenVZ 7 the bridge keeps the
 * NIC's MAC, which libvirt's "Bridged" network finds it by. NetworkManager: see
 * {@link NetworkManager}.
 */
final class RhelNetworkFiles {
    static final String DIR = "/etc/sysconfig/network-scripts";
    /** Keys that give an interface an address; a bridge port must have none. */
    private static final Pattern ADDRESS_KEY = Pattern.compile("(IPADDR|PREFIX|NETMASK|GATEWAY)\\d*|BROADCAST|NETWORK");

    private RhelNetworkFiles() {
    }

    static void write(RunningConfig cfg, OpenVz openvz, NetworkManager.Mode nm, FileSet out) {
        for (RunningConfig.NodeBridge br : cfg.bridges()) {
            for (String nic : br.nics()) requireSameBridge(nic, br.name(), out);
            String controlled = NetworkManager.decide(br, nm, out);
            bridge(br, openvz, controlled, out);
            for (String nic : br.nics()) port(nic, br.name(), controlled, out);
        }
    }

    static ShellVarsFile file(String name, FileSet out) {
        String path = DIR + "/ifcfg-" + name;
        return ShellVarsFile.parse(path, out.current(path), false);
    }

    /** A NIC whose file puts it on another bridge that has a file of its own: writing ours would make two. */
    private static void requireSameBridge(String nic, String bridge, FileSet out) {
        String other = file(nic, out).get("BRIDGE").orElse(bridge);
        if (other.equals(bridge) || !out.exists(DIR + "/ifcfg-" + other)) return;
        if (!file(other, out).get("TYPE").map(t -> t.equalsIgnoreCase("Bridge")).orElse(false)) return;
        throw new UsageException("save: " + DIR + "/ifcfg-" + nic + " puts " + nic + " on bridge " + other
            + " (ifcfg-" + other + "), but " + nic + " runs on " + bridge + "; saving would make a second bridge for " + nic
            + ": use " + other + " as the bridge, or move " + nic + " off it in the files first");
    }

    private static void bridge(RunningConfig.NodeBridge br, OpenVz openvz, String controlled, FileSet out) {
        String path = DIR + "/ifcfg-" + br.name();
        ShellVarsFile f = file(br.name(), out);
        f.set("DEVICE", br.name());
        f.set("TYPE", "Bridge");
        f.set("ONBOOT", "yes");
        // A bridge the node's files already give a DHCP address keeps it that way.
        boolean dhcp = f.get("BOOTPROTO").map(v -> v.equalsIgnoreCase("dhcp")).orElse(false);
        if (dhcp) {
            out.note(br.name() + ": ifcfg-" + br.name() + " takes its address by DHCP; kept");
        } else {
            f.set("BOOTPROTO", "none");
            address(br, f);
        }
        f.set("STP", br.stp() ? "on" : "off");
        f.set("DELAY", String.valueOf(br.delay()));
        // OpenVZ 7: the NIC's MAC, so libvirt's Bridged network finds the bridge; legacy: the bridge's own.
        String mac = openvz == OpenVz.SEVEN && br.nicMac() != null ? br.nicMac() : br.mac();
        if (mac != null) f.set("MACADDR", mac);
        NetworkManager.apply(f, controlled);
        out.put(path, f.render(out.header("Bridge " + br.name())), null);
    }

    private static void address(RunningConfig.NodeBridge br, ShellVarsFile f) {
        if (br.address() != null) {
            f.set("IPADDR", br.address().address().toString());
            // keep the admin's choice between PREFIX and NETMASK
            boolean prefixStyle = f.has("PREFIX") && !f.has("NETMASK");
            if (prefixStyle) {
                f.set("PREFIX", String.valueOf(br.address().prefix()));
            } else {
                f.set("NETMASK", br.address().netmask());
                if (f.has("PREFIX")) f.set("PREFIX", String.valueOf(br.address().prefix()));
            }
        } else {
            for (String k : f.values().keySet()) if (ADDRESS_KEY.matcher(k).matches()) f.remove(k);
        }
        if (br.gateway() != null) f.set("GATEWAY", br.gateway());
        else f.remove("GATEWAY");
    }

    private static void port(String nic, String bridge, String controlled, FileSet out) {
        String path = DIR + "/ifcfg-" + nic;
        ShellVarsFile f = file(nic, out);
        f.set("DEVICE", f.get("DEVICE").orElse(nic));
        f.set("ONBOOT", "yes");
        f.set("BOOTPROTO", "none");
        for (String k : f.values().keySet()) if (ADDRESS_KEY.matcher(k).matches()) f.remove(k);
        f.set("BRIDGE", bridge);
        NetworkManager.apply(f, controlled);
        out.put(path, f.render(out.header("Port of bridge " + bridge)), null);
    }
}
