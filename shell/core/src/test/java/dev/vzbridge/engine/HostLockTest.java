package dev.vzbridge.engine;

import dev.vzbridge.engine.journal.Journal;
import dev.vzbridge.shell.RenderedEngine;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.plan.Change;
import dev.vzbridge.api.plan.Exec;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.api.plan.Step;
import dev.vzbridge.exec.ProcessRunner;
import dev.vzbridge.testkit.RecordingRunner;
import dev.vzbridge.shell.GlobalOptions;
import dev.vzbridge.host.NodeAddress;
import dev.vzbridge.testkit.LabRequirement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostLockTest {
    @TempDir
    Path root;

    @Test
    void aSecondShellWaitsNamesTheHolderAndGivesUp() throws Exception {
        Process holder = new ProcessBuilder(EngineChild.command("hold", root.toString())).start();
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("CRASH-POINT", r.readLine(), "holder has the lock");
            GlobalOptions o = new GlobalOptions();
            o.root = root;
            o.lockWait = 1;
            RecordingRunner rec = new RecordingRunner(new ProcessRunner());
            StringWriter err = new StringWriter();
            RenderedEngine e = RenderedEngine.of(o.engineSettings(), new Node(rec, root, cts -> HostState.empty(), null), (x, t) -> null,
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
            Plan plan = Plan.builder("x").change(Change.of("c", new Step(Exec.of("true"), Exec.of("true")))).build();
            long start = System.nanoTime();
            assertEquals(1, e.submit(plan, "x"));
            long waited = (System.nanoTime() - start) / 1_000_000;
            String said = err.toString();
            assertTrue(said.contains("locked by PID " + holder.pid() + " since "), said);
            assertTrue(said.contains("waiting up to 1 s"), said);
            assertTrue(said.contains("gave up after 1 s"), said);
            assertTrue(waited >= 1000, "waited " + waited);
            assertEquals(List.of(), rec.commands(), "nothing ran");
            assertEquals(List.of(), Journal.all(root), "no transaction was started");
        } finally {
            holder.destroyForcibly();
            holder.waitFor(10, TimeUnit.SECONDS);
        }
        GlobalOptions o = new GlobalOptions();
        o.root = root;
        RenderedEngine e = RenderedEngine.of(o.engineSettings(), new Node(new ProcessRunner(), root, cts -> HostState.empty(), null), (x, t) -> null,
            new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true));
        Plan plan = Plan.builder("x").change(Change.of("c", new Step(Exec.of("true"), Exec.of("true")))).build();
        assertEquals(0, e.submit(plan, "x"), "a killed holder's lock is free again");
    }

    @Test
    void promptShowsTheConfirmCountdown() {
        GlobalOptions o = new GlobalOptions();
        o.root = root;
        o.confirm = 30;
        RenderedEngine e = RenderedEngine.of(o.engineSettings(), new Node(new ProcessRunner(), root, cts -> HostState.empty(), null), (x, t) -> "no watchdog",
            new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true));
        Plan plan = Plan.builder("x").change(Change.of("c", new Step(Exec.of("true"), Exec.of("true")))).build();
        assertEquals(0, e.submit(plan, "x"));
        assertTrue(e.promptMark().matches("confirm (29|30)s"), e.promptMark());
        StringWriter err = new StringWriter();
        RenderedEngine other = RenderedEngine.of(new GlobalOptions() {{ root = HostLockTest.this.root; lockWait = 1; }}.engineSettings(),
            new Node(new ProcessRunner(), root, cts -> HostState.empty(), null), (x, t) -> null,
            new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(1, other.submit(plan, "y"), "no new transaction while one awaits confirm");
        assertTrue(err.toString().contains("awaits confirm"), err.toString());
        assertEquals(0, e.admin().confirm(null));
        assertEquals("", e.promptMark());
    }

    /**
     * Without --netns the node is the namespace this process (and every tool it starts) runs in: its lock is
     * that namespace's, whatever --root says, and a transaction holds it while it runs. Nothing here touches
     * an interface: the plan only copies the lock file while it is held.
     */
    @Test
    void withoutNetnsTheLockIsTheOwnNetworkNamespacesWhateverTheRoot(@TempDir Path otherRoot) throws Exception {
        String inode = new ProcessRunner().run("stat", "-L", "-c", "%i", "/proc/self/ns/net").stdout().strip();
        Path expected = HostLock.NODE_LOCKS.resolve("net-" + inode + ".lock");
        assertEquals(java.util.Optional.of(expected), HostLock.nodeLockFile(List.of()));

        for (Path r : List.of(root, otherRoot)) {
            GlobalOptions o = new GlobalOptions();
            o.root = r;
            o.lockWait = 30;
            RenderedEngine e = RenderedEngine.of(o.engineSettings(), new Node(new ProcessRunner(), r, cts -> HostState.empty(), null),
                (x, t) -> null, new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true));
            Path seen = r.resolve("seen");
            Plan plan = Plan.builder("x").change(Change.of("c", new Step(Exec.of("cp", expected.toString(), seen.toString()),
                Exec.of("true")))).build();
            assertEquals(0, e.submit(plan, "x"));
            String holder = java.nio.file.Files.readString(seen);
            assertTrue(holder.startsWith("PID " + ProcessHandle.current().pid() + " since "), holder);
        }
    }

    /**
     * The kernel hands a deleted namespace's inode to the next new one. A lock held for a namespace that is
     * deleted meanwhile must therefore keep that namespace (and its inode) alive until it is released, so a new
     * namespace never finds itself locked by a holder of the old one. Checked on a namespace made here.
     */
    @Test
    @dev.vzbridge.testkit.LabTest(containers = {})
    void aLockedNamespaceOutlivesItsNameUntilTheLockIsReleased() throws Exception {
        LabRequirement.require();
        String name = "vzbpin" + ProcessHandle.current().pid();
        ProcessRunner sh = new ProcessRunner();
        assertEquals(0, sh.run("ip", "netns", "add", name).exitCode());
        try {
            String inode = sh.run("stat", "-L", "-c", "%i", "/run/netns/" + name).stdout().strip();
            Node node = Node.blind(new NodeAddress(root, name, "netns", NodeAddress.DEFAULT_CT_NETNS, null, null));
            HostLock lock = HostLock.acquire(node, "pin test", java.time.Duration.ofSeconds(5), null);
            assertEquals(0, sh.run("ip", "netns", "del", name).exitCode());
            assertTrue(openInodes().contains(inode), "the locked namespace is held open: " + openInodes());
            lock.close();
            assertTrue(!openInodes().contains(inode), "and let go with the lock: " + openInodes());
        } finally {
            sh.run("ip", "netns", "del", name);
        }
    }

    /** The inodes of what this process holds open (a namespace file shows its namespace's). */
    private static List<String> openInodes() throws java.io.IOException {
        List<String> held = new java.util.ArrayList<>();
        try (var fds = java.nio.file.Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    held.add(String.valueOf(java.nio.file.Files.getAttribute(fd, "unix:ino")));
                } catch (java.io.IOException gone) {
                    // the listing's own descriptor is closed by now
                }
            }
        }
        return held;
    }
}
