package dev.vzbridge.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vzbridge.shell.GlobalOptions;
import dev.vzbridge.testkit.JsonContract;
import dev.vzbridge.testkit.RecordingHost;
import dev.vzbridge.testkit.ShellDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --json output through the real shell, checked against docs/json.md: what scripts and config management read. */
class JsonReportTest {
    @TempDir
    Path root;

    ShellDriver.Result run(String line, boolean dryRun) {
        GlobalOptions options = new GlobalOptions();
        options.root = root;
        options.json = true;
        options.dryRun = dryRun;
        try (ShellDriver shell = ShellDriver.withEngine(options, RecordingHost.simulated(BadInputTest.NODE), new BridgePlugin())) {
            return shell.run(line);
        }
    }

    JsonNode json(String line) {
        ShellDriver.Result r = run(line, false);
        assertEquals(0, r.exitCode(), r::toString);
        return JsonContract.envelope(r.stdout()).get("result");
    }

    @Test
    void bridgeListShowAndCtList() {
        JsonNode list = json("bridge list").get("bridges");
        assertEquals("br0", list.get(0).get("name").asText());
        assertEquals("eth0", list.get(0).get("ports").get(0).get("name").asText());
        assertEquals(101, list.get(0).get("ports").get(1).get("container").intValue());
        assertEquals("br9", list.get(1).get("name").asText());

        JsonNode show = json("bridge show br0");
        assertEquals("52:54:00:00:00:02", show.get("mac").asText());
        assertEquals(false, show.get("stp").asBoolean());
        assertEquals(0, show.get("forwardDelay").asInt());
        assertEquals("10.0.0.2/24", show.get("addresses").get(0).asText());

        JsonNode cts = json("ct list").get("containers");
        assertEquals("veth101.0", cts.get(0).get("hostIfname").asText());
        assertEquals("br0", cts.get(0).get("bridge").asText());
        assertEquals("203.0.113.193", cts.get(0).get("gateway").asText());
        assertTrue(cts.get(1).get("ct").isInt(), "container IDs are numbers: " + cts);
        assertEquals(102, cts.get(1).get("ct").intValue());
    }

    @Test
    void plansAndErrorsOfPlanningCommandsShareTheEnvelope() {
        ShellDriver.Result dry = run("ct attach 102 --bridge br0 --address 203.0.113.196/26 --gateway 203.0.113.193", true);
        assertEquals(0, dry.exitCode(), dry::toString);
        JsonNode plan = JsonContract.envelope(dry.stdout());
        assertEquals("planned", plan.get("state").asText());
        assertFalse(plan.get("changed").booleanValue());
        assertTrue(plan.get("plan").get("changes").size() > 0, plan.toString());

        ShellDriver.Result bad = run("bridge create br0 --nic nosuch0", false);
        assertEquals(2, bad.exitCode(), bad::toString);
        JsonNode error = JsonContract.envelope(bad.stdout());
        assertEquals(2, error.get("exit").intValue());
        assertTrue(error.get("error").asText().contains("nosuch0"), error.toString());
    }
}
