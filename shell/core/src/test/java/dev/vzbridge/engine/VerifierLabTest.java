package dev.vzbridge.engine;

import dev.vzbridge.api.net.Cidr;
import dev.vzbridge.api.net.IpAddress;
import dev.vzbridge.api.plan.Check;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.exec.CommandRunner;
import dev.vzbridge.exec.ExecResult;
import dev.vzbridge.lab.Lab;
import dev.vzbridge.testkit.LabTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The verifier's checks on a real kernel: pings and state checks side by side. */
@LabTest
class VerifierLabTest {
    @TempDir
    Path root;

    /**
     * The pings do not wait for the state checks to hold: they start together. The verifier's look
     * at the node waits (up to 20 s, a safety net, not a measure) for a ping to have answered; run one
     * after the other, no ping would have started by then.
     */
    @Test
    void pingsRunSideBySideWithTheStateChecks(Lab lab) {
        Node real = BridgeScenario.node(lab.nodeNetns(), lab.ctNetnsPattern(), root,
            BridgeScenario.nodeRunner(lab.nodeNetns()));
        CountDownLatch answered = new CountDownLatch(1);
        CommandRunner watching = new CommandRunner() {
            @Override
            public ExecResult run(List<String> argv, String stdin, java.time.Duration timeout) {
                ExecResult r = real.runner().run(argv, stdin, timeout);
                if (argv.contains("ping") && r.ok()) answered.countDown();
                return r;
            }
        };
        AtomicBoolean pingedDuringLook = new AtomicBoolean();
        Node node = new Node(watching, real.address(), cts -> {
            try {
                if (answered.await(20, TimeUnit.SECONDS)) pingedDuringLook.set(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return real.probe().observe(cts);
        }, real.runtime());
        Plan plan = Plan.builder("check")
            .check(new Check.Address(null, "eth0", Cidr.parse(Lab.NODE_ADDRESS + "/24"), true))
            .check(new Check.Ping(null, IpAddress.parse(Lab.LAN_GATEWAY)))
            .build();
        assertEquals(List.of(), new Verifier(node, null, false).verify(plan));
        assertTrue(pingedDuringLook.get(), "the gateway answered a ping while the state checks were being looked at");
    }

    /**
     * A state check that never holds fails the verification alone. The ping beside it gets no answer
     * and tries once only: it waits for the state checks instead of trying again while they are looked
     * at (an STP wait can last half a minute), and is stopped when they fail.
     */
    @Test
    void aStateCheckThatFailsIsReportedWithoutThePings(Lab lab) {
        Node real = BridgeScenario.node(lab.nodeNetns(), lab.ctNetnsPattern(), root,
            BridgeScenario.nodeRunner(lab.nodeNetns()));
        java.util.concurrent.atomic.AtomicInteger pings = new java.util.concurrent.atomic.AtomicInteger();
        CommandRunner counting = new CommandRunner() {
            @Override
            public ExecResult run(List<String> argv, String stdin, java.time.Duration timeout) {
                if (argv.contains("ping")) pings.incrementAndGet();
                return real.runner().run(argv, stdin, timeout);
            }
        };
        Node node = new Node(counting, real.address(), real.probe(), real.runtime());
        Plan plan = Plan.builder("check")
            .check(new Check.Address(null, "eth0", Cidr.parse("10.0.0.99/24"), true))
            .check(new Check.Ping(null, IpAddress.parse("10.0.0.98")))
            .build();
        List<String> failed = new Verifier(node, null, false).verify(plan);
        assertEquals(1, failed.size(), failed.toString());
        assertTrue(failed.get(0).contains("10.0.0.99/24"), failed.toString());
        assertTrue(pings.get() <= 1, "one early try, no retries while the state checks were looked at: " + pings.get());
    }
}
