package dev.vzbridge.shell;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vzbridge.host.HostAccess;
import dev.vzbridge.testkit.LabRequirement;
import dev.vzbridge.testkit.ShellDriver;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** show and lab clean through the real shell, on a --lab node. */
@Tag("lab")
class ShowCommandLabTest {
    private static void ip(HostAccess host, String... argv) {
        var r = host.runner().run(argv);
        assertTrue(r.ok(), r.problem());
    }

    @Test
    void showReflectsTheLab() throws Exception {
        LabRequirement.require();
        GlobalOptions o = new GlobalOptions();
        o.lab = true;
        try (HostAccess host = o.openHost();
             ShellDriver shell = ShellDriver.withEngine(o, host)) {
            ShellDriver.Result r = shell.run("show");
            assertEquals(0, r.exitCode(), r.toString());
            assertTrue(r.stdout().matches("(?s).*eth0 +10\\.0\\.0\\.2/24 +global.*"), r.stdout());
            assertTrue(r.stdout().matches("(?s).*default +10\\.0\\.0\\.1 +eth0.*"), r.stdout());
            assertTrue(r.stdout().matches("(?s).*101 +running.*102 +running.*"), r.stdout());

            ip(host, "ip", "link", "add", "br9", "type", "bridge", "forward_delay", "0");
            ip(host, "ip", "link", "set", "eth1", "master", "br9");
            ip(host, "ip", "link", "set", "br9", "up");
            r = shell.run("show");
            assertTrue(r.stdout().matches("(?s).*br9 +off +0s +eth1 \\(forwarding\\).*"), r.stdout());

            GlobalOptions asJson = new GlobalOptions();
            asJson.json = true;
            try (ShellDriver jsonShell = ShellDriver.withEngine(asJson, host)) {
                r = jsonShell.run("show");
            }
            JsonNode n = dev.vzbridge.testkit.JsonContract.envelope(r.stdout()).get("result");
            JsonNode br = null;
            for (JsonNode l : n.get("links")) if (l.get("name").asText().equals("br9")) br = l;
            assertEquals("bridge", br.get("kind").asText());
            assertEquals(false, br.get("bridge").get("stp").asBoolean());
            assertEquals(2, n.get("containers").size());

            try (ShellDriver jsonShell = ShellDriver.withEngine(asJson, host)) {
                r = jsonShell.run("lab clean");
            }
            assertEquals(0, r.exitCode(), r.toString());
            assertTrue(r.stdout().contains("\"removed\""), r.stdout());
        }
    }

    /** --lab --openvz 7: containers under the emulated vzctl 7; show names the platform and why, in text and JSON. */
    @Test
    void labWithOpenVz7RunsTheEmulatedVzctl7() throws Exception {
        LabRequirement.require();
        GlobalOptions o = new GlobalOptions();
        o.lab = true;
        o.openvz = "7";
        try (HostAccess host = o.openHost();
             ShellDriver shell = ShellDriver.withEngine(o, host)) {
            assertEquals("vzctl", host.runtime().name());
            assertTrue(host.runtime().configuresNatively());
            assertEquals("vzctl version 7.0.262\n", host.runner().run("vzctl", "--version").stdout());
            assertTrue(host.banner().orElseThrow().contains("emulated vzctl of OpenVZ 7"), host.banner().orElseThrow());
            ShellDriver.Result r = shell.run("show");
            assertEquals(0, r.exitCode(), r.toString());
            assertTrue(r.stdout().startsWith("platform: OpenVZ 7 (chosen with --openvz 7)\n"), r.stdout());
            assertTrue(r.stdout().matches("(?s).*101 +running.*"), r.stdout());
            GlobalOptions asJson = new GlobalOptions();
            asJson.json = true;
            String shown;
            try (ShellDriver jsonShell = ShellDriver.withEngine(asJson, host)) {
                shown = jsonShell.run("show").stdout();
            }
            JsonNode platform = dev.vzbridge.testkit.JsonContract.envelope(shown).get("result").get("platform");
            assertEquals("7", platform.get("openvz").asText());
            assertEquals("chosen with --openvz 7", platform.get("why").asText());
        }
    }

    /** auto on a node with libvzctl's directory: OpenVZ 7, and show says why. */
    @Test
    void autoDetectsOpenVz7FromTheNodesFiles(@org.junit.jupiter.api.io.TempDir java.nio.file.Path root) throws Exception {
        LabRequirement.require();
        java.nio.file.Files.createDirectories(root.resolve("usr/libexec/libvzctl"));
        GlobalOptions o = new GlobalOptions();
        o.lab = true;
        o.root = root;
        o.runtime = "netns";
        try (HostAccess host = o.openHost()) {
            assertEquals("platform: legacy OpenVZ (the netns runtime's default)", host.runtime().platform().describe(),
                "the netns runtime asks no vzctl");
        }
        GlobalOptions v = new GlobalOptions();
        v.root = root;
        try (HostAccess host = v.openHost()) {
            assertEquals("platform: OpenVZ 7 (/usr/libexec/libvzctl exists (libvzctl))", host.runtime().platform().describe());
        }
    }
}
