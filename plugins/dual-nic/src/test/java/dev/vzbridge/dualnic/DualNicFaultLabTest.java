package dev.vzbridge.dualnic;

import dev.vzbridge.api.plan.Exec;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.testkit.FailureInjectingRunner;
import dev.vzbridge.lab.Lab;
import dev.vzbridge.testkit.LabNode;
import dev.vzbridge.testkit.LabTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every command of the setup and teardown plans fails once in turn on the real
 * kernel: the engine rolls back, the node (links, addresses, routes, containers
 * and the setup record) is exactly as before and still reaches 10.0.0.1.
 */
@LabTest
class DualNicFaultLabTest {
    @TempDir
    Path root;

    @ParameterizedTest
    @ValueSource(strings = {"iproute2", "legacy"})
    void setupAndTeardownRollBackFromEveryStep(String flavour, Lab lab) {
        LabNode sh = Nodes.shell(lab, root, flavour);
        failEveryStep(sh, sh.planLine(DualNicLabTest.SETUP_WITH_ADDRESS));
        assertTrue(sh.routeGet(Lab.LAN_GATEWAY).contains("dev eth0"), "after the rollbacks the node is single-NIC again");

        assertEquals(0, sh.runLine(DualNicLabTest.SETUP_WITH_ADDRESS), sh.err::toString);
        failEveryStep(sh, sh.planLine("dualnic teardown"));
        assertTrue(sh.routeGet(Lab.LAN_GATEWAY).contains("dev eth1"), "after the rollbacks the dual-NIC setup stands");
        assertEquals(0, sh.runLine(DualNicLabTest.ATTACH_101), sh.err::toString);
        assertTrue(sh.ping("101", Lab.ISP_GATEWAY), "and still works for containers");
        assertTrue(sh.ping(null, "203.0.113.195"));
    }

    @Test
    void aRecordThatCannotBeWrittenLeavesTheNetworkUntouched(Lab lab) throws Exception {
        LabNode sh = Nodes.shell(lab, root, "iproute2");
        Path record = root.resolve(SetupRecord.PATH.substring(1));
        Files.createDirectories(record); // a directory where the file should go: the write fails
        String before = sh.fingerprint();
        assertEquals(1, sh.submit(sh.planLine(DualNicLabTest.SETUP), null), sh.err::toString);
        assertEquals(before, sh.fingerprint(), sh.err::toString);
        assertTrue(sh.routeGet(Lab.LAN_GATEWAY).contains("dev eth0"));
    }

    static void failEveryStep(LabNode sh, Plan plan) {
        String before = sh.fingerprint();
        long commands = plan.changes().stream().flatMap(c -> c.steps().stream()).filter(s -> s.apply() instanceof Exec).count();
        assertTrue(commands > 0, plan.command());
        for (int k = 1; k <= commands; k++) {
            sh.err.getBuffer().setLength(0);
            int code = sh.submit(plan, k);
            String why = plan.command() + ", failing command " + k + " of " + commands + ":\n" + sh.err;
            assertEquals(1, code, why);
            assertTrue(sh.err.toString().contains(FailureInjectingRunner.INJECTED), why);
            assertEquals(before, sh.fingerprint(), why);
            assertTrue(sh.ping(null, Lab.LAN_GATEWAY), "node reaches 10.0.0.1 after the rollback; " + why);
        }
        System.out.printf("fault injection (%s): %d/%d injected failures restored%n", plan.command(), commands, commands);
    }
}
