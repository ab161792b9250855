package dev.vzbridge.shell;

import dev.vzbridge.exec.CommandRunner;
import dev.vzbridge.exec.ExecResult;
import dev.vzbridge.exec.RunnerException;
import dev.vzbridge.host.HostAccess;
import dev.vzbridge.host.HostAccessFactory;
import dev.vzbridge.host.NodeAddress;
import dev.vzbridge.plugins.PluginLoader;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The planning path rehearsed on a node held in memory, for the class-data archive the
 * launcher trains: the real shell, plugins, planners and printers plan batches with
 * --dry-run (text, then JSON) against recorded {@code ip -j} output of a node with br0
 * over eth0, a spare eth1 and three containers. No program runs and nothing is
 * written: every question the node is asked answers from memory, anything else is
 * refused, and the log goes nowhere.
 *
 * <p>Usage: {@code java -Dvzbridge.home=TREE -cp 'TREE/lib/*' dev.vzbridge.shell.Rehearsal [--print]}
 * (exit 0 when every line planned; --print shows the plans).
 */
public final class Rehearsal {
    /** The namespace name the node pretends to be; it is never looked up. */
    static final String NODE = "vzbridge-rehearsal";
    static final List<String> CONTAINERS = List.of("101", "102", "103");

    static final String TEXT_BATCH = """
        show
        ct attach 101 --bridge br0 --address 10.0.0.11/24 --gateway 10.0.0.1
        ct attach 102 --bridge br0 --address 10.0.0.12/24 --gateway 10.0.0.1 --host-route
        bridge create br1 --nic eth1
        """;
    static final String JSON_BATCH = """
        ct attach 103 --bridge br0 --address 10.0.0.13/24 --gateway 10.0.0.1
        plan bridge create br1 --nic eth1
        """;

    private Rehearsal() {
    }

    public static void main(String[] args) {
        System.setProperty(Logging.FILE_PROPERTY, "/dev/null");
        Logging.configure(false);
        // --print shows what was planned; the training keeps quiet
        boolean print = List.of(args).contains("--print");
        PrintWriter out = new PrintWriter(print ? System.out : OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(print ? System.err : OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        System.exit(run(new GlobalOptions(), out, err));
    }

    /** @return 0 when both batches planned, else the first failing exit code */
    static int run(GlobalOptions options, PrintWriter out, PrintWriter err) {
        options.dryRun = true;
        PluginLoader plugins = Main.loadPlugins(options, err);
        HostAccess host = null;
        Path root = null;
        try {
            root = Files.createTempDirectory("vzbridge-rehearsal-");
            options.root = root;
            NodeAddress address = new NodeAddress(root, NODE, "netns", NodeAddress.DEFAULT_CT_NETNS, "auto", "auto");
            host = HostAccessFactory.open(address, address.runner(new HeldNode()));
            Printer printer = new Printer(out, err, () -> options.json, false);
            var sources = plugins.contributions().stream()
                .map(c -> new CommandCatalog.Source(c.pluginId(), c.provider())).toList();
            Shell shell = new Shell(options, host, RenderedEngine.of(options.engineSettings(), host, printer), sources,
                plugins.infos(), printer);
            int text = shell.batch("rehearsal.vzb", TEXT_BATCH);
            options.json = true;
            int json = shell.batch("rehearsal-json.vzb", JSON_BATCH);
            return text != 0 ? text : json;
        } catch (IOException e) {
            err.println("vzbridge rehearsal: " + e.getMessage());
            return 1;
        } finally {
            if (host != null) host.close();
            plugins.close();
            if (root != null) deleteQuietly(root);
            out.flush();
            err.flush();
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // an empty temporary directory left behind is harmless
        }
    }

    /**
     * The node, answered from memory: its namespaces, one {@code ip -j -d -batch} read per
     * namespace, the flavour question and the duplicate-address probe (nobody answers).
     * Any other command is refused: a rehearsal never runs a program.
     */
    static final class HeldNode implements CommandRunner {
        private static final String IP_HELP = "Usage: ip link add [link DEV] [ name ] NAME\n"
            + "TYPE := { amt | bareudp | bond | bond_slave | bridge | bridge_slave | dummy | veth | vlan | vxlan }\n";

        private final String node = resource("node.json");
        private final String container = resource("ct.json");

        @Override
        public ExecResult run(List<String> argv, String stdin, Duration timeout) {
            String where = NODE;
            List<String> command = argv;
            if (argv.size() > 3 && argv.get(0).equals("ip") && argv.get(1).equals("-n")) {
                where = argv.get(2);
                command = new java.util.ArrayList<>(List.of("ip"));
                command.addAll(argv.subList(3, argv.size()));
            } else if (argv.size() > 4 && argv.subList(0, 3).equals(List.of("ip", "netns", "exec"))) {
                where = argv.get(3);
                command = argv.subList(4, argv.size());
            }
            String line = String.join(" ", command);
            boolean onNode = where.equals(NODE);
            if (line.equals("ip -j -d -batch -") && (onNode || isContainer(where)))
                return answer(argv, 0, onNode ? node : container, "");
            if (onNode && line.equals("ip netns list"))
                return answer(argv, 0, "ct103 (id: 3)\nct102 (id: 2)\nct101 (id: 1)\n", "");
            if (onNode && line.equals("ip link help")) return answer(argv, 255, "", IP_HELP);
            if (onNode && line.startsWith("ip -o link show dev "))
                return answer(argv, 0, "3: br0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 state UP\n", "");
            if (onNode && command.contains("arping") && command.contains("-D"))
                return answer(argv, 0, "Sent 2 probes (2 broadcast(s))\nReceived 0 response(s)\n", "");
            throw new RunnerException("not part of the rehearsal (nothing runs): " + String.join(" ", argv), null);
        }

        private static boolean isContainer(String netns) {
            return netns.startsWith("ct") && CONTAINERS.contains(netns.substring(2));
        }

        private static ExecResult answer(List<String> argv, int exit, String stdout, String stderr) {
            return new ExecResult(argv, exit, stdout, stderr, false);
        }

        private static String resource(String name) {
            try (InputStream in = Rehearsal.class.getResourceAsStream("rehearsal/" + name)) {
                if (in == null) throw new IllegalStateException("no rehearsal/" + name + " in the shell's jar");
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
