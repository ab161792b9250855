package dev.vzbridge.persistence;

import java.util.List;
import java.util.Locale;

/**
 * NetworkManager on RHEL-family nodes. When it runs (its pid file under /run) and
 * the NIC's ifcfg file does not say NM_CONTROLLED=no, it manages the NIC, and ifup
 * hands the files to it instead of the brctl path. save then writes
 * NM_CONTROLLED=no on the bridge and its ports so the network service owns them as
 * the recipe intends (mode release, the default), or keeps NetworkManager in charge
 * of both (mode keep). An NM_CONTROLLED=no the NIC's file already has is carried
 * over to the bridge. Bridge and ports always get the same value, so the two never
 * fight over one device.
 */
final class NetworkManager {
    /** Where NetworkManager keeps its pid while it runs (/var/run is a link to /run on RHEL 7). */
    static final List<String> PID_FILES = List.of("/run/NetworkManager/NetworkManager.pid", "/var/run/NetworkManager/NetworkManager.pid");

    enum Mode {
        RELEASE, KEEP;

        static Mode of(String word) {
            return switch (word.toLowerCase(Locale.ROOT)) {
                case "release" -> RELEASE;
                case "keep" -> KEEP;
                default -> null;
            };
        }
    }

    private NetworkManager() {
    }

    static boolean running(FileSet out) {
        return PID_FILES.stream().anyMatch(out::exists);
    }

    /**
     * The NM_CONTROLLED value for the bridge and its ports ("no"), or null for leaving
     * NetworkManager in charge (the key is then removed where it said "no"); notes why.
     */
    static String decide(RunningConfig.NodeBridge br, Mode mode, FileSet out) {
        String ports = String.join(", ", br.nics());
        boolean nicSaysNo = br.nics().stream().anyMatch(n -> RhelNetworkFiles.file(n, out).get("NM_CONTROLLED")
            .map(v -> v.equalsIgnoreCase("no")).orElse(false));
        boolean running = running(out);
        if (nicSaysNo) {
            out.note("NetworkManager: " + ports + " already says NM_CONTROLLED=no; carried over to " + br.name()
                + ", so the network service owns the bridge and its port");
            return "no";
        }
        if (!running) {
            out.note("NetworkManager is not running: the network service brings up " + br.name() + " and " + ports
                + " from these files");
            return null;
        }
        if (mode == Mode.KEEP) {
            out.note("NetworkManager runs and manages " + ports + "; kept in charge of " + br.name() + " and " + ports
                + " (--networkmanager keep): it reads these ifcfg files, so check the result with 'nmcli device'");
            return null;
        }
        out.note("NetworkManager runs and manages " + ports + ": " + br.name() + " and " + ports
            + " get NM_CONTROLLED=no, so the network service brings them up as the recipe intends"
            + " (keep it enabled: systemctl enable network); --networkmanager keep leaves NetworkManager in charge instead");
        return "no";
    }

    /** Writes the decided value; when NetworkManager stays in charge, a stale "no" goes. */
    static void apply(ShellVarsFile f, String controlled) {
        if (controlled != null) f.set("NM_CONTROLLED", controlled);
        else if (f.get("NM_CONTROLLED").map(v -> v.equalsIgnoreCase("no")).orElse(false)) f.remove("NM_CONTROLLED");
    }
}
