package dev.vzbridge.engine;

import dev.vzbridge.api.host.Address;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Link;
import dev.vzbridge.api.host.Route;
import dev.vzbridge.api.net.Cidr;
import dev.vzbridge.api.net.IpAddress;
import dev.vzbridge.api.plan.Check;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.exec.ExecResult;
import dev.vzbridge.exec.RunnerException;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Proves a plan's checks against fresh observations, retrying briefly (the kernel
 * needs a moment) and waiting out STP listening/learning for bridge ports, bounded
 * by the bridge's forward delay ×2 plus a margin.
 */
final class Verifier {
    static final Duration SETTLE = Duration.ofSeconds(3);
    private static final long POLL_MS = 250;

    private final Node node;
    private final Progress progress;

    Verifier(Node node, PrintWriter err, boolean terminal) {
        this.node = node;
        this.progress = new Progress(err, terminal);
    }

    /** @return the failed checks' descriptions; empty when all hold */
    List<String> verify(Plan plan) {
        if (plan.checks().isEmpty() || node.probe() == null) return List.of();
        List<Check> state = plan.checks().stream().filter(c -> !(c instanceof Check.Ping)).toList();
        List<Check> pings = plan.checks().stream().filter(c -> c instanceof Check.Ping).toList();
        long start = System.nanoTime();
        long boundMs = SETTLE.toMillis();
        List<String> failed;
        while (true) {
            HostState s = node.probe().observe(plan.containers());
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
            if (failed.isEmpty() || elapsed >= boundMs) break;
            if (waitingForStp) progress.show("waiting for bridge ports to forward (STP)", elapsed, boundMs);
            sleep(POLL_MS);
        }
        progress.done();
        if (!failed.isEmpty()) return failed;
        for (Check c : pings) {
            Check.Ping p = (Check.Ping) c;
            if (!pingWithin(p, SETTLE.toMillis())) failed.add(c.describe());
        }
        return failed;
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

    private boolean pingWithin(Check.Ping p, long boundMs) {
        long start = System.nanoTime();
        List<String> argv = List.of("ping", "-c", "1", "-W", "1", p.target());
        if (p.ct() != null && node.runtime() != null) argv = node.runtime().inside(p.ct(), argv);
        while (true) {
            try {
                ExecResult r = node.runner().run(argv, null, Duration.ofSeconds(5));
                if (r.ok()) return true;
            } catch (RunnerException e) {
                return false;
            }
            if ((System.nanoTime() - start) / 1_000_000 >= boundMs) return false;
            sleep(POLL_MS);
        }
    }

    static boolean holds(Check c, HostState s) {
        if (c instanceof Check.Link l) {
            Optional<Link> link = links(s, l.ct()).stream().filter(x -> x.name().equals(l.name())).findFirst();
            if (!l.present()) return link.isEmpty();
            if (link.isEmpty()) return false;
            if (l.master() == null) return true;
            return l.master().isEmpty() ? link.get().master() == null : l.master().equals(link.get().master());
        }
        if (c instanceof Check.PortForwarding pf) {
            return s.link(pf.port()).filter(p -> pf.bridge().equals(p.master()))
                .map(p -> "forwarding".equals(p.portState())).orElse(false);
        }
        if (c instanceof Check.Address a) {
            Cidr want = Cidr.parse(a.cidr());
            boolean has = addresses(s, a.ct()).stream()
                .anyMatch(x -> x.dev().equals(a.dev()) && sameCidr(x.cidr(), want));
            return has == a.present();
        }
        if (c instanceof Check.Route r) {
            boolean has = routes(s, r.ct()).stream().anyMatch(x -> routeMatches(r, x));
            return has == r.present();
        }
        return true;
    }

    private static boolean sameCidr(String text, Cidr want) {
        try {
            return Cidr.parse(text).equals(want);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean routeMatches(Check.Route want, Route r) {
        if (want.dev() != null && !want.dev().equals(r.dev())) return false;
        if (want.via() != null && (r.via() == null || !IpAddress.parse(want.via()).equals(IpAddress.parse(r.via())))) {
            return false;
        }
        if ("default".equals(want.dst())) return r.isDefault();
        if (r.isDefault()) return false;
        return sameCidr(r.dst(), Cidr.parse(want.dst(), true));
    }

    private static List<Link> links(HostState s, String ct) {
        if (ct == null) return s.links();
        return s.container(ct).map(x -> x.links()).orElse(List.of());
    }

    private static List<Address> addresses(HostState s, String ct) {
        if (ct == null) return s.addresses();
        return s.container(ct).map(x -> x.addresses()).orElse(List.of());
    }

    private static List<Route> routes(HostState s, String ct) {
        if (ct == null) return s.routes();
        return s.container(ct).map(x -> x.routes()).orElse(List.of());
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
