package dev.vzbridge.persistence;

import java.util.regex.Pattern;

/** RHEL initscripts: ifcfg-BR (TYPE=Bridge, the address) and ifcfg-NIC (BRIDGE=BR, no address). */
final class RhelNetworkFiles {
    static final String DIR = "/etc/sysconfig/network-scripts";
    /** Keys that give an interface an address; a bridge port must have none. */
    private static final Pattern ADDRESS_KEY = Pattern.compile("(IPADDR|PREFIX|NETMASK|GATEWAY)\\d*|BROADCAST|NETWORK");

    private RhelNetworkFiles() {
    }

    static void write(RunningConfig cfg, FileSet out) {
        for (RunningConfig.NodeBridge br : cfg.bridges()) {
            bridge(br, out);
            for (String nic : br.nics()) port(nic, br.name(), out);
        }
    }

    private static void bridge(RunningConfig.NodeBridge br, FileSet out) {
        String path = DIR + "/ifcfg-" + br.name();
        ShellVarsFile f = ShellVarsFile.parse(path, out.current(path), false);
        f.set("DEVICE", br.name());
        f.set("TYPE", "Bridge");
        f.set("ONBOOT", "yes");
        f.set("BOOTPROTO", "none");
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
        f.set("STP", br.stp() ? "on" : "off");
        f.set("DELAY", String.valueOf(br.delay()));
        if (br.mac() != null) f.set("MACADDR", br.mac());
        out.put(path, f.render(out.header("Bridge " + br.name())), null);
    }

    private static void port(String nic, String bridge, FileSet out) {
        String path = DIR + "/ifcfg-" + nic;
        ShellVarsFile f = ShellVarsFile.parse(path, out.current(path), false);
        f.set("DEVICE", f.get("DEVICE").orElse(nic));
        f.set("ONBOOT", "yes");
        f.set("BOOTPROTO", "none");
        for (String k : f.values().keySet()) if (ADDRESS_KEY.matcher(k).matches()) f.remove(k);
        f.set("BRIDGE", bridge);
        out.put(path, f.render(out.header("Port of bridge " + bridge)), null);
    }
}
