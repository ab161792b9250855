package dev.vzbridge.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vzbridge.exec.ProcessRunner;
import dev.vzbridge.lab.Lab;
import dev.vzbridge.shell.GlobalOptions;
import dev.vzbridge.testkit.JsonContract;
import dev.vzbridge.testkit.LabNode;
import dev.vzbridge.testkit.LabTest;
import dev.vzbridge.testkit.ShellDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 'check' on the single-NIC recipe in the lab: every path pinged, and a broken one named with its likely cause. */
@LabTest
class CheckLabTest {
    @TempDir
    Path root;

    private static void ip(String netns, String... args) {
        List<String> argv = new java.util.ArrayList<>(List.of("ip", "-n", netns));
        argv.addAll(List.of(args));
        assertTrue(new ProcessRunner().run(argv).ok(), String.join(" ", argv));
    }

    @Test
    void everyPathHasAVerdictAndAFailureItsCause(Lab lab) throws Exception {
        LabNode node = new LabNode(lab, root, "iproute2", new BridgePlugin());
        GlobalOptions options = new GlobalOptions();
        options.root = root;
        try (ShellDriver shell = ShellDriver.withEngine(options, node.host, new BridgePlugin())) {
            assertEquals(0, shell.batch("single-nic.vzb", Files.readString(ExampleBatchLabTest.EXAMPLE)).exitCode());

            ShellDriver.Result ok = shell.run("check");
            assertEquals(0, ok.exitCode(), ok::toString);
            String text = ok.stdout();
            assertTrue(text.matches("(?s).*node +gateway " + Lab.LAN_GATEWAY + " +ok.*"), text);
            assertTrue(text.matches("(?s).*CT 101 +gateway 203\\.0\\.113\\.193 +ok.*"), text);
            assertTrue(text.matches("(?s).*node +CT 102 \\(203\\.0\\.113\\.196\\) +ok.*"), text);
            assertTrue(text.matches("(?s).*CT 102 +node \\(" + Lab.NODE_ADDRESS + "\\) +ok.*"), text);
            assertTrue(text.endsWith("all 7 paths work\n"), text);

            // CT 101's port leaves the bridge: its paths fail, and check says why
            ip(lab.nodeNetns(), "link", "set", "veth101.0", "nomaster");
            ShellDriver.Result broken = shell.run("check");
            assertEquals(1, broken.exitCode(), broken::toString);
            assertTrue(broken.stdout().matches("(?s).*CT 101 +gateway 203\\.0\\.113\\.193 +FAILED: veth101\\.0 is not "
                + "plugged into a bridge.*"), broken.stdout());
            assertTrue(broken.stdout().matches("(?s).*CT 102 +gateway 203\\.0\\.113\\.193 +ok.*"), broken.stdout());
            ip(lab.nodeNetns(), "link", "set", "veth101.0", "master", "br0");

            // the ISP gateway goes away: no ARP reply, said the same way under --json
            ip(lab.upNetns(), "addr", "del", Lab.ISP_GATEWAY + "/26", "dev", "eth0");
            options.json = true;
            ShellDriver.Result json = shell.run("check");
            assertEquals(1, json.exitCode(), json::toString);
            JsonNode envelope = JsonContract.envelope(json.stdout());
            assertEquals(1, envelope.get("exit").intValue());
            JsonNode failedPath = null;
            for (JsonNode p : envelope.get("result").get("paths"))
                if (p.get("ct").isInt() && p.get("ct").intValue() == 102 && p.get("target").asText().equals(Lab.ISP_GATEWAY))
                    failedPath = p;
            assertTrue(failedPath != null && !failedPath.get("ok").booleanValue(), json.stdout());
            assertEquals("no ARP reply from " + Lab.ISP_GATEWAY + " on eth0", failedPath.get("cause").asText());
            assertEquals(2, envelope.get("result").get("failed").intValue(), json.stdout());
        }
    }
}
