package dev.vzbridge.engine;

import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Link;
import dev.vzbridge.api.plan.Check;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.exec.ExecResult;
import dev.vzbridge.exec.RunnerException;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Proves a plan's checks against fresh observations, retrying briefly (the kernel
 * needs a moment) and waiting out STP listening/learning for bridge ports, bounded
 * by the bridge's forward delay ×2 plus a margin.
 */
final class Verifier {
    static final Duration SETTLE = Duration.ofSeconds(3);
    private static final long POLL_MS = 250;
    /** ping processes at once: a transaction of a few hundred containers verifies in a few rounds. */
    static final int PING_PARALLEL = 64;

    private final Node node;
    private final Progress progress;
    private HostState lastSeen;

    Verifier(Node node, PrintWriter err, boolean terminal) {
        this.node = node;
        this.progress = new Progress(err, terminal);
    }

    /** The state the last look saw (after the checks held, it is the "after" snapshot); null if none was taken. */
    HostState lastSeen() {
        return lastSeen;
    }

    /** @return the failed checks' descriptions; empty when all hold */
    List<String> verify(Plan plan) {
        if (plan.checks().isEmpty() || node.probe() == null) return List.of();
        List<String> failed = new ArrayList<>();
        List<Check> state = new ArrayList<>();
        List<Check.Ping> pings = new ArrayList<>();
        for (Check c : plan.checks()) {
            if (c instanceof Check.Ping p) pings.add(p);
            else if (c instanceof Check.OfState) state.add(c);
            else failed.add("no way to verify: " + c.describe());
        }
        if (!failed.isEmpty()) return failed;
        // The pings start now, side by side with the state checks; each gets its SETTLE bound once those hold.
        try (Pings round = new Pings(pings)) {
            failed = stateFailures(plan, state);
            if (!failed.isEmpty()) return failed;
            return round.failures();
        }
    }

    /** The state checks, looked at again until they hold or their bound (SETTLE, or the STP wait) passes. */
    private List<String> stateFailures(Plan plan, List<Check> state) {
        long start = System.nanoTime();
        long boundMs = SETTLE.toMillis();
        List<String> failed;
        while (true) {
            HostState s = node.probe().observe(plan.containers());
            lastSeen = s;
            boundMs = Math.max(boundMs, stpBoundMs(plan, s));
            failed = new ArrayList<>();
            boolean waitingForStp = false;
            for (Check c : state) {
                if (!holds(c, s)) {
                    failed.add(c.describe());
                    if (c instanceof Check.PortForwarding) waitingForStp = true;
                }
            }
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            // A deferred signal stops the waiting: the transaction rolls back instead.
            if (failed.isEmpty() || elapsed >= boundMs || SignalDeferral.abortRequested() != null) break;
            if (waitingForStp) progress.show("waiting for bridge ports to forward (STP)", elapsed, boundMs);
            sleep(POLL_MS);
        }
        progress.done();
        return failed;
    }

    /**
     * Independent pings, side by side (bounded): each tries once at once; one that gets no answer
     * waits for the state checks to hold (no retries while, say, STP is still learning), then tries
     * until it answers, failing once SETTLE has passed since they held; closing stops them.
     */
    private final class Pings implements AutoCloseable {
        private final List<Check.Ping> pings;
        private final ExecutorService pool;
        private final List<Future<Boolean>> answers;
        /** System.nanoTime() when the state checks held; 0 while they are still looked at. */
        private volatile long stateHeld;
        /** Open once the state checks held, or the pings are stopped. */
        private final java.util.concurrent.CountDownLatch settled = new java.util.concurrent.CountDownLatch(1);
        private volatile boolean stopped;

        Pings(List<Check.Ping> pings) {
            this.pings = pings;
            this.pool = pings.isEmpty() ? null : Executors.newFixedThreadPool(Math.min(PING_PARALLEL, pings.size()), r -> {
                Thread t = new Thread(r, "verify-ping");
                t.setDaemon(true);
                return t;
            });
            this.answers = pings.stream().map(p -> pool.submit(() -> answers(p))).toList();
        }

        /** The pings that never answered, in plan order, each with its likely cause. */
        List<String> failures() {
            stateHeld = System.nanoTime();
            settled.countDown();
            List<String> failed = new ArrayList<>();
            for (int i = 0; i < pings.size(); i++)
                if (!answered(answers.get(i))) failed.add(pings.get(i).describe() + ": " + likelyCause(pings.get(i)));
            return failed;
        }

        private boolean answers(Check.Ping p) {
            long start = System.nanoTime();
            List<String> argv = List.of("ping", "-c", "1", "-W", "1", p.target().toString());
            if (p.ct() != null && node.runtime() != null) argv = node.runtime().inside(p.ct(), argv);
            while (!stopped) {
                try {
                    ExecResult r = node.runner().run(argv, null, Duration.ofSeconds(5));
                    if (r.ok()) return true;
                } catch (RunnerException e) {
                    return false;
                }
                if (stateHeld == 0) {
                    try {
                        settled.await();
                    } catch (InterruptedException e) {
                        return false;
                    }
                    continue; // the state checks held (or the pings stop): try again at once
                }
                if ((System.nanoTime() - Math.max(start, stateHeld)) / 1_000_000 >= SETTLE.toMillis()) return false;
                if (SignalDeferral.abortRequested() != null) return false;
                sleep(POLL_MS);
            }
            return false;
        }

        @Override
        public void close() {
            stopped = true;
            settled.countDown();
            if (pool != null) pool.shutdownNow();
        }
    }

    /** The diagnosis 'check' gives a failed path (no route, port not forwarding, no ARP reply, address conflict). */
    private String likelyCause(Check.Ping p) {
        try {
            return new Reachability(node).cause(lastSeen, new Reachability.Probe(p.ct(), p.target().toString()));
        } catch (RuntimeException e) {
            return "cause unknown (" + e.getMessage() + ")";
        }
    }

    private static boolean answered(Future<Boolean> ping) {
        try {
            return ping.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return false;
        }
    }

    private static long stpBoundMs(Plan plan, HostState s) {
        long max = 0;
        for (Check c : plan.checks()) {
            if (c instanceof Check.PortForwarding pf) {
                Optional<Link> br = s.link(pf.bridge());
                int fd = br.map(Link::bridge).map(b -> b.forwardDelay()).orElse(15);
                max = Math.max(max, (fd * 2L + 3) * 1000);
            }
        }
        return max;
    }

    /** A state check verifies itself; any other kind but a ping has no way to be proven here and fails. */
    static boolean holds(Check c, HostState s) {
        if (c instanceof Check.OfState fact) return fact.holds(s);
        throw new IllegalStateException("cannot verify a " + c.getClass().getSimpleName() + " check against the state");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A progress bar on a terminal, plain lines otherwise. */
    static final class Progress {
        private final PrintWriter err;
        private final boolean terminal;
        private boolean shown;

        Progress(PrintWriter err, boolean terminal) {
            this.err = err;
            this.terminal = terminal;
        }

        void show(String what, long elapsedMs, long boundMs) {
            if (err == null) return;
            if (terminal) {
                int width = 30;
                int filled = (int) Math.min(width, elapsedMs * width / Math.max(1, boundMs));
                err.print("\r" + what + " [" + "#".repeat(filled) + ".".repeat(width - filled) + "] "
                    + elapsedMs / 1000 + "/" + boundMs / 1000 + " s");
                err.flush();
            } else if (!shown) {
                err.println(what + ", up to " + boundMs / 1000 + " s");
                err.flush();
            }
            shown = true;
        }

        void done() {
            if (shown && terminal && err != null) {
                err.println();
                err.flush();
            }
            shown = false;
        }
    }
}
