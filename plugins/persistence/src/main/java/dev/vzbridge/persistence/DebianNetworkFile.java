package dev.vzbridge.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Debian ifupdown: {@code iface NIC inet manual} for each port, and
 * {@code auto BR} / {@code iface BR inet static} with the address and bridge
 * settings. Container veths are never listed: ifupdown reads a dotted name
 * such as veth101.0 as a VLAN.
 */
final class DebianNetworkFile {
    static final String PATH = "/etc/network/interfaces";
    /** Options that give an interface an address; a bridge port must have none. */
    private static final Set<String> ADDRESS_OPTIONS = Set.of("address", "netmask", "gateway", "broadcast",
        "network", "pointopoint", "metric");
    private static final String[] OWNED = {"address", "netmask", "gateway", "bridge_ports", "bridge_stp", "bridge_fd", "bridge_hw"};

    private DebianNetworkFile() {
    }

    static void write(RunningConfig cfg, FileSet out) {
        if (cfg.bridges().isEmpty()) return;
        InterfacesFile f = InterfacesFile.parse(PATH, out.current(PATH));
        for (RunningConfig.NodeBridge br : cfg.bridges()) bridge(f, br, out);
        out.put(PATH, f.render(), null);
    }

    private static void bridge(InterfacesFile f, RunningConfig.NodeBridge br, FileSet out) {
        // The ports lose their addresses; their DNS settings move to the bridge that now has the address.
        List<String[]> moved = new ArrayList<>();
        int after = -1;
        List<String> missingPorts = new ArrayList<>();
        for (String nic : br.nics()) {
            var port = f.iface(nic, "inet");
            if (port.isEmpty()) {
                missingPorts.add(nic);
                continue;
            }
            var s = f.setMethod(port.get(), "manual");
            for (String[] o : f.options(s)) {
                String key = o[0].replace('-', '_');
                if (key.startsWith("dns_")) moved.add(o);
                if (key.startsWith("dns_") || ADDRESS_OPTIONS.contains(key)) s = f.removeOption(s, o[0]);
            }
        }
        for (String nic : br.nics()) {
            var port = f.iface(nic, "inet");
            if (port.isPresent()) after = Math.max(after, f.extent(port.get()));
        }

        var existing = f.iface(br.name(), "inet");
        if (existing.isEmpty()) {
            int at = after >= 0 ? after + 1 : f.size();
            List<String> block = new ArrayList<>();
            if (at > 0 && !f.blankAt(at - 1)) block.add("\n");
            block.add(out.header("Bridge " + br.name()));
            for (String nic : missingPorts) block.add("iface " + nic + " inet manual\n");
            block.add("auto " + br.name() + "\n");
            block.add("iface " + br.name() + " inet " + (br.address() == null ? "manual" : "static") + "\n");
            if (at < f.size() && !f.blankAt(at)) block.add("\n");
            f.insert(at, block);
        } else if (!f.isAuto(br.name())) {
            f.insert(existing.get().header(), List.of("auto " + br.name() + "\n"));
        }
        var s = f.iface(br.name(), "inet").orElseThrow();
        s = f.setMethod(s, br.address() == null ? "manual" : "static");
        String[] values = {
            br.address() == null ? null : br.address().address().toString(),
            br.address() == null ? null : br.address().netmask(),
            br.gateway(),
            br.nics().isEmpty() ? "none" : String.join(" ", br.nics()),
            br.stp() ? "on" : "off",
            String.valueOf(br.delay()),
            br.mac()
        };
        for (int i = 0; i < OWNED.length; i++) {
            s = values[i] == null ? f.removeOption(s, OWNED[i]) : f.setOption(s, OWNED[i], values[i]);
        }
        for (String[] o : moved) {
            boolean has = f.options(s).stream().anyMatch(x -> x[0].replace('-', '_').equals(o[0].replace('-', '_')));
            if (!has) s = f.setOption(s, o[0], String.join(" ", List.of(o).subList(1, o.length)));
        }
    }
}
