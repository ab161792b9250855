package dev.vzbridge.lab;

import dev.vzbridge.exec.CommandRunner;
import dev.vzbridge.exec.ExecResult;
import dev.vzbridge.exec.PrefixRunner;
import dev.vzbridge.exec.ProcessRunner;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A throwaway copy of the recipe's network in network namespaces, named with a
 * unique prefix so parallel labs never collide:
 * <pre>
 *   P-up  eth0 10.0.0.1/24 + 203.0.113.193/26 ──── eth0 10.0.0.2/24  P-hn (the node)
 *   P-lan eth0 10.0.0.1/24 ─────────────────────── eth1 (up, no address)
 *   P-ct101, P-ct102 …: empty (lo only); the netns runtime adds their veths
 * </pre>
 * The node's default route goes via 10.0.0.1 on eth0 (the single-NIC starting
 * point). For dual-NIC, eth0 becomes the external NIC and the node's address and
 * default route move to eth1, where the lan namespace answers as 10.0.0.1 too:
 * two separate segments, so "which 10.0.0.1 answered" tells which NIC carried it.
 * Every link is made with {@code ip -n}: nothing touches the root namespace.
 */
public final class Lab implements AutoCloseable {
    public static final String NAME_PREFIX = "vzb";
    public static final String LAN_GATEWAY = "10.0.0.1";
    public static final String NODE_ADDRESS = "10.0.0.2";
    public static final String LAN_CIDR = "10.0.0.0/24";
    public static final String ISP_GATEWAY = "203.0.113.193";
    public static final String ISP_CIDR = "203.0.113.192/26";
    private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String prefix;
    private final List<String> containerIds;
    private final CommandRunner runner;
    private final List<String> made = new ArrayList<>();
    private final Thread shutdownHook;
    private boolean closed;

    private Lab(String prefix, List<String> containerIds, CommandRunner runner) {
        this.prefix = prefix;
        this.containerIds = List.copyOf(containerIds);
        this.runner = runner;
        this.shutdownHook = new Thread(this::teardown, "lab-teardown-" + prefix);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The default lab: CTs 101 and 102. */
    public static Lab start() {
        return builder().build();
    }

    public static final class Builder {
        private List<String> containers = List.of("101", "102");

        public Builder containers(int... ids) {
            containers = Arrays.stream(ids).mapToObj(String::valueOf).toList();
            return this;
        }

        /** Builds the lab; on failure removes whatever was made and throws LabException. */
        public Lab build() {
            Lab lab = new Lab(newPrefix(), containers, new ProcessRunner());
            try {
                lab.create();
                return lab;
            } catch (RuntimeException e) {
                lab.close();
                throw e instanceof LabException ? e : new LabException("cannot build the lab: " + e.getMessage(), e);
            }
        }
    }

    static String newPrefix() {
        StringBuilder sb = new StringBuilder(NAME_PREFIX);
        for (int i = 0; i < 6; i++) sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        return sb.toString();
    }

    private void create() {
        // The marker comes first so that even a half-built lab of a killed process is found by cleanLeftovers.
        LabMarkers.write(prefix);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        List<String> all = new ArrayList<>(List.of(upNetns(), nodeNetns(), lanNetns()));
        containerIds.forEach(id -> all.add(ctNetns(id)));
        // One ip process for all namespaces; recorded first so a partial failure still removes them all.
        synchronized (made) {
            made.addAll(all);
        }
        must(runner.run(List.of("ip", "-batch", "-"),
            all.stream().map(ns -> "netns add " + ns + "\n").collect(Collectors.joining()), CommandRunner.DEFAULT_TIMEOUT));
        StringBuilder batch = new StringBuilder();
        // Distinct explicit ifindexes on the two ends of each pair (equal ones lose the first ARP).
        batch.append("link add name eth0 index 10 type veth peer name eth0 index 11 netns ").append(upNetns()).append('\n');
        batch.append("link add name eth1 index 12 type veth peer name eth0 index 13 netns ").append(lanNetns()).append('\n');
        batch.append("link set lo up\nlink set eth0 up\nlink set eth1 up\n");
        batch.append("addr add ").append(NODE_ADDRESS).append("/24 dev eth0\n");
        batch.append("route add default via ").append(LAN_GATEWAY).append(" dev eth0\n");
        ipBatch(nodeNetns(), batch.toString());
        ipBatch(upNetns(), "link set lo up\nlink set eth0 up\naddr add " + LAN_GATEWAY + "/24 dev eth0\n"
            + "addr add " + ISP_GATEWAY + "/26 dev eth0\n");
        ipBatch(lanNetns(), "link set lo up\nlink set eth0 up\naddr add " + LAN_GATEWAY + "/24 dev eth0\n");
        for (String id : containerIds) ipBatch(ctNetns(id), "link set lo up\n");
        awaitLinkLocal();
    }

    /**
     * The kernel gives a NIC its fe80:: address (and fe80::/64 route) a moment after
     * carrier comes up. Wait for it, so a snapshot taken right after the lab is built
     * is the settled state rather than one the kernel is still changing.
     */
    private void awaitLinkLocal() {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            String routes = runner.run("ip", "-n", nodeNetns(), "-6", "-o", "route", "show", "table", "main").stdout();
            if (routes.contains("fe80::/64 dev eth0") && routes.contains("fe80::/64 dev eth1")) return;
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void ipBatch(String netns, String commands) {
        must(runner.run(List.of("ip", "-n", netns, "-batch", "-"), commands, CommandRunner.DEFAULT_TIMEOUT));
    }

    private static ExecResult must(ExecResult r) {
        if (!r.ok()) throw new LabException(String.join(" ", r.argv()) + ": " + r.problem(), null);
        return r;
    }

    public String prefix() {
        return prefix;
    }

    /** The hardware node's namespace: what --lab runs every host command in. */
    public String nodeNetns() {
        return prefix + "-hn";
    }

    /** The uplink: LAN gateway 10.0.0.1/24 and ISP gateway 203.0.113.193/26 on eth0, facing the node's eth0. */
    public String upNetns() {
        return prefix + "-up";
    }

    /** The local LAN of the dual-NIC case: 10.0.0.1/24 on eth0, facing the node's eth1. */
    public String lanNetns() {
        return prefix + "-lan";
    }

    public String ctNetns(String ctid) {
        return prefix + "-ct" + ctid;
    }

    /** The --ct-netns pattern of this lab's containers. */
    public String ctNetnsPattern() {
        return prefix + "-ct{id}";
    }

    public List<String> containerIds() {
        return containerIds;
    }

    /** Every namespace this lab made (and will remove). */
    public List<String> namespaces() {
        synchronized (made) {
            return List.copyOf(made);
        }
    }

    /** A runner whose commands run in the node namespace. */
    public CommandRunner nodeRunner() {
        return PrefixRunner.inNetns(nodeNetns(), runner);
    }

    /** Runs argv in one of the lab's namespaces. */
    public ExecResult exec(String netns, List<String> argv) {
        if (!netns.startsWith(prefix + "-")) throw new IllegalArgumentException(netns + " is not a namespace of lab " + prefix);
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", netns));
        full.addAll(argv);
        return runner.run(full, null, CommandRunner.DEFAULT_TIMEOUT);
    }

    public ExecResult exec(String netns, String... argv) {
        return exec(netns, List.of(argv));
    }

    /** Like exec, but a failure throws with the tool's message. */
    public String run(String netns, String... argv) {
        return must(exec(netns, List.of(argv))).stdout();
    }

    /**
     * True when target answers a ping from netns within about three seconds;
     * sends every 0.2 s and stops at the first reply, so a lost first ARP does not fail it.
     */
    public boolean ping(String netns, String target) {
        return exec(netns, pingArgv(target)).ok();
    }

    public static List<String> pingArgv(String target) {
        return List.of("ping", "-n", "-q", "-c", "1", "-i", "0.2", "-w", "3", target);
    }

    public String describe() {
        return describe(List.of());
    }

    /** The --lab banner: what this lab is and what to try first (with batch files to run, if any). */
    public String describe(List<String> exampleBatches) {
        String cts = containerIds.stream().map(id -> "CT " + id).collect(Collectors.joining(", "));
        return String.join("\n",
            "Lab " + prefix + ": a throwaway network in namespaces, removed on exit.",
            "  node (" + nodeNetns() + "): eth0 " + NODE_ADDRESS + "/24, default via " + LAN_GATEWAY
                + "; eth1 spare NIC (no address) for dual-NIC",
            "  uplink (" + upNetns() + ") on eth0: LAN gateway " + LAN_GATEWAY + "/24, ISP gateway " + ISP_GATEWAY + "/26",
            "  local LAN (" + lanNetns() + ") on eth1: " + LAN_GATEWAY + "/24",
            "  containers: " + cts + " (netns runtime, namespaces " + ctNetnsPattern() + ")",
            "This is the recipe's starting point. Try:",
            "  show",
            "  bridge create br0 --nic eth0",
            "  ct attach 101 --bridge br0 --address 203.0.113.195/26 --gateway 203.0.113.193 --host-route",
            // only batches that were found, by their real paths: a made-up path would not run
            exampleBatches.isEmpty() ? "  or a whole recipe as one batch file: vzbridge --lab -f FILE"
                : "  or the whole recipe as one batch: " + exampleBatches.stream().map(f -> "vzbridge --lab -f " + f)
                    .collect(Collectors.joining(" or ")),
            "");
    }

    /** Removes every namespace this lab made; safe to call more than once. */
    @Override
    public void close() {
        teardown();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | IllegalArgumentException ignored) {
            // already shutting down, or never registered
        }
    }

    private void teardown() {
        synchronized (made) {
            if (closed) return;
            // -force: go on past namespaces that are already gone.
            if (!made.isEmpty()) runner.run(List.of("ip", "-force", "-batch", "-"),
                made.stream().map(ns -> "netns del " + ns + "\n").collect(Collectors.joining()), Duration.ofSeconds(10));
            made.clear();
            LabMarkers.remove(prefix);
            closed = true;
        }
    }

    /**
     * Removes namespaces left by labs whose process died (kill -9, crash): only those
     * whose marker names a dead process; a running lab is never touched.
     *
     * @return the namespaces removed
     */
    public static List<String> cleanLeftovers() {
        return LabMarkers.cleanLeftovers(new ProcessRunner());
    }

    /** Prefixes of labs whose process died without removing them (what cleanLeftovers would remove). */
    public static List<String> leftovers() {
        return LabMarkers.deadPrefixes();
    }

    /** Why a lab cannot be built here (not root), or empty when it can be tried. */
    public static Optional<String> unavailableReason() {
        if (!Privileges.isRoot()) return Optional.of("the lab needs root (network namespaces)");
        return Optional.empty();
    }
}
