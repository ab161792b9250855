package dev.vzbridge.shell;

import dev.vzbridge.api.command.CommandContext;
import dev.vzbridge.api.command.CommandProvider;
import dev.vzbridge.api.command.PlanningCommand;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.exec.CommandRunner;
import dev.vzbridge.exec.ExecResult;
import dev.vzbridge.host.NetnsRuntime;
import dev.vzbridge.host.NodeAccess;
import dev.vzbridge.testkit.RecordingExecutor;
import dev.vzbridge.testkit.ShellDriver;
import dev.vzbridge.tools.ToolFlavours;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Under --tools auto, a command that plans asks the node's ip its flavour while the
 * host is read, not after the read; commands that plan nothing never ask it.
 */
class ToolsAskedAheadTest {
    private static final String MODERN_IP = "Usage: ip link add [link DEV] ...\nTYPE := { bond | bridge | veth }\n";
    private static final String NODE = "[{\"ifindex\":1,\"ifname\":\"lo\",\"flags\":[\"LOOPBACK\",\"UP\",\"LOWER_UP\"],"
        + "\"mtu\":65536,\"operstate\":\"UNKNOWN\",\"link_type\":\"loopback\",\"address\":\"00:00:00:00:00:00\"}]\n[]\n[]\n";

    /** A node in memory: its read waits (up to a bound) for the flavour question, as a slow node's read would outlast it. */
    private static final class SlowNode implements CommandRunner {
        final List<String> ran = new CopyOnWriteArrayList<>();
        final CountDownLatch asked = new CountDownLatch(1);
        volatile boolean askedDuringRead;

        @Override
        public ExecResult run(List<String> argv, String stdin, Duration timeout) {
            String line = String.join(" ", argv);
            ran.add(line);
            return switch (line) {
                case "ip link help" -> {
                    asked.countDown();
                    yield new ExecResult(argv, 255, "", MODERN_IP, false);
                }
                case "ip netns list" -> new ExecResult(argv, 0, "", "", false);
                case "ip -j -d -batch -" -> {
                    try {
                        askedDuringRead = asked.await(3, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    yield new ExecResult(argv, 0, NODE, "", false);
                }
                default -> throw new AssertionError("not a read of this test's node: " + line);
            };
        }
    }

    /** Plans one bridge with the node's tools, whose flavour --tools auto asks. */
    public static final class Commands implements CommandProvider {
        @Override
        public List<Class<?>> commands() {
            return List.of(MakeBridge.class);
        }
    }

    @Command(name = "mkbr", description = "Make a bridge.")
    public static final class MakeBridge implements PlanningCommand {
        @Parameters(index = "0")
        String name;

        @Override
        public Plan plan(CommandContext ctx) {
            ctx.host();
            return Plan.builder("mkbr " + name).change("add " + name, List.of(ctx.tools().addBridge(name))).build();
        }
    }

    private static ShellDriver shell(SlowNode node, Path root, RecordingExecutor executor) {
        var tools = ToolFlavours.select("auto", node);
        var host = new NodeAccess(node, tools, new NetnsRuntime(node, "ct{id}", tools), root, null, null);
        GlobalOptions options = new GlobalOptions();
        options.root = root;
        return ShellDriver.create(options, host, executor, new Commands());
    }

    @Test
    void aPlanningCommandAsksTheFlavourWhileTheHostIsRead(@TempDir Path root) {
        SlowNode node = new SlowNode();
        RecordingExecutor executor = new RecordingExecutor();
        try (ShellDriver shell = shell(node, root, executor)) {
            ShellDriver.Result r = shell.run("mkbr br7");
            assertEquals(0, r.exitCode(), r::toString);
        }
        assertTrue(node.askedDuringRead, "ip link help was asked while the host was read: " + node.ran);
        assertEquals(1, node.ran.stream().filter(l -> l.equals("ip link help")).count(), node.ran::toString);
        assertEquals(List.of("ip link add br7 type bridge"), executor.submitted.get(0).changes().get(0).steps().stream()
            .map(s -> String.join(" ", ((dev.vzbridge.api.plan.Exec) s.apply()).argv())).toList());
    }

    @Test
    void commandsThatPlanNothingNeverAskIt(@TempDir Path root) {
        SlowNode node = new SlowNode();
        node.asked.countDown(); // reads answer at once here
        try (ShellDriver shell = shell(node, root, new RecordingExecutor())) {
            for (String line : List.of("help", "help mkbr", "show", "mkbr", "mkbr --help")) {
                shell.run(line);
            }
        }
        assertTrue(node.ran.stream().noneMatch(l -> l.equals("ip link help")), node.ran::toString);
    }
}
