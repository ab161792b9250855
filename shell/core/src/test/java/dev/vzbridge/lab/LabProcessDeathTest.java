package dev.vzbridge.lab;

import dev.vzbridge.exec.ProcessRunner;
import dev.vzbridge.testkit.LabRequirement;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A lab goes away when its JVM is terminated, and lab clean removes what a kill -9 left. */
@Tag("lab")
class LabProcessDeathTest {
    private static List<String> namespacesOf(String prefix) {
        return Netns.list(new ProcessRunner()).stream().filter(n -> n.startsWith(prefix + "-")).toList();
    }

    private static Process holder() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), LabHolder.class.getName())
            .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static String prefixOf(Process p) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()));
        String prefix = r.readLine();
        assertTrue(prefix != null && prefix.matches("vzb[0-9a-z]{6}"), "holder printed " + prefix);
        return prefix;
    }

    @Test
    void terminationRunsTheShutdownHook() throws Exception {
        LabRequirement.require();
        Process p = holder();
        try {
            String prefix = prefixOf(p);
            assertEquals(4, namespacesOf(prefix).size());
            p.destroy(); // SIGTERM, like Ctrl-C or a closed terminal
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(List.of(), namespacesOf(prefix));
            assertFalse(Files.exists(LabMarkers.DIR.resolve(prefix)));
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void killMinusNineLeavesWhatLabCleanRemoves() throws Exception {
        LabRequirement.require();
        Process p = holder();
        String prefix = null;
        try {
            prefix = prefixOf(p);
            p.destroyForcibly(); // SIGKILL: no hook runs
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(4, namespacesOf(prefix).size(), "a killed lab stays behind");
            assertTrue(Lab.leftovers().contains(prefix), "its marker names a dead process");
            List<String> removed = Lab.cleanLeftovers();
            assertFalse(Lab.leftovers().contains(prefix));
            assertTrue(removed.containsAll(List.of(prefix + "-hn", prefix + "-up", prefix + "-lan", prefix + "-ct101")), removed.toString());
            assertEquals(List.of(), namespacesOf(prefix));
            assertFalse(Files.exists(LabMarkers.DIR.resolve(prefix)));
        } finally {
            p.destroyForcibly();
            if (prefix != null) for (String ns : namespacesOf(prefix)) new ProcessRunner().run("ip", "netns", "del", ns);
        }
    }
}
