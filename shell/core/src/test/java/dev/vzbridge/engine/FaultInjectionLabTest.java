package dev.vzbridge.engine;

import dev.vzbridge.engine.journal.Journal;
import dev.vzbridge.engine.journal.TxState;
import dev.vzbridge.shell.RenderedEngine;
import dev.vzbridge.api.plan.Check;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.testkit.FailureInjectingRunner;
import dev.vzbridge.lab.Lab;
import dev.vzbridge.testkit.LabTest;
import dev.vzbridge.tools.Iproute2Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fails every step of a real plan in turn, on a real kernel: each time the node equals its snapshot. */
@LabTest(containers = {101})
class FaultInjectionLabTest {
    @TempDir
    Path root;

    @Test
    void everyInjectedFailureIsRolledBackToTheSnapshot(Lab lab) throws Exception {
        BridgeScenario.prepareFiles(root);
        Plan plan = BridgeScenario.plan(new Iproute2Tools());
        int steps = BridgeScenario.steps(plan);
        String snapshot = BridgeScenario.state(lab.nodeNetns(), root);
        int restored = 0;
        for (int k = 1; k <= steps; k++) {
            FailureInjectingRunner fail = FailureInjectingRunner.failingNth(k, BridgeScenario.nodeRunner(lab.nodeNetns()));
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            RenderedEngine engine = BridgeScenario.engine(BridgeScenario.options(root, lab.nodeNetns(), lab.ctNetnsPattern()),
                BridgeScenario.node(lab.nodeNetns(), lab.ctNetnsPattern(), root, fail), (r, t) -> null,
                new PrintWriter(out, true), new PrintWriter(err, true));
            int code = engine.submit(plan, plan.command());
            String where = "failure at step " + k + ": " + err;
            assertEquals(1, code, where);
            assertTrue(err.toString().contains(BridgeScenario.where(plan, k) + " failed"), where);
            assertTrue(err.toString().contains("rolled back: host restored (verified)"), where);
            assertEquals(snapshot, BridgeScenario.state(lab.nodeNetns(), root), where);
            restored++;
        }
        System.out.printf("fault injection: %d/%d injected failures restored%n", restored, steps);
        assertTrue(lab.ping(lab.nodeNetns(), "10.0.0.1"), "the node still reaches its gateway");
    }

    @Test
    void aFailedCheckRollsBackAndAPassingPlanApplies(Lab lab) throws Exception {
        BridgeScenario.prepareFiles(root);
        String snapshot = BridgeScenario.state(lab.nodeNetns(), root);
        Plan base = BridgeScenario.plan(new Iproute2Tools());
        Plan unreachable = Plan.builder(base.command()).change(base.changes().get(0)).change(base.changes().get(1))
            .change(base.changes().get(2)).change(base.changes().get(3))
            .check(Check.Ping.of(null, "10.0.0.3")).build();
        StringWriter err = new StringWriter();
        RenderedEngine engine = BridgeScenario.engine(BridgeScenario.options(root, lab.nodeNetns(), lab.ctNetnsPattern()),
            BridgeScenario.node(lab.nodeNetns(), lab.ctNetnsPattern(), root, null), (r, t) -> null,
            new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(1, engine.submit(unreachable, "unreachable"), err.toString());
        // with check's diagnosis: nobody has 10.0.0.3, so nobody answers ARP for it on the LAN (br0 then)
        assertTrue(err.toString().contains("check failed: node reaches 10.0.0.3: no ARP reply from 10.0.0.3 on br0"), err.toString());
        assertEquals(snapshot, BridgeScenario.state(lab.nodeNetns(), root));

        assertEquals(0, engine.submit(base, base.command()), err.toString());
        assertTrue(lab.ping(lab.nodeNetns(), "10.0.0.1"), "the node reaches its gateway over br0");
        String applied = BridgeScenario.state(lab.nodeNetns(), root);
        assertTrue(applied.contains("link eth0 type=ether master=br0"), applied);
        lab.run(lab.nodeNetns(), "ip", "addr", "add", "10.0.0.50/24", "dev", "br0");
        assertEquals(1, engine.admin().undo(null), "refused: the host drifted");
        assertTrue(err.toString().contains("refusing to undo") && err.toString().contains("+ addr 10.0.0.50/24 on br0"),
            err.toString());
        assertTrue(BridgeScenario.state(lab.nodeNetns(), root).contains("master=br0"), "nothing was touched");
        lab.run(lab.nodeNetns(), "ip", "addr", "del", "10.0.0.50/24", "dev", "br0");
        assertEquals(0, engine.admin().undo(null), err.toString());
        assertEquals(snapshot, BridgeScenario.state(lab.nodeNetns(), root), "undo restores the snapshot");
    }

    @Test
    void verificationWaitsOutStpListeningAndLearning(Lab lab) {
        var t = new Iproute2Tools();
        Plan plan = Plan.builder("bridge create br1 --nic eth1 --stp --forward-delay 2")
            .change(dev.vzbridge.api.plan.Change.of("create bridge br1 with STP", t.addBridge("br1"),
                t.setForwardDelay("br1", 2, 15), t.setStp("br1", true, false), t.up("br1", false)))
            .change(dev.vzbridge.api.plan.Change.of("make eth1 a port of br1", t.enslave("eth1", "br1")))
            .check(new Check.PortForwarding("br1", "eth1"))
            .build();
        StringWriter err = new StringWriter();
        RenderedEngine engine = BridgeScenario.engine(BridgeScenario.options(root, lab.nodeNetns(), lab.ctNetnsPattern()),
            BridgeScenario.node(lab.nodeNetns(), lab.ctNetnsPattern(), root, null), (r, x) -> null,
            new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        long start = System.nanoTime();
        assertEquals(0, engine.submit(plan, plan.command()), err.toString());
        long waited = (System.nanoTime() - start) / 1_000_000;
        assertTrue(err.toString().contains("waiting for bridge ports to forward (STP), up to 7 s"), err.toString());
        assertTrue(waited >= 3000, "listening + learning take 2 x 2 s: " + waited);
        assertTrue(lab.run(lab.nodeNetns(), "cat", "/sys/class/net/eth1/brport/state").strip().equals("3"), "forwarding");
    }

    /**
     * The kernel drops the default route with the address it goes through, and drops a
     * port's IPv6 link-local address on flush; a plan whose undo forgets them is rolled
     * back as far as it goes and the difference is reported (exit 3), never hidden.
     */
    @Test
    void whatTheUndoCannotRestoreIsReportedAsDrift(Lab lab) {
        var t = new Iproute2Tools();
        String linkLocal = lab.run(lab.nodeNetns(), "ip", "-6", "-o", "addr", "show", "dev", "eth1", "scope", "link")
            .split("\\s+")[3];
        Plan careless = Plan.builder("careless")
            .change(dev.vzbridge.api.plan.Change.of("take the address off eth0 (forgetting its route)",
                t.deleteAddress("eth0", dev.vzbridge.api.net.Cidr.parse("10.0.0.2/24")),
                new dev.vzbridge.api.plan.Step(dev.vzbridge.api.plan.Exec.of("ip", "-6", "addr", "flush", "dev", "eth1", "scope", "link"),
                    java.util.List.of(), java.util.Set.of("eth1")),
                new dev.vzbridge.api.plan.Step(dev.vzbridge.api.plan.Exec.of("ip", "link", "set", "dev", "nonexistent0", "up"),
                    java.util.List.of(), java.util.Set.of())))
            .build();
        StringWriter err = new StringWriter();
        RenderedEngine engine = BridgeScenario.engine(BridgeScenario.options(root, lab.nodeNetns(), lab.ctNetnsPattern()),
            BridgeScenario.node(lab.nodeNetns(), lab.ctNetnsPattern(), root, null), (r, x) -> null,
            new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(3, engine.submit(careless, "careless"), err.toString());
        String said = err.toString();
        assertTrue(said.contains(", step 3/3 failed"), said);
        assertTrue(said.contains("- route default via 10.0.0.1 dev eth0"), said);
        // The link-local address the kernel-like step dropped is put back; the forgotten route is not.
        assertTrue(said.contains("repaired: link-local " + linkLocal + " put back on eth1"), said);
        assertFalse(said.contains("- addr " + linkLocal), said);
        assertTrue(said.contains("rolled back but drift remains"), said);
        assertEquals(TxState.DRIFT, Journal.all(root).get(0).log().state());
        assertTrue(said.indexOf("Cannot find device") > 0 || said.contains("nonexistent0"), "the tool's stderr is shown: " + said);
    }
}
