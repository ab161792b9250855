package dev.vzbridge.lab;

import dev.vzbridge.exec.ProcessRunner;
import dev.vzbridge.testkit.LabRequirement;
import dev.vzbridge.testkit.LabTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@LabTest
class LabTopologyTest {
    private static List<String> namespacesOf(String prefix) {
        return Netns.list(new ProcessRunner()).stream().filter(n -> n.startsWith(prefix + "-")).toList();
    }

    @Test
    void buildsTheRecipeStartingPointAndRemovesEverything() {
        LabRequirement.require();
        String prefix;
        try (Lab lab = Lab.builder().containers(101, 102, 103).build()) {
            prefix = lab.prefix();
            assertTrue(prefix.matches("vzb[0-9a-z]{6}"), prefix);
            assertEquals(List.of(prefix + "-ct101", prefix + "-ct102", prefix + "-ct103"),
                namespacesOf(prefix).stream().filter(n -> n.contains("-ct")).sorted().toList());
            assertTrue(lab.ping(lab.nodeNetns(), Lab.LAN_GATEWAY), "node reaches the LAN gateway over eth0");
            String route = lab.run(lab.nodeNetns(), "ip", "route", "get", Lab.LAN_GATEWAY);
            assertTrue(route.contains("dev eth0"), route);
            assertTrue(lab.run(lab.upNetns(), "ip", "-o", "addr", "show", "dev", "eth0").contains("203.0.113.193/26"));
            assertTrue(Files.exists(LabMarkers.DIR.resolve(prefix)), "marker written");
        }
        assertEquals(List.of(), namespacesOf(prefix), "no namespace left behind");
        assertFalse(Files.exists(LabMarkers.DIR.resolve(prefix)), "marker removed");
    }

    @Test
    void dualNicLayoutReachesTheLocalLanThroughEth1(Lab lab) {
        String hn = lab.nodeNetns();
        lab.run(hn, "ip", "addr", "del", "10.0.0.2/24", "dev", "eth0");
        lab.run(hn, "ip", "addr", "add", "10.0.0.2/24", "dev", "eth1");
        lab.run(hn, "ip", "route", "add", "default", "via", Lab.LAN_GATEWAY, "dev", "eth1");
        assertTrue(lab.ping(hn, Lab.LAN_GATEWAY), "node reaches 10.0.0.1 in the lan namespace");
        String lanMac = lab.run(lab.lanNetns(), "cat", "/sys/class/net/eth0/address").strip();
        String neigh = lab.run(hn, "ip", "neigh", "show", Lab.LAN_GATEWAY);
        assertTrue(neigh.contains("dev eth1") && neigh.contains(lanMac), neigh);
    }

    @Test
    void closeIsIdempotent(Lab lab) {
        lab.close();
        lab.close();
        assertEquals(List.of(), namespacesOf(lab.prefix()));
    }

    @Test
    void cleanLeftoversRemovesOnlyLabsOfDeadProcesses(Lab live) throws Exception {
        String deadPrefix = Lab.newPrefix();
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        Files.writeString(LabMarkers.DIR.resolve(deadPrefix), "pid=" + p.pid() + "\nstart=1\n");
        new ProcessRunner().run("ip", "netns", "add", deadPrefix + "-hn");
        try {
            List<String> removed = Lab.cleanLeftovers();
            assertTrue(removed.contains(deadPrefix + "-hn"), removed.toString());
            assertTrue(removed.stream().noneMatch(n -> n.startsWith(live.prefix())), "a live lab is kept");
            assertEquals(List.of(), namespacesOf(deadPrefix));
            assertFalse(namespacesOf(live.prefix()).isEmpty());
        } finally {
            new ProcessRunner().run("ip", "netns", "del", deadPrefix + "-hn");
            deleteQuietly(deadPrefix);
        }
    }

    private static void deleteQuietly(String prefix) throws IOException {
        Files.deleteIfExists(LabMarkers.DIR.resolve(prefix));
    }
}
