package dev.vzbridge.bridge;

import dev.vzbridge.api.command.Report;
import dev.vzbridge.api.command.UsageException;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.plan.Check;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.api.recipes.Faults;
import dev.vzbridge.api.recipes.Recipe;
import dev.vzbridge.api.recipes.SimHost;
import dev.vzbridge.testkit.TestContext;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlannerTest {
    static final String[] CREATE = {"bridge", "create", "br0", "--nic", "eth0"};
    static final String[] ATTACH = {"ct", "attach", "101", "--bridge", "br0", "--address", "203.0.113.195/26",
        "--gateway", "203.0.113.193", "--host-route"};

    static Recipe recipe(Plan p) {
        return new Recipe(p.changes(), p.checks(), p.notes());
    }

    static Plan plan(HostState h, String... words) {
        TestContext ctx = TestContext.simulated(h);
        ctx.commandLine = String.join(" ", words); // as the shell supplies it
        return Commands.planning(words).plan(ctx);
    }

    static List<String> rendered(Plan p) {
        return Faults.steps(recipe(p)).stream().map(s -> s.apply().render()).toList();
    }

    @Test
    void theRecipeAsTwoCommandsAndThenNothingLeftToDo() {
        SimHost sim = SimHost.recipe();
        Plan create = plan(sim.state(), CREATE);
        assertEquals("bridge create br0 --nic eth0", create.command());
        assertTrue(create.checks().containsAll(List.of(Check.Link.noMaster(null, "br0"), Check.Link.portOf(null, "eth0", "br0"),
            new Check.PortForwarding("br0", "eth0"), new Check.Address(null, "br0", dev.vzbridge.api.net.Cidr.parse("10.0.0.2/24"), true),
            Check.Route.defaultVia(null, "10.0.0.1", "br0"), Check.Ping.of(null, "10.0.0.1"))), create.checks().toString());
        Faults.apply(sim, recipe(create));
        Plan attach = plan(sim.state(), ATTACH);
        assertEquals(Set.of("101"), attach.containers());
        Faults.apply(sim, recipe(attach));
        for (String[] again : List.of(CREATE, ATTACH)) {
            Plan p = plan(sim.state(), again);
            assertTrue(p.isEmpty(), () -> String.join(" ", again) + " planned " + rendered(p));
            assertEquals(List.of("nothing to do"), p.notes());
        }
    }

    @Test
    void bothPlansRollBackExactlyFromEveryStep() {
        Faults.failAtEveryStep(SimHost::recipe, h -> recipe(plan(h, CREATE)));
        Faults.failAtEveryStep(PlannerTest::bridged, h -> recipe(plan(h, ATTACH)));
        Faults.failAtEveryStep(PlannerTest::attached, h -> recipe(plan(h, "ct", "detach", "101")));
        Faults.failAtEveryStep(PlannerTest::bridged, h -> recipe(plan(h, "bridge", "delete", "br0")));
    }

    static SimHost bridged() {
        SimHost sim = SimHost.recipe();
        Faults.apply(sim, recipe(plan(sim.state(), CREATE)));
        return sim;
    }

    static SimHost attached() {
        SimHost sim = bridged();
        Faults.apply(sim, recipe(plan(sim.state(), ATTACH)));
        return sim;
    }

    @Test
    void detachThenDeleteRestoresTheStartingState() {
        HostState start = SimHost.recipe().state();
        SimHost sim = attached();
        Faults.apply(sim, recipe(plan(sim.state(), "ct", "detach", "101")));
        Faults.apply(sim, recipe(plan(sim.state(), "bridge", "delete", "br0")));
        assertEquals(start, sim.state());
        assertTrue(plan(sim.state(), "bridge", "delete", "br0").isEmpty());
        assertTrue(plan(sim.state(), "ct", "detach", "101").isEmpty());
    }

    @Test
    void forcedDeleteNamesTheContainersThatLoseTheirNetwork() {
        SimHost sim = attached();
        Plan p = plan(sim.state(), "bridge", "delete", "br0", "--force");
        assertEquals(Set.of("101"), p.containers());
        assertTrue(p.notes().contains("containers lose their network on br0: veth101.0 of CT 101"), p.notes().toString());
        Faults.apply(sim, recipe(p));
        assertTrue(sim.state().link("br0").isEmpty());
        assertEquals("10.0.0.1", sim.state().defaultRoute(false).orElseThrow().via());
    }

    @Test
    void duplicateAddressProbeOnlyForNewClaimsAndRefusesWithTheOwnersMac() {
        SimHost sim = bridged();
        TestContext ctx = TestContext.simulated(sim.state());
        Commands.planning(ATTACH).plan(ctx);
        assertEquals(List.of("br0 203.0.113.195"), ctx.probes);

        TestContext taken = TestContext.simulated(sim.state());
        taken.owners.put("203.0.113.195", "52:54:00:12:34:56");
        UsageException e = assertThrows(UsageException.class, () -> Commands.planning(ATTACH).plan(taken));
        assertTrue(e.getMessage().contains("203.0.113.195 is already in use on br0's segment (answered by 52:54:00:12:34:56)"), e.getMessage());

        String[] noDad = java.util.Arrays.copyOf(ATTACH, ATTACH.length + 1);
        noDad[ATTACH.length] = "--no-dad";
        Commands.planning(noDad).plan(taken);
        assertEquals(List.of("br0 203.0.113.195"), taken.probes, "--no-dad skips the probe");

        TestContext own = TestContext.simulated(SimHost.recipe().state());
        Commands.planning(CREATE).plan(own);
        assertEquals(List.of(), own.probes, "moving the node's own address is no new claim");
        TestContext fresh = TestContext.simulated(SimHost.recipe().state());
        Commands.planning("bridge", "create", "br0", "--nic", "eth0", "--address", "10.0.0.9/24").plan(fresh);
        assertEquals(List.of("eth0 10.0.0.9"), fresh.probes);
    }

    @Test
    void sshSessionOverTheNicIsNamedInThePlan() {
        TestContext ctx = TestContext.simulated(SimHost.recipe().state());
        ctx.ssh = "10.0.0.1 50123 10.0.0.2 22";
        Plan p = Commands.planning(CREATE).plan(ctx);
        assertEquals(1, p.notes().size());
        assertTrue(p.notes().get(0).startsWith("your SSH session (10.0.0.1 -> 10.0.0.2) runs over eth0: step 'sim node delAddr eth0 10.0.0.2/24'"),
            p.notes().get(0));
    }

    @Test
    void optionsReachThePlan() {
        Plan p = plan(SimHost.recipe().state(), "bridge", "create", "br0", "--nic", "eth0", "--stp", "on", "--forward-delay", "4",
            "--mac", "02:AB:00:00:00:01", "--gateway", "10.0.0.254");
        assertEquals(List.of("sim node addBridge br0", "sim node fd br0 4", "sim node stp br0 true", "sim node mac br0 02:ab:00:00:00:01",
            "sim node up br0", "sim node delRoute default 10.0.0.1 eth0 boot", "sim node delAddr eth0 10.0.0.2/24", "sim node enslave eth0 br0",
            "sim node addAddr br0 10.0.0.2/24", "sim node addRoute default 10.0.0.254 br0 -"), rendered(p));
        Plan stpDefault = plan(SimHost.recipe().state(), "bridge", "create", "br0", "--nic", "eth0", "--stp", "on", "--mac", "auto");
        assertEquals(List.of("sim node addBridge br0", "sim node stp br0 true", "sim node up br0"), rendered(stpDefault).subList(0, 3),
            "with STP and no delay the kernel's 15 s stays");
    }

    @Test
    void listsAndShows() {
        SimHost sim = attached();
        TestContext ctx = TestContext.simulated(sim.state());
        Report list = Commands.query("bridge", "list").run(ctx);
        assertTrue(list.text().startsWith("BRIDGE"), list.text());
        assertTrue(list.text().contains("eth0(forwarding),veth101.0(forwarding)"), list.text());
        assertTrue(list.text().contains("10.0.0.2/24"), list.text());
        @SuppressWarnings("unchecked")
        List<BridgeView> views = (List<BridgeView>) ((Map<String, Object>) list.data()).get("bridges");
        assertEquals("br0", views.get(0).name());
        assertEquals(Boolean.FALSE, views.get(0).stp());
        assertEquals(0, views.get(0).forwardDelay());

        Report show = Commands.query("bridge", "show", "br0").run(ctx);
        assertTrue(show.text().contains("mac            52:54:00:00:00:02"), show.text());
        assertTrue(show.text().contains("veth101.0  forwarding  101"), show.text());
        assertEquals(new BridgeView.Port("veth101.0", "forwarding", "101", false), ((BridgeView) show.data()).ports().get(1));

        Report cts = Commands.query("ct", "list").run(ctx);
        assertTrue(cts.text().contains("101  running  eth0  veth101.0  br0     203.0.113.195/26  203.0.113.193"), cts.text());
        assertTrue(cts.text().contains("102  running"), cts.text());
    }
}
