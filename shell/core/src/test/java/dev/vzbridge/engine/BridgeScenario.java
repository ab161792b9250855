package dev.vzbridge.engine;

import dev.vzbridge.engine.journal.FileHashes;
import dev.vzbridge.testkit.FailureInjectingRunner;
import dev.vzbridge.shell.RenderedEngine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vzbridge.api.host.Route;
import dev.vzbridge.api.net.Cidr;
import dev.vzbridge.api.plan.Change;
import dev.vzbridge.api.plan.Check;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.api.plan.Step;
import dev.vzbridge.api.tools.NetTools;
import dev.vzbridge.exec.CommandRunner;
import dev.vzbridge.exec.ExecResult;
import dev.vzbridge.exec.PrefixRunner;
import dev.vzbridge.exec.ProcessRunner;
import dev.vzbridge.host.NetnsRuntime;
import dev.vzbridge.host.NodeAccess;
import dev.vzbridge.host.NodeAddress;
import dev.vzbridge.shell.GlobalOptions;
import dev.vzbridge.tools.Iproute2Tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

/**
 * The recipe's first move as a plan built from the API and the iproute2 flavour:
 * config files, a bridge br0 over eth0, the node's address and default route moved
 * to br0. Ten steps in four changes, so every step is a fault point.
 */
final class BridgeScenario {
    static final String DIR = "/etc/vzbridge-lab";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private BridgeScenario() {
    }

    static Plan plan(NetTools t) {
        Route viaEth0 = new Route("default", "10.0.0.1", "eth0", null, null, null, null);
        Route viaBr0 = viaEth0.onDev("br0");
        Cidr node = Cidr.parse("10.0.0.2/24");
        return Plan.builder("bridge create br0 --nic eth0")
            .change(Change.of("write the boot configuration",
                Step.writeFile(DIR + "/ifcfg-br0", "DEVICE=br0\nTYPE=Bridge\n".getBytes(StandardCharsets.UTF_8), 0644),
                Step.writeFile(DIR + "/ifcfg-eth0", "DEVICE=eth0\nBRIDGE=br0\n".getBytes(StandardCharsets.UTF_8), 0644),
                Step.deleteFile(DIR + "/old.conf")))
            .change(Change.of("create bridge br0", t.addBridge("br0"), t.up("br0", false)))
            .change(Change.of("make eth0 a port of br0", t.enslave("eth0", "br0")))
            .change(Change.of("move 10.0.0.2/24 and the default route from eth0 to br0",
                t.deleteRoute(viaEth0), t.deleteAddress("eth0", node), t.addAddress("br0", node), t.addRoute(viaBr0)))
            .check(Check.Link.present(null, "br0"))
            .check(Check.Link.portOf(null, "eth0", "br0"))
            .check(new Check.PortForwarding("br0", "eth0"))
            .check(new Check.Address(null, "br0", dev.vzbridge.api.net.Cidr.parse("10.0.0.2/24"), true))
            .check(Check.Route.defaultVia(null, "10.0.0.1", "br0"))
            .check(Check.Ping.of(null, "10.0.0.1"))
            .build();
    }

    static int steps(Plan p) {
        return p.changes().stream().mapToInt(c -> c.steps().size()).sum();
    }

    /** The files the plan rewrites and deletes exist beforehand, with their own modes. */
    static void prepareFiles(Path root) throws IOException {
        Path dir = root.resolve(DIR.substring(1));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("ifcfg-eth0"), "# admin's comment\nDEVICE=eth0\nIPADDR=10.0.0.2\n");
        Files.setPosixFilePermissions(dir.resolve("ifcfg-eth0"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));
        Files.writeString(dir.resolve("old.conf"), "stale\n");
    }

    /**
     * The node as `ip -j` shows it (links with master, UP flag and MAC; addresses with
     * scope; IPv4 and IPv6 routes) plus the SHA-256 of the scenario's files: the
     * independent yardstick the engine's own verdict is checked against.
     */
    static String state(String nodeNetns, Path root) {
        TreeSet<String> out = new TreeSet<>();
        for (JsonNode l : ip(nodeNetns, "link", "show")) {
            boolean up = false;
            for (JsonNode f : l.path("flags")) up |= f.asText().equals("UP");
            out.add("link " + l.path("ifname").asText() + " type=" + l.path("link_type").asText() + " master="
                + l.path("master").asText("-") + " up=" + up + " mac=" + l.path("address").asText());
        }
        for (JsonNode l : ip(nodeNetns, "addr", "show")) {
            for (JsonNode a : l.path("addr_info")) {
                out.add("addr " + l.path("ifname").asText() + " " + a.path("local").asText() + "/" + a.path("prefixlen").asInt()
                    + " scope " + a.path("scope").asText());
            }
        }
        for (String family : List.of("-4", "-6")) {
            for (JsonNode r : ip(nodeNetns, family, "route", "show", "table", "main")) {
                out.add("route " + r.path("dst").asText() + " via " + r.path("gateway").asText("-") + " dev "
                    + r.path("dev").asText("-") + " proto " + r.path("protocol").asText("-") + " scope "
                    + r.path("scope").asText("-") + " src " + r.path("prefsrc").asText("-") + " metric "
                    + r.path("metric").asText("-"));
            }
        }
        for (String f : List.of("ifcfg-br0", "ifcfg-eth0", "old.conf")) {
            out.add("file " + f + " " + FileHashes.hash(root.resolve(DIR.substring(1)).resolve(f)));
        }
        return String.join("\n", out);
    }

    private static JsonNode ip(String netns, String... args) {
        List<String> argv = new java.util.ArrayList<>(List.of("ip", "-n", netns, "-j"));
        argv.addAll(List.of(args));
        ExecResult r = new ProcessRunner().run(argv);
        if (!r.ok()) throw new AssertionError(String.join(" ", argv) + ": " + r.problem());
        try {
            return MAPPER.readTree(r.stdout().isBlank() ? "[]" : r.stdout());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How the engine names the k-th step (from 1) of a plan: "[2/4] SUMMARY, step 3/5", as its progress lines count. */
    static String where(Plan plan, int k) {
        int n = 0;
        for (int c = 0; c < plan.changes().size(); c++) {
            var change = plan.changes().get(c);
            if (k <= n + change.steps().size())
                return "[" + (c + 1) + "/" + plan.changes().size() + "] " + change.summary() + ", step " + (k - n) + "/"
                    + change.steps().size();
            n += change.steps().size();
        }
        throw new IllegalArgumentException("no step " + k);
    }

    /** The engine's view of the lab node, with the runner actions go through (possibly failure-injecting). */
    static Node node(String nodeNetns, String ctPattern, Path root, CommandRunner actions) {
        CommandRunner plain = PrefixRunner.inNetns(nodeNetns, new ProcessRunner());
        NetnsRuntime runtime = new NetnsRuntime(plain, ctPattern, new Iproute2Tools());
        NodeAddress address = new NodeAddress(root, nodeNetns, "netns", ctPattern, "iproute2", null);
        NodeAccess access = new NodeAccess(address, plain, new Iproute2Tools(), runtime, null, null);
        Node node = new Node(actions == null ? plain : actions, address, access::observe, runtime);
        // a failure injector counts (and fails) file actions too
        return actions instanceof FailureInjectingRunner fail ? fail.on(node) : node;
    }

    static CommandRunner nodeRunner(String nodeNetns) {
        return PrefixRunner.inNetns(nodeNetns, new ProcessRunner());
    }

    static GlobalOptions options(Path root, String nodeNetns, String ctPattern) {
        GlobalOptions o = new GlobalOptions();
        o.root = root;
        o.netns = nodeNetns;
        o.runtime = "netns";
        o.ctNetns = ctPattern;
        o.tools = "iproute2";
        o.lockWait = 30;
        return o;
    }

    static RenderedEngine engine(GlobalOptions o, Node node, Watchdog.Launcher launcher, PrintWriter out, PrintWriter err) {
        return RenderedEngine.of(o.engineSettings(), node, launcher, out, err);
    }
}
