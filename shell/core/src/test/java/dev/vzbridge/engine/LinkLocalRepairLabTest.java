package dev.vzbridge.engine;

import dev.vzbridge.shell.RenderedEngine;
import dev.vzbridge.api.plan.Change;
import dev.vzbridge.api.plan.Exec;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.api.plan.Step;
import dev.vzbridge.testkit.FailureInjectingRunner;
import dev.vzbridge.lab.Lab;
import dev.vzbridge.testkit.LabTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Some kernels drop a NIC's fe80:: address when it joins a bridge and never give
 * it back. No undo action can know about it, so the rollback repairs it and the
 * comparison with the snapshot still proves the host equal.
 */
@LabTest
class LinkLocalRepairLabTest {
    @TempDir
    Path root;

    @Test
    void aLinkLocalAddressLostBehindThePlansBackIsPutBack(Lab lab) throws Exception {
        BridgeScenario.prepareFiles(root);
        String snapshot = BridgeScenario.state(lab.nodeNetns(), root);
        assertTrue(snapshot.contains("addr eth0 fe80::"), "the lab's eth0 has a link-local address: " + snapshot);

        // Step 1 behaves like such a kernel: the address goes, nothing in the undo brings it back.
        Step kernelLike = new Step(Exec.of("ip", "-6", "addr", "flush", "dev", "eth0", "scope", "link"), List.of(), Set.of("eth0"));
        Step later = new Step(Exec.of("ip", "link", "add", "br9", "type", "bridge"), List.of(Exec.of("ip", "link", "del", "br9")), Set.of("br9"));
        Plan plan = Plan.builder("link-local loss").change(Change.of("enslave-like", kernelLike)).change(Change.of("fails", later)).build();

        FailureInjectingRunner failSecond = FailureInjectingRunner.failingNth(2, BridgeScenario.nodeRunner(lab.nodeNetns()));
        StringWriter err = new StringWriter();
        RenderedEngine engine = BridgeScenario.engine(BridgeScenario.options(root, lab.nodeNetns(), lab.ctNetnsPattern()),
            BridgeScenario.node(lab.nodeNetns(), lab.ctNetnsPattern(), root, failSecond), (r, t) -> null,
            new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));

        assertEquals(1, engine.submit(plan, plan.command()), err.toString());
        assertTrue(err.toString().contains("repaired: link-local"), err.toString());
        assertTrue(err.toString().contains("rolled back: host restored (verified)"), err.toString());
        assertEquals(snapshot, BridgeScenario.state(lab.nodeNetns(), root));
    }
}
