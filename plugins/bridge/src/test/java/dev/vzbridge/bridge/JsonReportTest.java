package dev.vzbridge.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vzbridge.shell.GlobalOptions;
import dev.vzbridge.testkit.ShellDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** --json output of the queries, through the real shell: what scripts and config management read. */
class JsonReportTest {
    @TempDir
    Path root;

    JsonNode json(String line) throws Exception {
        GlobalOptions options = new GlobalOptions();
        options.root = root;
        options.json = true;
        try (ShellDriver shell = ShellDriver.withEngine(options, new RecordingNode(BadInputTest.NODE), new BridgePlugin())) {
            ShellDriver.Result r = shell.run(line);
            assertEquals(0, r.exitCode(), r::toString);
            return new ObjectMapper().readTree(r.stdout());
        }
    }

    @Test
    void bridgeListShowAndCtList() throws Exception {
        JsonNode list = json("bridge list").get("bridges");
        assertEquals("br0", list.get(0).get("name").asText());
        assertEquals("eth0", list.get(0).get("ports").get(0).get("name").asText());
        assertEquals("101", list.get(0).get("ports").get(1).get("container").asText());
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
        assertEquals("102", cts.get(1).get("ct").asText());
    }
}
