package dev.vzbridge.host;

import dev.vzbridge.api.host.Container;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.exec.CommandRunner;
import dev.vzbridge.exec.ExecResult;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * One observation of the node and its containers, through the runner. Per
 * namespace one {@code ip -j -d -batch} process reads links, addresses and routes;
 * where {@code ip} has no JSON (old iproute2) it falls back to text output plus one
 * sysfs read for bridge settings and port states.
 */
public final class HostProbe {
    static final String JSON_BATCH = "link show\naddr show\nroute show table all\n";

    private final CommandRunner runner;
    private final HostRuntime runtime;
    /** Whether a target (node = "", else CT ID) speaks JSON; learnt on first use. */
    private final Map<String, Boolean> json = new ConcurrentHashMap<>();

    private final boolean tryJson;

    public HostProbe(CommandRunner runner, HostRuntime runtime) {
        this(runner, runtime, true);
    }

    private HostProbe(CommandRunner runner, HostRuntime runtime, boolean tryJson) {
        this.runner = runner;
        this.runtime = runtime;
        this.tryJson = tryJson;
    }

    /** A probe that reads only the text forms, as on iproute2 without -j (for comparing both paths). */
    public static HostProbe textOnly(CommandRunner runner, HostRuntime runtime) {
        return new HostProbe(runner, runtime, false);
    }

    /** Whether the last view of a target (node = "", else CT ID) came from JSON; empty when not yet read. */
    java.util.Optional<Boolean> readJson(String target) {
        return java.util.Optional.ofNullable(json.get(target));
    }

    /**
     * Views of containers kept between observations, while {@link #keepContainerViews} is on: an
     * observation of every container then reads only those it has not seen yet, while one of named
     * containers (what a transaction touches: its snapshots, checks and rollback) always reads them
     * again and keeps what it read. Null when off.
     */
    private volatile Map<String, NetView> kept;

    /**
     * On: a run of commands (a --per-command batch) reads each container once, and again only
     * when a transaction names it, so its cost grows with the commands, not commands × containers.
     * Off (the default, and after the run): every observation reads everything it returns.
     */
    public void keepContainerViews(boolean on) {
        kept = on ? new ConcurrentHashMap<>() : null;
    }

    /** The node, and inside the given containers (all running ones when null); containers are read side by side. */
    public HostState observe(Collection<String> containers) {
        // The node is read beside the list of containers and their reads, not before them.
        Future<NetView> nodeView = READERS.submit(() -> view("", UnaryOperator.identity()));
        List<Container> cts = new ArrayList<>();
        Map<String, NetView> keep = kept;
        Map<String, Future<NetView>> inside = new LinkedHashMap<>();
        if (runtime != null) {
            Map<String, Boolean> status;
            try {
                status = runtime.status();
            } catch (RuntimeException e) {
                nodeView.cancel(true);
                throw e;
            }
            if (keep != null) keep.keySet().retainAll(status.keySet());
            for (Map.Entry<String, Boolean> e : status.entrySet()) {
                String id = e.getKey();
                if (!e.getValue() || (containers != null && !containers.contains(id))) continue;
                NetView known = containers == null && keep != null ? keep.get(id) : null;
                inside.put(id, known != null ? java.util.concurrent.CompletableFuture.completedFuture(known)
                    : READERS.submit(() -> view(id, argv -> runtime.inside(id, argv))));
            }
            await(nodeView, all(nodeView, inside.values())); // the node's failure, if any, is the one reported
            for (Map.Entry<String, Boolean> e : status.entrySet()) {
                Future<NetView> f = inside.get(e.getKey());
                if (f == null) {
                    cts.add(new Container(e.getKey(), e.getValue(), List.of(), List.of(), List.of()));
                } else {
                    NetView v = await(f, all(nodeView, inside.values()));
                    if (keep != null) keep.put(e.getKey(), v);
                    cts.add(new Container(e.getKey(), true, v.links(), v.addresses(), v.routes()));
                }
            }
        }
        NetView node = await(nodeView, all(nodeView, inside.values()));
        return new HostState(node.links(), node.addresses(), node.routes(), cts);
    }

    private static List<Future<NetView>> all(Future<NetView> node, Collection<Future<NetView>> inside) {
        List<Future<NetView>> all = new ArrayList<>(inside);
        all.add(node);
        return all;
    }

    /** The view a reader made; its failure is the observation's (the other reads are cancelled). */
    private static NetView await(Future<NetView> f, Collection<Future<NetView>> all) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            all.forEach(x -> x.cancel(true));
            Thread.currentThread().interrupt();
            throw new ProbeException("interrupted while reading the containers");
        } catch (ExecutionException e) {
            all.forEach(x -> x.cancel(true));
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new ProbeException(String.valueOf(e.getCause()));
        }
    }

    /** Reads of containers at once: enough to hide process start-up, few enough not to flood the node. */
    private static final ExecutorService READERS = readers();

    private static ExecutorService readers() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(16, 16, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "ct-reader");
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** One namespace's view; {@code wrap} turns an argv into one that runs there. */
    public NetView view(String target, UnaryOperator<List<String>> wrap) {
        if (tryJson && json.getOrDefault(target, true)) {
            ExecResult r = runner.run(wrap.apply(List.of("ip", "-j", "-d", "-batch", "-")), JSON_BATCH, CommandRunner.DEFAULT_TIMEOUT);
            if (r.ok()) {
                try {
                    List<List<Object>> parts = IpJson.arrays(r.stdout());
                    if (parts.size() == 3) {
                        json.put(target, true);
                        return withSysfs(new NetView(IpJson.links(parts.get(0)), IpJson.addresses(parts.get(1)),
                            IpJson.routes(parts.get(2))), wrap, false);
                    }
                } catch (IOException e) {
                    // some part was not JSON (partial -j support): use text for everything
                }
            } else if (!looksLikeNoJson(r)) {
                throw new ProbeException("cannot read " + where(target) + ": " + r.problem());
            }
            json.put(target, false);
        }
        return textView(target, wrap);
    }

    private static boolean looksLikeNoJson(ExecResult r) {
        String msg = r.stderr() + r.stdout();
        return msg.contains("-j") || msg.contains("unknown") || msg.contains("Unknown") || msg.contains("json");
    }

    private NetView textView(String target, UnaryOperator<List<String>> wrap) {
        String links = must(target, wrap.apply(List.of("ip", "-o", "-d", "link", "show")));
        String addrs = must(target, wrap.apply(List.of("ip", "-o", "addr", "show")));
        String routes4 = must(target, wrap.apply(List.of("ip", "route", "show", "table", "main")));
        String routes6 = must(target, wrap.apply(List.of("ip", "-6", "route", "show", "table", "main")));
        List<dev.vzbridge.api.host.Route> routes = new ArrayList<>(IpText.routes(routes4));
        routes.addAll(IpText.routes(routes6));
        // Old -d output names no bridges: sysfs is the only reliable source there.
        return withSysfs(new NetView(IpText.links(links), IpText.addresses(addrs), routes), wrap, true);
    }

    /** Old iproute2 prints no bridge details: read them from sysfs in one process for all links. */
    private NetView withSysfs(NetView v, UnaryOperator<List<String>> wrap, boolean always) {
        boolean missing = always || v.links().stream()
            .anyMatch(l -> (l.isBridge() && l.bridge() == null) || (l.master() != null && l.portState() == null));
        if (!missing) return v;
        List<String> argv = new ArrayList<>(List.of("grep", "-s", "-H", ""));
        argv.addAll(IpText.sysfsFiles(v.links()));
        // grep exits 2 when some files are missing (not bridges, not ports); what it printed still counts.
        ExecResult r = runner.run(wrap.apply(argv), null, CommandRunner.DEFAULT_TIMEOUT);
        return new NetView(IpText.applySysfs(v.links(), r.stdout()), v.addresses(), v.routes());
    }

    private String must(String target, List<String> argv) {
        ExecResult r = runner.run(argv);
        if (!r.ok()) throw new ProbeException("cannot read " + where(target) + ": " + String.join(" ", argv) + ": " + r.problem());
        return r.stdout();
    }

    private static String where(String target) {
        return target.isEmpty() ? "the node" : "CT " + target;
    }

    /** The host could not be read (exit 1). */
    public static final class ProbeException extends dev.vzbridge.api.command.CommandFailedException {
        public ProbeException(String message) {
            super(message);
        }
    }
}
