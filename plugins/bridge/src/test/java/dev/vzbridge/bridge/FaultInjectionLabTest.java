package dev.vzbridge.bridge;

import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.testkit.FailureInjectingRunner;
import dev.vzbridge.lab.Lab;
import dev.vzbridge.testkit.LabNode;
import dev.vzbridge.testkit.LabTest;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every step of both recipe plans fails once in turn on the real kernel: the
 * engine rolls back, the node is exactly as before and still reaches 10.0.0.1.
 */
@LabTest
class FaultInjectionLabTest {
    @TempDir
    Path root;

    @ParameterizedTest
    @ValueSource(strings = {"iproute2", "legacy"})
    void bridgeCreateAndCtAttachRollBackFromEveryStep(String flavour, Lab lab) {
        LabNode node = new LabNode(lab, root, flavour, new BridgePlugin());
        failEveryStep(node, node.plan(SingleNicLabTest.CREATE));
        assertEquals(0, node.run(SingleNicLabTest.CREATE), node.err::toString);
        failEveryStep(node, node.plan(SingleNicLabTest.ATTACH_101));
        assertEquals(0, node.run(SingleNicLabTest.ATTACH_101), node.err::toString);
        assertTrue(node.ping("101", Lab.ISP_GATEWAY), "after all those rollbacks the recipe still works");
        failEveryStep(node, node.plan("ct", "detach", "101"));
        assertEquals(0, node.run("ct", "detach", "101"), node.err::toString);
        failEveryStep(node, node.plan("bridge", "delete", "br0"));
    }

    /** Through the vzctl emulator, legacy and OpenVZ 7: attach and detach roll back from every step. */
    @ParameterizedTest
    @ValueSource(strings = {"vzctl", "vzctl7"})
    void ctAttachAndDetachThroughVzctlRollBackFromEveryStep(String runtime, Lab lab) {
        LabNode node = new LabNode(lab, root, "iproute2", runtime, new BridgePlugin());
        assertEquals(0, node.run(SingleNicLabTest.CREATE), node.err::toString);
        failEveryStep(node, node.plan(SingleNicLabTest.ATTACH_101));
        assertEquals(0, node.run(SingleNicLabTest.ATTACH_101), node.err::toString);
        assertTrue(node.ping("101", Lab.ISP_GATEWAY), "after all those rollbacks the attach works");
        assertTrue(node.ping("101", Lab.NODE_ADDRESS), "and the host routes too");
        failEveryStep(node, node.plan("ct", "detach", "101"));
        assertEquals(0, node.run("ct", "detach", "101"), node.err::toString);
    }

    static void failEveryStep(LabNode node, Plan plan) {
        String before = node.fingerprint();
        int steps = plan.changes().stream().mapToInt(c -> c.steps().size()).sum();
        assertTrue(steps > 0, plan.command());
        for (int k = 1; k <= steps; k++) {
            node.err.getBuffer().setLength(0);
            int code = node.submit(plan, k);
            String why = plan.command() + ", failing step " + k + " of " + steps + ":\n" + node.err;
            assertEquals(1, code, why);
            assertTrue(node.err.toString().contains(FailureInjectingRunner.INJECTED), why);
            assertEquals(before, node.fingerprint(), why);
            assertTrue(node.ping(null, Lab.LAN_GATEWAY), "node reaches 10.0.0.1 after the rollback; " + why);
        }
        System.out.printf("fault injection (%s): %d/%d injected failures restored%n", plan.command(), steps, steps);
    }
}
