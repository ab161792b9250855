package dev.vzbridge.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of the recipe's starting point for a lab's temporary --root: an
 * OpenVZ node on a RHEL-style system with eth0 configured statically, so that
 * commands which read or write boot configuration (save) have a real node to edit.
 */
public final class LabRoot {
    private LabRoot() {
    }

    public static Map<String, String> files(List<String> containerIds) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("etc/sysconfig/network", "NETWORKING=yes\nHOSTNAME=node.lab\nGATEWAY=" + Lab.LAN_GATEWAY + "\n");
        f.put("etc/sysconfig/network-scripts/ifcfg-eth0", "DEVICE=eth0\nBOOTPROTO=static\nONBOOT=yes\nIPADDR="
            + Lab.NODE_ADDRESS + "\nNETMASK=255.255.255.0\n");
        f.put("etc/sysconfig/network-scripts/ifcfg-eth1", "DEVICE=eth1\nBOOTPROTO=none\nONBOOT=no\n");
        f.put("etc/vz/vz.conf", "## Global parameters\nVIRTUOZZO=yes\nLOCKDIR=/vz/lock\nVE_ROOT=/vz/root/$VEID\n"
            + "VE_PRIVATE=/vz/private/$VEID\n");
        for (String id : containerIds) {
            f.put("etc/vz/conf/" + id + ".conf", "# Container " + id + " of the lab\nONBOOT=\"yes\"\nHOSTNAME=\"ct" + id
                + ".lab\"\nVE_ROOT=\"/vz/root/$VEID\"\nVE_PRIVATE=\"/vz/private/$VEID\"\nOSTEMPLATE=\"centos-7-x86_64\"\n");
        }
        return f;
    }

    /** Writes the starting-point files under root (never over existing ones). */
    public static void seed(Path root, List<String> containerIds) throws IOException {
        for (Map.Entry<String, String> e : files(containerIds).entrySet()) {
            Path p = root.resolve(e.getKey());
            if (Files.exists(p)) continue;
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue());
        }
    }
}
