package dev.vzbridge.engine.journal;

import dev.vzbridge.api.host.Link;
import dev.vzbridge.api.host.Route;
import dev.vzbridge.api.net.Cidr;
import dev.vzbridge.api.net.Destination;
import dev.vzbridge.api.plan.Change;
import dev.vzbridge.api.plan.Check;
import dev.vzbridge.api.plan.Effect;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.tools.ToolFlavours;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plans in the journal: type names from the engine's mix-ins, addresses and masters as the strings an admin reads. */
class PlanJsonTest {
    @Test
    void typedChecksAndEffectsSurviveTheJournalAsText() throws Exception {
        var tools = ToolFlavours.select("iproute2", null);
        Plan plan = Plan.builder("x")
            .change(Change.of("c", tools.addBridge("br0"), tools.enslave("eth0", "br0"),
                tools.addAddress("br0", Cidr.parse("10.0.0.2/24")), tools.addRoute(Route.of("default", "10.0.0.1", "br0"))))
            .check(Check.Link.noMaster(null, "br0"))
            .check(Check.Link.present(null, "eth0"))
            .check(Check.Link.portOf(null, "eth0", "br0"))
            .check(new Check.Address(null, "br0", Cidr.parse("10.0.0.2/24"), true))
            .check(new Check.Route("101", Destination.parse("10.0.0.2"), null, "eth0", false))
            .check(Check.Route.defaultVia(null, "10.0.0.1", "br0"))
            .check(Check.Ping.of("101", "2001:db8::1"))
            .build();
        String json = JournalJson.writeValue(plan);
        for (String part : List.of("\"cidr\":\"10.0.0.2/24\"", "\"master\":\"\"", "\"master\":null", "\"master\":\"br0\"",
            "\"dst\":\"default\"", "\"dst\":\"10.0.0.2/32\"", "\"via\":\"10.0.0.1\"", "\"target\":\"2001:db8::1\"",
            "\"type\":\"address-added\"", "\"type\":\"enslaved\"", "\"type\":\"link\""))
            assertTrue(json.contains(part), part + " in " + json);
        Plan back = JournalJson.MAPPER.readValue(json, Plan.class);
        assertEquals(plan.checks(), back.checks());
        assertEquals(plan.changes().get(0).steps().get(1).effects(), back.changes().get(0).steps().get(1).effects());
        assertEquals(List.of(Effect.LinkAdded.bridge(null, "br0")), back.changes().get(0).steps().get(0).effects());
    }

    @Test
    void journalsWrittenBeforeEffectsStillRead() throws Exception {
        String old = "{\"command\":\"x\",\"changes\":[{\"summary\":\"c\",\"steps\":[{\"apply\":{\"type\":\"exec\",\"argv\":[\"ip\",\"link\","
            + "\"add\",\"br0\",\"type\",\"bridge\"],\"stdin\":null},\"undo\":[{\"type\":\"exec\",\"argv\":[\"ip\",\"link\",\"del\",\"br0\"],"
            + "\"stdin\":null}],\"links\":[\"br0\"]}]}],\"checks\":[{\"type\":\"link\",\"ct\":null,\"name\":\"br0\",\"present\":true,"
            + "\"master\":\"\"},{\"type\":\"route\",\"ct\":null,\"dst\":\"default\",\"via\":\"10.0.0.1\",\"dev\":\"br0\",\"present\":true}],"
            + "\"notes\":[],\"containers\":[],\"files\":[]}";
        Plan p = JournalJson.MAPPER.readValue(old, Plan.class);
        assertEquals(List.of(), p.changes().get(0).steps().get(0).effects());
        assertEquals(List.of(Check.Link.noMaster(null, "br0"), Check.Route.defaultVia(null, "10.0.0.1", "br0")), p.checks());
        assertTrue(((Check.OfState) p.checks().get(0)).holds(new dev.vzbridge.api.host.HostState(
            List.of(new Link("br0", 1, "bridge", null, true, null, null, null)), List.of(), List.of(), List.of())));
    }
}
