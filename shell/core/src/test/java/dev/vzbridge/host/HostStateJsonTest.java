package dev.vzbridge.host;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vzbridge.api.host.Address;
import dev.vzbridge.api.host.BridgeInfo;
import dev.vzbridge.api.host.Container;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Link;
import dev.vzbridge.api.host.Route;
import dev.vzbridge.shell.Json;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** show's two faces: tables for people, the HostState as JSON for scripts. */
class HostStateJsonTest {
    static final HostState SAMPLE = new HostState(
        List.of(new Link("lo", 1, "loopback", null, true, "00:00:00:00:00:00", null, null),
            new Link("eth0", 10, "veth", "br0", true, "02:00:00:00:00:02", null, "forwarding"),
            new Link("br0", 2, "bridge", null, true, "02:00:00:00:00:02", new BridgeInfo(false, 0), null),
            new Link("veth101.0", 3, "veth", "br0", true, "02:00:00:00:01:01", null, "learning")),
        List.of(new Address("lo", "127.0.0.1/8", "host"), new Address("br0", "10.0.0.2/24", "global")),
        List.of(new Route("default", "10.0.0.1", "br0", null, null, null, null),
            new Route("203.0.113.195/32", null, "br0", null, "link", null, null)),
        List.of(new Container("101", true,
                List.of(new Link("eth0", 2, "veth", null, true, "02:00:cb:00:71:c3", null, null)),
                List.of(new Address("eth0", "203.0.113.195/26", "global")),
                List.of(new Route("default", "203.0.113.193", "eth0", null, null, null, null))),
            new Container("102", false, List.of(), List.of(), List.of())));

    @Test
    void jsonCarriesTheRecordComponents() throws Exception {
        JsonNode n = Json.MAPPER.readTree(Json.write(HostStateJson.tree(SAMPLE)));
        JsonNode br = n.get("links").get(2);
        assertEquals("br0", br.get("name").asText());
        assertEquals("bridge", br.get("kind").asText());
        assertEquals(0, br.get("bridge").get("forwardDelay").asInt());
        assertEquals("forwarding", n.get("links").get(1).get("portState").asText());
        assertEquals("10.0.0.2/24", n.get("addresses").get(1).get("cidr").asText());
        assertEquals("10.0.0.1", n.get("routes").get(0).get("via").asText());
        assertEquals("203.0.113.195/26", n.get("containers").get(0).get("addresses").get(0).get("cidr").asText());
        assertEquals(SAMPLE, HostStateJson.read(Json.write(HostStateJson.tree(SAMPLE))), "round trip");
        assertTrue(br.get("veth") == null, "derived getters stay out");
    }

    @Test
    void tablesShowBridgesPortsAndContainers() {
        String text = HostStateText.render(SAMPLE);
        assertTrue(text.contains("br0     off  0s             eth0 (forwarding), veth101.0 (learning)"), text);
        assertTrue(text.contains("101  running  eth0       203.0.113.195/26  203.0.113.193"), text);
        assertTrue(text.contains("102  stopped"), text);
        assertTrue(text.contains("default           10.0.0.1  br0"), text);
        assertTrue(!text.contains("127.0.0.1"), "loopback is noise");
    }
}
