package dev.vzbridge.api.recipes;

import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Link;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A batch plans every command before anything runs, against the state the earlier
 * ones predict: each next plan made from the prediction must equal the plan made
 * from the real state after applying.
 */
class PredictionTest {
    static final FakeTools NODE = new FakeTools("node");
    static final FakeTools.Runtime RT = new FakeTools.Runtime();

    @Test
    void eachNextPlanFromThePredictionEqualsThePlanFromTheAppliedState() {
        List<Function<HostState, Recipe>> sequence = List.of(
            BridgeOverNicTest::create,
            ContainerVethTest::attach,
            h -> ContainerVeth.attach(h, NODE, RT, new VethSpec("102", "eth0", "br0",
                List.of(dev.vzbridge.api.net.Cidr.parse("203.0.113.196/26")), "203.0.113.193", true, "02:aa:00:00:01:02")),
            BridgeOverNicTest::create,
            h -> ContainerVeth.detach(h, NODE, RT, "101", "eth0"),
            h -> ContainerVeth.detach(h, NODE, RT, "102", "eth0"),
            h -> BridgeRemoval.plan(h, NODE, "br0", false, ContainerPorts.of(h, RT), false, Optional.empty()),
            h -> BridgeRemoval.plan(h, NODE, "br0", false, Map.of(), false, Optional.empty()));
        SimHost sim = SimHost.recipe();
        HostState predicted = sim.state();
        for (int i = 0; i < sequence.size(); i++) {
            Recipe fromPrediction = sequence.get(i).apply(predicted);
            Recipe fromReality = sequence.get(i).apply(sim.state());
            assertEquals(BridgeOverNicTest.rendered(fromReality), BridgeOverNicTest.rendered(fromPrediction), "command " + i);
            assertEquals(fromReality.checks(), fromPrediction.checks(), "command " + i);
            Faults.apply(sim, fromReality);
            assertNotNull(fromPrediction.after());
            predicted = fromPrediction.after();
            assertEquals(shape(sim.state()), shape(predicted), "after command " + i);
        }
    }

    /** Links with their masters, addresses and non-kernel routes: what planners decide on. */
    static String shape(HostState h) {
        StringBuilder sb = new StringBuilder();
        h.links().stream().map(l -> l.name() + ">" + l.master() + (l.up() ? " up" : "") + " " + (l.isBridge() ? l.bridge() + " " + l.mac() : ""))
            .sorted().forEach(s -> sb.append(s).append('\n'));
        h.addresses().stream().map(a -> a.dev() + " " + a.cidr()).sorted().forEach(s -> sb.append(s).append('\n'));
        h.routes().stream().map(r -> r.dst() + " " + r.via() + " " + r.dev() + " " + r.isKernel()).sorted().forEach(s -> sb.append(s).append('\n'));
        h.containers().forEach(c -> {
            c.links().stream().map(Link::name).sorted().forEach(s -> sb.append(c.id()).append(' ').append(s).append('\n'));
            c.addresses().stream().map(a -> a.dev() + " " + a.cidr()).sorted().forEach(s -> sb.append(c.id()).append(' ').append(s).append('\n'));
            c.routes().stream().map(r -> r.dst() + " " + r.via() + " " + r.dev()).sorted().forEach(s -> sb.append(c.id()).append(' ').append(s).append('\n'));
        });
        return sb.toString();
    }
}
