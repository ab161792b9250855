package dev.vzbridge.bridge;

import dev.vzbridge.lab.Lab;
import dev.vzbridge.testkit.LabNode;
import dev.vzbridge.testkit.LabTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.vzbridge.bridge.HeldIp.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two shells with different --root values on one node take turns (the lock is the
 * network namespace's), and the one that waited plans again under the lock: what the
 * first one did makes its command pointless or wrong, and it says so instead of
 * applying a stale plan.
 */
@LabTest(containers = {101})
class NodeLockLabTest {
    @TempDir
    Path tmp;

    @Test
    void aShellThatWaitedForTheNodePlansAgainAndRefusesWhatNoLongerMakesSense(Lab lab) throws Exception {
        Path bin = HeldIp.install(tmp.resolve("bin"));
        Path rootA = Files.createDirectories(tmp.resolve("a"));
        Path rootB = Files.createDirectories(tmp.resolve("b"));
        LabNode node = new LabNode(lab, rootA, "iproute2", new BridgePlugin());

        // A holds the node mid-change (its first step waits); B, with another --root, plans and must wait.
        Process a = HeldIp.shell(bin, tmp.resolve("gate-a"), 1, rootA, lab, "bridge create br0 --nic eth0");
        HeldIp.awaitHeld(a, tmp.resolve("gate-a"), "A");
        Process b = HeldIp.shell(bin, tmp.resolve("gate-b"), 0, rootB, lab, "bridge create br1 --nic eth0");
        awaitWaiting(b, tmp.resolve("gate-b"), a.pid());
        Files.writeString(tmp.resolve("gate-a/go"), "");
        assertTrue(a.waitFor(60, TimeUnit.SECONDS) && b.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, a.exitValue(), read(tmp.resolve("gate-a/err")));
        String applied = node.fingerprint();
        String saidB = HeldIp.said(tmp.resolve("gate-b"));
        assertEquals(2, b.exitValue(), saidB);
        assertTrue(saidB.contains("refused: another change reached the node first"), saidB);
        assertEquals(1, read(tmp.resolve("gate-b/err")).lines().filter(l -> l.contains("refused")).count(), saidB);
        assertFalse(Files.exists(tmp.resolve("gate-b/n.1")), "B changed nothing");
        assertEquals(applied, node.fingerprint());
        assertTrue(applied.contains("node link eth0 veth master=br0"), applied);

        // The same command again from B's root: the node already is as asked.
        Process again = HeldIp.shell(bin, tmp.resolve("gate-c"), 0, rootB, lab, "bridge create br0 --nic eth0");
        assertTrue(again.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, again.exitValue(), read(tmp.resolve("gate-c/err")));
        System.out.println("node lock: two --root values on one netns took turns; the waiting shell re-planned and refused");
    }

    /**
     * A shell given no --netns acts on the namespace it runs in, and locks that namespace: run inside the
     * lab node (ip netns exec), with its own --root, it takes turns with a shell that names the node with
     * --netns, in both orders. (The machine's own namespace is locked the same way; it is never touched here.)
     */
    @Test
    void aShellWithoutNetnsLocksTheNamespaceItRunsIn(Lab lab) throws Exception {
        Path bin = HeldIp.install(tmp.resolve("bin"));
        Path rootA = Files.createDirectories(tmp.resolve("a"));
        Path rootB = Files.createDirectories(tmp.resolve("b"));
        LabNode node = new LabNode(lab, rootA, "iproute2", new BridgePlugin());
        String before = node.fingerprint();

        List<Process> started = new ArrayList<>();
        try {
            withoutNetnsBothWays(bin, rootA, rootB, lab, node, before, started);
        } finally {
            // A failed assertion must not leave a shell held at its gate.
            for (String g : List.of("a", "b", "c", "d")) Files.writeString(tmp.resolve("gate-" + g + "/go"), "");
            for (Process p : started) {
                if (!p.waitFor(30, TimeUnit.SECONDS)) p.destroyForcibly();
            }
        }
        System.out.println("node lock: a shell without --netns inside the node and one naming it took turns, both ways");
    }

    private void withoutNetnsBothWays(Path bin, Path rootA, Path rootB, Lab lab, LabNode node, String before,
                                      List<Process> started) throws Exception {
        // Inside the node without --netns, A holds its first step; B names the node with --netns and must wait.
        Process a = HeldIp.shellInside(bin, tmp.resolve("gate-a"), 1, rootA, lab, "bridge create br0 --nic eth0");
        started.add(a);
        HeldIp.awaitHeld(a, tmp.resolve("gate-a"), "A");
        Process b = HeldIp.shell(bin, tmp.resolve("gate-b"), 0, rootB, lab, "bridge create br1 --nic eth0");
        started.add(b);
        awaitWaiting(b, tmp.resolve("gate-b"), a.pid());
        Files.writeString(tmp.resolve("gate-a/go"), "");
        assertTrue(a.waitFor(60, TimeUnit.SECONDS) && b.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, a.exitValue(), HeldIp.said(tmp.resolve("gate-a")));
        String saidB = HeldIp.said(tmp.resolve("gate-b"));
        assertEquals(2, b.exitValue(), saidB);
        assertTrue(saidB.contains("refused: another change reached the node first"), saidB);
        assertFalse(Files.exists(tmp.resolve("gate-b/n.1")), "B changed nothing");
        String applied = node.fingerprint();
        assertTrue(applied.contains("node link eth0 veth master=br0"), applied);

        // The other way round: C names the node and holds; D, inside it without --netns, waits, looks again
        // and finds the bridge already gone.
        Process c = HeldIp.shell(bin, tmp.resolve("gate-c"), 1, rootA, lab, "bridge delete br0");
        started.add(c);
        HeldIp.awaitHeld(c, tmp.resolve("gate-c"), "C");
        Process d = HeldIp.shellInside(bin, tmp.resolve("gate-d"), 0, rootB, lab, "bridge delete br0");
        started.add(d);
        awaitWaiting(d, tmp.resolve("gate-d"), c.pid());
        Files.writeString(tmp.resolve("gate-c/go"), "");
        assertTrue(c.waitFor(60, TimeUnit.SECONDS) && d.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, c.exitValue(), read(tmp.resolve("gate-c/err")));
        String saidD = HeldIp.said(tmp.resolve("gate-d"));
        assertEquals(0, d.exitValue(), saidD);
        assertTrue(saidD.contains("nothing to do"), saidD);
        assertFalse(Files.exists(tmp.resolve("gate-d/n.1")), "D changed nothing");
        assertEquals(before, node.fingerprint());
    }

    /** Waits until the shell writing to gate says it waits for holder. */
    private static void awaitWaiting(Process p, Path gate, long holder) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!read(gate.resolve("err")).contains("locked by PID " + holder) && System.nanoTime() < deadline) {
            assertTrue(p.isAlive(), "ended without waiting for PID " + holder + ": " + HeldIp.said(gate));
            Thread.sleep(20);
        }
        assertTrue(read(gate.resolve("err")).contains("locked by PID " + holder), read(gate.resolve("err")));
    }
}
