package dev.vzbridge.engine;

import dev.vzbridge.api.plan.Change;
import dev.vzbridge.api.plan.Exec;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.api.plan.Step;
import dev.vzbridge.engine.journal.TxLog;
import dev.vzbridge.exec.ExecResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which steps share one ip -batch, and what ip's answer says of each line. */
class StepRunsTest {
    private static Step ip(String... argv) {
        List<String> a = new java.util.ArrayList<>(List.of("ip"));
        a.addAll(List.of(argv));
        return new Step(Exec.of(a), List.of(), java.util.Set.of());
    }

    @Test
    void consecutiveIpStepsOfOneNamespaceGoTogetherInOrder() {
        Plan plan = Plan.builder("t")
            .change(Change.of("a", ip("link", "add", "v1", "type", "veth", "peer", "name", "eth0", "netns", "ct1"),
                ip("link", "set", "dev", "v1", "master", "br0"), ip("link", "set", "dev", "v1", "up")))
            .change(Change.of("b", ip("-n", "ct1", "link", "set", "dev", "eth0", "up"),
                ip("-n", "ct1", "addr", "add", "10.0.0.9/24", "dev", "eth0"),
                ip("-6", "route", "add", "::/0", "via", "fe80::1", "dev", "br0"),
                ip("link", "set", "dev", "v1", "down"), ip("link", "del", "v1"), ip("link", "add", "v1", "type", "dummy"),
                Step.writeFile("/etc/x", new byte[0], 0644), ip("route", "add", "default", "via", "10.0.0.1"),
                ip("route", "add", "10.1.0.0/16", "via", "10.0.0.1")))
            .build();
        List<List<TxLog.StepRef>> runs = StepRuns.of(plan, true);
        assertEquals(List.of(
            List.of(r(0, 0), r(0, 1), r(0, 2)),
            List.of(r(1, 0), r(1, 1)),
            List.of(r(1, 2)), // -6 is a global option: a line of its own process
            List.of(r(1, 3), r(1, 4)), // a deleted link ends the batch: its name may come back
            List.of(r(1, 5)),
            List.of(r(1, 6)),
            List.of(r(1, 7), r(1, 8))), runs);
        assertEquals(12, StepRuns.of(plan, false).size(), "off: one run per step");
        assertTrue(StepRuns.of(plan, false).stream().allMatch(run -> run.size() == 1));
    }

    @Test
    void wordsIpsBatchReaderWouldMisreadKeepAStepAlone() {
        assertNull(IpBatch.Line.of(Exec.of("ip", "link", "set", "dev", "eth0", "alias", "a b")));
        assertNull(IpBatch.Line.of(Exec.of("ip", "link", "set", "dev", "eth0", "alias", "#1")));
        assertNull(IpBatch.Line.of(new Exec(List.of("ip", "link", "show"), "x")));
        assertNull(IpBatch.Line.of(Exec.of("brctl", "addbr", "br0")));
        assertNull(IpBatch.Line.of(Exec.of("ip", "netns", "exec", "ct1", "ip", "link")));
        assertEquals("ct1", IpBatch.Line.of(Exec.of("ip", "-n", "ct1", "link", "set", "lo", "up")).netns());
    }

    @Test
    void ipsCommandFailedLineNamesTheFailedStep() {
        ExecResult r = new ExecResult(List.of("ip", "-batch", "-"), 1, "",
            "RTNETLINK answers: File exists\nCommand failed -:3\n", false);
        IpBatch.Verdict v = IpBatch.verdict(r, 5);
        assertEquals(2, v.failedLine());
        assertEquals("RTNETLINK answers: File exists", v.problem());
        assertTrue(IpBatch.verdict(new ExecResult(List.of("ip"), 0, "", "", false), 5).allDone());
        // ip exits on some errors without naming the line (exit 255 from invarg): all uncertain.
        IpBatch.Verdict unknown = IpBatch.verdict(new ExecResult(List.of("ip"), 255, "",
            "Error: argument \"x\" is wrong: Device does not exist\n", false), 5);
        assertTrue(unknown.unknown());
        assertTrue(IpBatch.verdict(new ExecResult(List.of("ip"), 1, "", "Command failed -:1\n", true), 5).unknown(),
            "a batch that timed out may have run any line");
    }

    /** A rollback's -force batch goes on after a failed line: each failed line, with what ip said just before it. */
    @Test
    void aForcedBatchNamesEveryFailedLine() {
        ExecResult r = new ExecResult(List.of("ip", "-force", "-batch", "-"), 1, "",
            "Error: ipv4: Address not found.\nCommand failed -:2\nCannot find device \"v9\"\nCommand failed -:4\n", false);
        assertEquals(java.util.Map.of(1, "Error: ipv4: Address not found.", 3, "Cannot find device \"v9\""),
            IpBatch.failedLines(r, 5));
        assertEquals(java.util.Map.of(), IpBatch.failedLines(new ExecResult(List.of("ip"), 0, "", "", false), 5));
        assertNull(IpBatch.failedLines(new ExecResult(List.of("ip"), 255, "",
            "Command failed -:1\nError: argument \"x\" is wrong: Device does not exist\n", false), 5),
            "ip ended at an argument error: the lines after it never ran, which it does not say");
        assertNull(IpBatch.failedLines(new ExecResult(List.of("ip"), 1, "", "Command failed -:1\n", true), 5), "timed out");
        assertNull(IpBatch.failedLines(new ExecResult(List.of("ip"), 1, "", "something\n", false), 5), "no line named");
        assertNull(IpBatch.failedLines(new ExecResult(List.of("ip"), 1, "", "Command failed -:9\n", false), 5),
            "a line the batch does not have");
        assertEquals(List.of("ip", "-n", "ct1", "-force", "-batch", "-"), IpBatch.forcedArgv("ct1"));
        assertEquals(List.of("ip", "-force", "-batch", "-"), IpBatch.forcedArgv(null));
    }

    private static TxLog.StepRef r(int c, int s) {
        return new TxLog.StepRef(c, s);
    }
}
