package dev.vzbridge.dualnic;

import dev.vzbridge.api.plan.Exec;
import dev.vzbridge.bridge.BridgePlugin;
import dev.vzbridge.persistence.PersistenceCommands;
import dev.vzbridge.shell.GlobalOptions;
import dev.vzbridge.testkit.RecordingExecutor;
import dev.vzbridge.testkit.ShellDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input to every command, by category, through the real shell (catalog,
 * picocli, dispatcher) with all three plugins: each line exits 2 with exactly one
 * line on stderr naming the problem (no Java class name, no doubled prefix), no
 * plan reaches the engine, no command is sent to the node and no address is probed.
 * The node: eth0 (10.0.0.2/24, default via 10.0.0.1), eth1, eth2, bridge vmbr9
 * over eth3 (a veth uplink, as a node that is itself a namespace has) with CT 101
 * (203.0.113.195/26) on it, CT 102.
 */
class EveryCommandBadInputTest {
    private static final Pattern CLASS_NAME = Pattern.compile("\\b[A-Z][A-Za-z]*(Exception|Error)\\b");
    private static final Pattern DOUBLED = Pattern.compile("^vzbridge: ([a-z]+(?: [a-z]+)?): \\1:");
    private static final Map<String, Integer> REFUSED = new ConcurrentHashMap<>();

    private static Path root;
    private static PlannedHost host;
    private static RecordingExecutor engine;
    private static ShellDriver shell;

    @BeforeAll
    static void shell() throws IOException {
        root = Files.createTempDirectory("vzbridge-bad-input-");
        host = new PlannedHost(Nodes.lab().link("eth2", "ether", true, "52:54:00:00:00:14", null).addr("eth2", "192.0.2.10/24")
            .bridge("vmbr9", true, "02:00:00:00:00:09").ctOn("101", "vmbr9", "203.0.113.195/26")
            .link("eth3", "veth", true, "02:00:00:00:00:33", "vmbr9").state(), root);
        engine = new RecordingExecutor();
        GlobalOptions options = new GlobalOptions();
        options.root = root;
        shell = ShellDriver.create(options, host, engine, new BridgePlugin(), new DualNicCommands(), new PersistenceCommands());
    }

    @AfterAll
    static void countsAndCleanUp() throws IOException {
        shell.close();
        int total = REFUSED.values().stream().mapToInt(Integer::intValue).sum();
        System.out.println("bad input: " + total + " lines refused with exit 2, one line, nothing run ("
            + new TreeMap<>(REFUSED).entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")) + ")");
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("table")
    void refusedWithOneLineAndNothingRun(String category, String line, String expected) {
        ShellDriver.Result r = shell.run(line);
        assertEquals(2, r.exitCode(), r::toString);
        String message = r.stderr().strip();
        assertEquals(1, message.lines().count(), () -> "one line: " + r);
        assertTrue(message.contains(expected), () -> "expected '" + expected + "' in: " + r);
        assertFalse(CLASS_NAME.matcher(message).find(), () -> "a Java class name: " + message);
        assertFalse(DOUBLED.matcher(message).find(), () -> "a doubled prefix: " + message);
        assertEquals(List.of(), engine.submitted, "no plan reached the engine");
        assertEquals(List.of(), host.commands, "no command ran on the node");
        assertEquals(List.of(), host.probes, "no address probe");
        REFUSED.merge(category, 1, Integer::sum);
    }

    @Test
    void theTableCoversEveryCategoryWithAtLeast250Lines() {
        List<Arguments> rows = table().toList();
        assertTrue(rows.size() >= 250, "rows: " + rows.size());
        assertEquals(List.of("MACs", "addresses and prefixes", "container IDs", "gateways", "host state", "interface names",
                "second uplink", "switches and numbers", "usage"),
            rows.stream().map(a -> (String) a.get()[0]).distinct().sorted().toList());
    }

    static Arguments row(String category, String expected, String... words) {
        return Arguments.of(category, Arrays.stream(words).map(Exec::quote).collect(Collectors.joining(" ")), expected);
    }

    static Stream<Arguments> table() {
        return Stream.of(
            row("interface names", "contains ';'", "bridge", "create", "br9;id", "--nic", "eth1"),
            row("interface names", "contains '$'", "bridge", "create", "br$(id)", "--nic", "eth1"),
            row("interface names", "contains '`'", "bridge", "create", "br`id`", "--nic", "eth1"),
            row("interface names", "contains '|'", "bridge", "create", "br9|cat", "--nic", "eth1"),
            row("interface names", "contains '*'", "bridge", "create", "br*", "--nic", "eth1"),
            row("interface names", "contains 'б'", "bridge", "create", "бр9", "--nic", "eth1"),
            row("interface names", "contains '🙂'", "bridge", "create", "br9🙂", "--nic", "eth1"),
            row("interface names", "contains '%'", "bridge", "create", "br%d", "--nic", "eth1"),
            row("interface names", "is not a valid interface name", "bridge", "create", ".", "--nic", "eth1"),
            row("interface names", "is not a valid interface name", "bridge", "create", "..", "--nic", "eth1"),
            row("interface names", "is 16 bytes long", "bridge", "create", "abcdefghijklmnop", "--nic", "eth1"),
            row("interface names", "contains whitespace", "bridge", "create", "br 0", "--nic", "eth1"),
            row("interface names", "contains '/'", "bridge", "create", "br/0", "--nic", "eth1"),
            row("interface names", "contains ':'", "bridge", "create", "br:0", "--nic", "eth1"),
            row("interface names", "contains '''", "bridge", "create", "br'0", "--nic", "eth1"),
            row("interface names", "contains '>'", "bridge", "create", "br>0", "--nic", "eth1"),
            row("interface names", "contains '&'", "bridge", "create", "br&0", "--nic", "eth1"),
            row("interface names", "contains '\\'", "bridge", "create", "br\\0", "--nic", "eth1"),
            row("interface names", "contains ';'", "bridge", "create", "br1", "--nic", "br9;id"),
            row("interface names", "contains '$'", "bridge", "create", "br1", "--nic", "br$(id)"),
            row("interface names", "contains '`'", "bridge", "create", "br1", "--nic", "br`id`"),
            row("interface names", "contains '|'", "bridge", "create", "br1", "--nic", "br9|cat"),
            row("interface names", "contains '*'", "bridge", "create", "br1", "--nic", "br*"),
            row("interface names", "contains 'б'", "bridge", "create", "br1", "--nic", "бр9"),
            row("interface names", "contains '🙂'", "bridge", "create", "br1", "--nic", "br9🙂"),
            row("interface names", "contains '%'", "bridge", "create", "br1", "--nic", "br%d"),
            row("interface names", "is not a valid interface name", "bridge", "create", "br1", "--nic", "."),
            row("interface names", "is not a valid interface name", "bridge", "create", "br1", "--nic", ".."),
            row("interface names", "is 16 bytes long", "bridge", "create", "br1", "--nic", "abcdefghijklmnop"),
            row("interface names", "contains whitespace", "bridge", "create", "br1", "--nic", "br 0"),
            row("interface names", "contains '/'", "bridge", "create", "br1", "--nic", "br/0"),
            row("interface names", "contains ':'", "bridge", "create", "br1", "--nic", "br:0"),
            row("interface names", "contains '''", "bridge", "create", "br1", "--nic", "br'0"),
            row("interface names", "contains '>'", "bridge", "create", "br1", "--nic", "br>0"),
            row("interface names", "contains '&'", "bridge", "create", "br1", "--nic", "br&0"),
            row("interface names", "contains '\\'", "bridge", "create", "br1", "--nic", "br\\0"),
            row("interface names", "contains ';'", "bridge", "delete", "br9;id"),
            row("interface names", "contains '$'", "bridge", "delete", "br$(id)"),
            row("interface names", "contains '`'", "bridge", "delete", "br`id`"),
            row("interface names", "contains '|'", "bridge", "delete", "br9|cat"),
            row("interface names", "contains '*'", "bridge", "delete", "br*"),
            row("interface names", "contains 'б'", "bridge", "delete", "бр9"),
            row("interface names", "contains '🙂'", "bridge", "delete", "br9🙂"),
            row("interface names", "contains '%'", "bridge", "delete", "br%d"),
            row("interface names", "is not a valid interface name", "bridge", "delete", "."),
            row("interface names", "is not a valid interface name", "bridge", "delete", ".."),
            row("interface names", "is 16 bytes long", "bridge", "delete", "abcdefghijklmnop"),
            row("interface names", "contains whitespace", "bridge", "delete", "br 0"),
            row("interface names", "contains '/'", "bridge", "delete", "br/0"),
            row("interface names", "contains ':'", "bridge", "delete", "br:0"),
            row("interface names", "contains '''", "bridge", "delete", "br'0"),
            row("interface names", "contains '>'", "bridge", "delete", "br>0"),
            row("interface names", "contains '&'", "bridge", "delete", "br&0"),
            row("interface names", "contains '\\'", "bridge", "delete", "br\\0"),
            row("interface names", "contains ';'", "bridge", "show", "br9;id"),
            row("interface names", "contains '$'", "bridge", "show", "br$(id)"),
            row("interface names", "contains '`'", "bridge", "show", "br`id`"),
            row("interface names", "contains '|'", "bridge", "show", "br9|cat"),
            row("interface names", "contains '*'", "bridge", "show", "br*"),
            row("interface names", "contains 'б'", "bridge", "show", "бр9"),
            row("interface names", "contains '🙂'", "bridge", "show", "br9🙂"),
            row("interface names", "contains '%'", "bridge", "show", "br%d"),
            row("interface names", "is not a valid interface name", "bridge", "show", "."),
            row("interface names", "is not a valid interface name", "bridge", "show", ".."),
            row("interface names", "is 16 bytes long", "bridge", "show", "abcdefghijklmnop"),
            row("interface names", "contains whitespace", "bridge", "show", "br 0"),
            row("interface names", "contains '/'", "bridge", "show", "br/0"),
            row("interface names", "contains ':'", "bridge", "show", "br:0"),
            row("interface names", "contains '''", "bridge", "show", "br'0"),
            row("interface names", "contains '>'", "bridge", "show", "br>0"),
            row("interface names", "contains '&'", "bridge", "show", "br&0"),
            row("interface names", "contains '\\'", "bridge", "show", "br\\0"),
            row("interface names", "contains ';'", "ct", "attach", "102", "--bridge", "br9;id"),
            row("interface names", "contains '$'", "ct", "attach", "102", "--bridge", "br$(id)"),
            row("interface names", "contains '`'", "ct", "attach", "102", "--bridge", "br`id`"),
            row("interface names", "contains '|'", "ct", "attach", "102", "--bridge", "br9|cat"),
            row("interface names", "contains '*'", "ct", "attach", "102", "--bridge", "br*"),
            row("interface names", "contains 'б'", "ct", "attach", "102", "--bridge", "бр9"),
            row("interface names", "contains '🙂'", "ct", "attach", "102", "--bridge", "br9🙂"),
            row("interface names", "contains '%'", "ct", "attach", "102", "--bridge", "br%d"),
            row("interface names", "is not a valid interface name", "ct", "attach", "102", "--bridge", "."),
            row("interface names", "is not a valid interface name", "ct", "attach", "102", "--bridge", ".."),
            row("interface names", "is 16 bytes long", "ct", "attach", "102", "--bridge", "abcdefghijklmnop"),
            row("interface names", "contains whitespace", "ct", "attach", "102", "--bridge", "br 0"),
            row("interface names", "contains '/'", "ct", "attach", "102", "--bridge", "br/0"),
            row("interface names", "contains ':'", "ct", "attach", "102", "--bridge", "br:0"),
            row("interface names", "contains '''", "ct", "attach", "102", "--bridge", "br'0"),
            row("interface names", "contains '>'", "ct", "attach", "102", "--bridge", "br>0"),
            row("interface names", "contains '&'", "ct", "attach", "102", "--bridge", "br&0"),
            row("interface names", "contains '\\'", "ct", "attach", "102", "--bridge", "br\\0"),
            row("interface names", "contains ';'", "ct", "attach", "102", "--bridge", "vmbr9", "--ifname", "br9;id"),
            row("interface names", "contains '$'", "ct", "attach", "102", "--bridge", "vmbr9", "--ifname", "br$(id)"),
            row("interface names", "contains '`'", "ct", "attach", "102", "--bridge", "vmbr9", "--ifname", "br`id`"),
            row("interface names", "contains '|'", "ct", "attach", "102", "--bridge", "vmbr9", "--ifname", "br9|cat"),
            row("interface names", "contains '*'", "ct", "attach", "102", "--bridge", "vmbr9", "--ifname", "br*"),
            row("interface names", "contains 'б'", "ct", "attach", "102", "--bridge", "vmbr9", "--ifname", "бр9"),
            row("interface names", "contains '🙂'", "ct", "attach", "102", "--bridge", "vmbr9", "--ifname", "br9🙂"),
            row("interface names", "contains '%'", "ct", "attach", "102", "--bridge", "vmbr9", "--ifname", "br%d"),
            row("interface names", "is not a valid interface name", "ct", "attach", "102", "--bridge", "vmbr9", "--ifname", "."),
            row("interface names", "is not a valid interface name", "ct", "attach", "102", "--bridge", "vmbr9", "--ifname", ".."),
            row("interface names", "is 16 bytes long", "ct", "attach", "102", "--bridge", "vmbr9", "--ifname", "abcdefghijklmnop"),
            row("interface names", "contains whitespace", "ct", "attach", "102", "--bridge", "vmbr9", "--ifname", "br 0"),
            row("interface names", "contains '/'", "ct", "attach", "102", "--bridge", "vmbr9", "--ifname", "br/0"),
            row("interface names", "contains ':'", "ct", "attach", "102", "--bridge", "vmbr9", "--ifname", "br:0"),
            row("interface names", "contains '''", "ct", "attach", "102", "--bridge", "vmbr9", "--ifname", "br'0"),
            row("interface names", "contains '>'", "ct", "attach", "102", "--bridge", "vmbr9", "--ifname", "br>0"),
            row("interface names", "contains '&'", "ct", "attach", "102", "--bridge", "vmbr9", "--ifname", "br&0"),
            row("interface names", "contains '\\'", "ct", "attach", "102", "--bridge", "vmbr9", "--ifname", "br\\0"),
            row("interface names", "contains ';'", "ct", "detach", "101", "--ifname", "br9;id"),
            row("interface names", "contains '$'", "ct", "detach", "101", "--ifname", "br$(id)"),
            row("interface names", "contains '`'", "ct", "detach", "101", "--ifname", "br`id`"),
            row("interface names", "contains '|'", "ct", "detach", "101", "--ifname", "br9|cat"),
            row("interface names", "contains '*'", "ct", "detach", "101", "--ifname", "br*"),
            row("interface names", "contains 'б'", "ct", "detach", "101", "--ifname", "бр9"),
            row("interface names", "contains '🙂'", "ct", "detach", "101", "--ifname", "br9🙂"),
            row("interface names", "contains '%'", "ct", "detach", "101", "--ifname", "br%d"),
            row("interface names", "is not a valid interface name", "ct", "detach", "101", "--ifname", "."),
            row("interface names", "is not a valid interface name", "ct", "detach", "101", "--ifname", ".."),
            row("interface names", "is 16 bytes long", "ct", "detach", "101", "--ifname", "abcdefghijklmnop"),
            row("interface names", "contains whitespace", "ct", "detach", "101", "--ifname", "br 0"),
            row("interface names", "contains '/'", "ct", "detach", "101", "--ifname", "br/0"),
            row("interface names", "contains ':'", "ct", "detach", "101", "--ifname", "br:0"),
            row("interface names", "contains '''", "ct", "detach", "101", "--ifname", "br'0"),
            row("interface names", "contains '>'", "ct", "detach", "101", "--ifname", "br>0"),
            row("interface names", "contains '&'", "ct", "detach", "101", "--ifname", "br&0"),
            row("interface names", "contains '\\'", "ct", "detach", "101", "--ifname", "br\\0"),
            row("interface names", "contains ';'", "dualnic", "setup", "--external", "br9;id", "--local", "eth1", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("interface names", "contains '$'", "dualnic", "setup", "--external", "br$(id)", "--local", "eth1", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("interface names", "contains '`'", "dualnic", "setup", "--external", "br`id`", "--local", "eth1", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("interface names", "contains '|'", "dualnic", "setup", "--external", "br9|cat", "--local", "eth1", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("interface names", "contains '*'", "dualnic", "setup", "--external", "br*", "--local", "eth1", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("interface names", "contains 'б'", "dualnic", "setup", "--external", "бр9", "--local", "eth1", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("interface names", "contains '🙂'", "dualnic", "setup", "--external", "br9🙂", "--local", "eth1", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("interface names", "contains '%'", "dualnic", "setup", "--external", "br%d", "--local", "eth1", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("interface names", "is not a valid interface name", "dualnic", "setup", "--external", ".", "--local", "eth1", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("interface names", "is not a valid interface name", "dualnic", "setup", "--external", "..", "--local", "eth1", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("interface names", "is 16 bytes long", "dualnic", "setup", "--external", "abcdefghijklmnop", "--local", "eth1", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("interface names", "contains whitespace", "dualnic", "setup", "--external", "br 0", "--local", "eth1", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("interface names", "contains '/'", "dualnic", "setup", "--external", "br/0", "--local", "eth1", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("interface names", "contains ':'", "dualnic", "setup", "--external", "br:0", "--local", "eth1", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("interface names", "contains '''", "dualnic", "setup", "--external", "br'0", "--local", "eth1", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("interface names", "contains '>'", "dualnic", "setup", "--external", "br>0", "--local", "eth1", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("interface names", "contains '&'", "dualnic", "setup", "--external", "br&0", "--local", "eth1", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("interface names", "contains '\\'", "dualnic", "setup", "--external", "br\\0", "--local", "eth1", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("interface names", "contains ';'", "dualnic", "setup", "--external", "eth0", "--local", "br9;id", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("interface names", "contains '$'", "dualnic", "setup", "--external", "eth0", "--local", "br$(id)", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("interface names", "contains '`'", "dualnic", "setup", "--external", "eth0", "--local", "br`id`", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("interface names", "contains '|'", "dualnic", "setup", "--external", "eth0", "--local", "br9|cat", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("interface names", "contains '*'", "dualnic", "setup", "--external", "eth0", "--local", "br*", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("interface names", "contains 'б'", "dualnic", "setup", "--external", "eth0", "--local", "бр9", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("interface names", "contains '🙂'", "dualnic", "setup", "--external", "eth0", "--local", "br9🙂", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("interface names", "contains '%'", "dualnic", "setup", "--external", "eth0", "--local", "br%d", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("interface names", "is not a valid interface name", "dualnic", "setup", "--external", "eth0", "--local", ".", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("interface names", "is not a valid interface name", "dualnic", "setup", "--external", "eth0", "--local", "..", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("interface names", "is 16 bytes long", "dualnic", "setup", "--external", "eth0", "--local", "abcdefghijklmnop", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("interface names", "contains whitespace", "dualnic", "setup", "--external", "eth0", "--local", "br 0", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("interface names", "contains '/'", "dualnic", "setup", "--external", "eth0", "--local", "br/0", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("interface names", "contains ':'", "dualnic", "setup", "--external", "eth0", "--local", "br:0", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("interface names", "contains '''", "dualnic", "setup", "--external", "eth0", "--local", "br'0", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("interface names", "contains '>'", "dualnic", "setup", "--external", "eth0", "--local", "br>0", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("interface names", "contains '&'", "dualnic", "setup", "--external", "eth0", "--local", "br&0", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("interface names", "contains '\\'", "dualnic", "setup", "--external", "eth0", "--local", "br\\0", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("interface names", "contains ';'", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br9;id", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("interface names", "contains '$'", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br$(id)", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("interface names", "contains '`'", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br`id`", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("interface names", "contains '|'", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br9|cat", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("interface names", "contains '*'", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br*", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("interface names", "contains 'б'", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "бр9", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("interface names", "contains '🙂'", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br9🙂", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("interface names", "contains '%'", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br%d", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("interface names", "is not a valid interface name", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", ".", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("interface names", "is not a valid interface name", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "..", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("interface names", "is 16 bytes long", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "abcdefghijklmnop", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("interface names", "contains whitespace", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br 0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("interface names", "contains '/'", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br/0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("interface names", "contains ':'", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br:0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("interface names", "contains '''", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br'0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("interface names", "contains '>'", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br>0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("interface names", "contains '&'", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br&0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("interface names", "contains '\\'", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br\\0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("addresses and prefixes", "leading zero in its prefix length", "bridge", "create", "br1", "--nic", "eth1", "--address", "10.0.0.2/024"),
            row("addresses and prefixes", "leading zero in its prefix length", "bridge", "create", "br1", "--nic", "eth1", "--address", "203.0.113.196/026"),
            row("addresses and prefixes", "leading zero in its prefix length", "bridge", "create", "br1", "--nic", "eth1", "--address", "10.0.0.2/00"),
            row("addresses and prefixes", "leading zero", "bridge", "create", "br1", "--nic", "eth1", "--address", "010.0.0.2/24"),
            row("addresses and prefixes", "256 > 255", "bridge", "create", "br1", "--nic", "eth1", "--address", "10.0.0.256/24"),
            row("addresses and prefixes", "needs a prefix length", "bridge", "create", "br1", "--nic", "eth1", "--address", "10.0.0.2"),
            row("addresses and prefixes", "longer than 32 bits", "bridge", "create", "br1", "--nic", "eth1", "--address", "10.0.0.2/33"),
            row("addresses and prefixes", "bad prefix length", "bridge", "create", "br1", "--nic", "eth1", "--address", "10.0.0.2/x"),
            row("addresses and prefixes", "non-contiguous netmask", "bridge", "create", "br1", "--nic", "eth1", "--address", "10.0.0.2/255.0.255.0"),
            row("addresses and prefixes", "not an IP address", "bridge", "create", "br1", "--nic", "eth1", "--address", "node.example/24"),
            row("addresses and prefixes", "loopback", "bridge", "create", "br1", "--nic", "eth1", "--address", "127.0.0.2/8"),
            row("addresses and prefixes", "multicast", "bridge", "create", "br1", "--nic", "eth1", "--address", "224.0.0.5/24"),
            row("addresses and prefixes", "broadcast", "bridge", "create", "br1", "--nic", "eth1", "--address", "255.1.1.1/8"),
            row("addresses and prefixes", "0.0.0.0/8", "bridge", "create", "br1", "--nic", "eth1", "--address", "0.1.2.3/8"),
            row("addresses and prefixes", "network address", "bridge", "create", "br1", "--nic", "eth1", "--address", "192.168.7.0/24"),
            row("addresses and prefixes", "broadcast address", "bridge", "create", "br1", "--nic", "eth1", "--address", "192.168.7.255/24"),
            row("addresses and prefixes", "multicast", "bridge", "create", "br1", "--nic", "eth1", "--address", "ff02::1/64"),
            row("addresses and prefixes", "loopback", "bridge", "create", "br1", "--nic", "eth1", "--address", "::1/128"),
            row("addresses and prefixes", "longer than 128 bits", "bridge", "create", "br1", "--nic", "eth1", "--address", "2001:db8::2/129"),
            row("addresses and prefixes", "leading zero in its prefix length", "bridge", "create", "br1", "--nic", "eth1", "--address", "2001:db8::2/064"),
            row("addresses and prefixes", "leading zero in its prefix length", "ct", "attach", "102", "--bridge", "vmbr9", "--address", "10.0.0.2/024"),
            row("addresses and prefixes", "leading zero in its prefix length", "ct", "attach", "102", "--bridge", "vmbr9", "--address", "203.0.113.196/026"),
            row("addresses and prefixes", "leading zero in its prefix length", "ct", "attach", "102", "--bridge", "vmbr9", "--address", "10.0.0.2/00"),
            row("addresses and prefixes", "leading zero", "ct", "attach", "102", "--bridge", "vmbr9", "--address", "010.0.0.2/24"),
            row("addresses and prefixes", "256 > 255", "ct", "attach", "102", "--bridge", "vmbr9", "--address", "10.0.0.256/24"),
            row("addresses and prefixes", "needs a prefix length", "ct", "attach", "102", "--bridge", "vmbr9", "--address", "10.0.0.2"),
            row("addresses and prefixes", "longer than 32 bits", "ct", "attach", "102", "--bridge", "vmbr9", "--address", "10.0.0.2/33"),
            row("addresses and prefixes", "bad prefix length", "ct", "attach", "102", "--bridge", "vmbr9", "--address", "10.0.0.2/x"),
            row("addresses and prefixes", "non-contiguous netmask", "ct", "attach", "102", "--bridge", "vmbr9", "--address", "10.0.0.2/255.0.255.0"),
            row("addresses and prefixes", "not an IP address", "ct", "attach", "102", "--bridge", "vmbr9", "--address", "node.example/24"),
            row("addresses and prefixes", "loopback", "ct", "attach", "102", "--bridge", "vmbr9", "--address", "127.0.0.2/8"),
            row("addresses and prefixes", "multicast", "ct", "attach", "102", "--bridge", "vmbr9", "--address", "224.0.0.5/24"),
            row("addresses and prefixes", "broadcast", "ct", "attach", "102", "--bridge", "vmbr9", "--address", "255.1.1.1/8"),
            row("addresses and prefixes", "0.0.0.0/8", "ct", "attach", "102", "--bridge", "vmbr9", "--address", "0.1.2.3/8"),
            row("addresses and prefixes", "network address", "ct", "attach", "102", "--bridge", "vmbr9", "--address", "192.168.7.0/24"),
            row("addresses and prefixes", "broadcast address", "ct", "attach", "102", "--bridge", "vmbr9", "--address", "192.168.7.255/24"),
            row("addresses and prefixes", "multicast", "ct", "attach", "102", "--bridge", "vmbr9", "--address", "ff02::1/64"),
            row("addresses and prefixes", "loopback", "ct", "attach", "102", "--bridge", "vmbr9", "--address", "::1/128"),
            row("addresses and prefixes", "longer than 128 bits", "ct", "attach", "102", "--bridge", "vmbr9", "--address", "2001:db8::2/129"),
            row("addresses and prefixes", "leading zero in its prefix length", "ct", "attach", "102", "--bridge", "vmbr9", "--address", "2001:db8::2/064"),
            row("addresses and prefixes", "leading zero in its prefix length", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br0", "--local-address", "10.0.0.2/024", "--gateway", "10.0.0.1"),
            row("addresses and prefixes", "leading zero in its prefix length", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br0", "--local-address", "203.0.113.196/026", "--gateway", "10.0.0.1"),
            row("addresses and prefixes", "leading zero in its prefix length", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br0", "--local-address", "10.0.0.2/00", "--gateway", "10.0.0.1"),
            row("addresses and prefixes", "leading zero", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br0", "--local-address", "010.0.0.2/24", "--gateway", "10.0.0.1"),
            row("addresses and prefixes", "256 > 255", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br0", "--local-address", "10.0.0.256/24", "--gateway", "10.0.0.1"),
            row("addresses and prefixes", "needs a prefix length", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br0", "--local-address", "10.0.0.2", "--gateway", "10.0.0.1"),
            row("addresses and prefixes", "longer than 32 bits", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br0", "--local-address", "10.0.0.2/33", "--gateway", "10.0.0.1"),
            row("addresses and prefixes", "bad prefix length", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br0", "--local-address", "10.0.0.2/x", "--gateway", "10.0.0.1"),
            row("addresses and prefixes", "non-contiguous netmask", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br0", "--local-address", "10.0.0.2/255.0.255.0", "--gateway", "10.0.0.1"),
            row("addresses and prefixes", "not an IP address", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br0", "--local-address", "node.example/24", "--gateway", "10.0.0.1"),
            row("addresses and prefixes", "loopback", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br0", "--local-address", "127.0.0.2/8", "--gateway", "10.0.0.1"),
            row("addresses and prefixes", "multicast", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br0", "--local-address", "224.0.0.5/24", "--gateway", "10.0.0.1"),
            row("addresses and prefixes", "broadcast", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br0", "--local-address", "255.1.1.1/8", "--gateway", "10.0.0.1"),
            row("addresses and prefixes", "0.0.0.0/8", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br0", "--local-address", "0.1.2.3/8", "--gateway", "10.0.0.1"),
            row("addresses and prefixes", "network address", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br0", "--local-address", "192.168.7.0/24", "--gateway", "10.0.0.1"),
            row("addresses and prefixes", "broadcast address", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br0", "--local-address", "192.168.7.255/24", "--gateway", "10.0.0.1"),
            row("addresses and prefixes", "multicast", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br0", "--local-address", "ff02::1/64", "--gateway", "10.0.0.1"),
            row("addresses and prefixes", "loopback", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br0", "--local-address", "::1/128", "--gateway", "10.0.0.1"),
            row("addresses and prefixes", "longer than 128 bits", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br0", "--local-address", "2001:db8::2/129", "--gateway", "10.0.0.1"),
            row("addresses and prefixes", "leading zero in its prefix length", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br0", "--local-address", "2001:db8::2/064", "--gateway", "10.0.0.1"),
            row("addresses and prefixes", "leading zero in its prefix length", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1", "--bridge-address", "10.0.0.2/024"),
            row("addresses and prefixes", "leading zero in its prefix length", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1", "--bridge-address", "203.0.113.196/026"),
            row("addresses and prefixes", "leading zero in its prefix length", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1", "--bridge-address", "10.0.0.2/00"),
            row("addresses and prefixes", "leading zero", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1", "--bridge-address", "010.0.0.2/24"),
            row("addresses and prefixes", "256 > 255", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1", "--bridge-address", "10.0.0.256/24"),
            row("addresses and prefixes", "needs a prefix length", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1", "--bridge-address", "10.0.0.2"),
            row("addresses and prefixes", "longer than 32 bits", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1", "--bridge-address", "10.0.0.2/33"),
            row("addresses and prefixes", "bad prefix length", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1", "--bridge-address", "10.0.0.2/x"),
            row("addresses and prefixes", "non-contiguous netmask", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1", "--bridge-address", "10.0.0.2/255.0.255.0"),
            row("addresses and prefixes", "not an IP address", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1", "--bridge-address", "node.example/24"),
            row("addresses and prefixes", "loopback", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1", "--bridge-address", "127.0.0.2/8"),
            row("addresses and prefixes", "multicast", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1", "--bridge-address", "224.0.0.5/24"),
            row("addresses and prefixes", "broadcast", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1", "--bridge-address", "255.1.1.1/8"),
            row("addresses and prefixes", "0.0.0.0/8", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1", "--bridge-address", "0.1.2.3/8"),
            row("addresses and prefixes", "network address", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1", "--bridge-address", "192.168.7.0/24"),
            row("addresses and prefixes", "broadcast address", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1", "--bridge-address", "192.168.7.255/24"),
            row("addresses and prefixes", "multicast", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1", "--bridge-address", "ff02::1/64"),
            row("addresses and prefixes", "loopback", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1", "--bridge-address", "::1/128"),
            row("addresses and prefixes", "longer than 128 bits", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1", "--bridge-address", "2001:db8::2/129"),
            row("addresses and prefixes", "leading zero in its prefix length", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1", "--bridge-address", "2001:db8::2/064"),
            row("gateways", "not inside any subnet", "bridge", "create", "br1", "--nic", "eth1", "--address", "192.168.7.2/24", "--gateway", "192.168.8.1"),
            row("gateways", "not inside any subnet", "ct", "attach", "102", "--bridge", "vmbr9", "--address", "192.168.7.2/24", "--gateway", "192.168.8.1"),
            row("gateways", "broadcast address", "bridge", "create", "br1", "--nic", "eth1", "--address", "192.168.7.2/24", "--gateway", "192.168.7.255"),
            row("gateways", "broadcast address", "ct", "attach", "102", "--bridge", "vmbr9", "--address", "192.168.7.2/24", "--gateway", "192.168.7.255"),
            row("gateways", "network address", "bridge", "create", "br1", "--nic", "eth1", "--address", "192.168.7.2/24", "--gateway", "192.168.7.0"),
            row("gateways", "network address", "ct", "attach", "102", "--bridge", "vmbr9", "--address", "192.168.7.2/24", "--gateway", "192.168.7.0"),
            row("gateways", "without a prefix length", "bridge", "create", "br1", "--nic", "eth1", "--address", "192.168.7.2/24", "--gateway", "192.168.7.1/24"),
            row("gateways", "without a prefix length", "ct", "attach", "102", "--bridge", "vmbr9", "--address", "192.168.7.2/24", "--gateway", "192.168.7.1/24"),
            row("gateways", "the address being assigned", "bridge", "create", "br1", "--nic", "eth1", "--address", "192.168.7.2/24", "--gateway", "192.168.7.2"),
            row("gateways", "the address being assigned", "ct", "attach", "102", "--bridge", "vmbr9", "--address", "192.168.7.2/24", "--gateway", "192.168.7.2"),
            row("gateways", "not an IP address", "bridge", "create", "br1", "--nic", "eth1", "--address", "192.168.7.2/24", "--gateway", "gw.example"),
            row("gateways", "not an IP address", "ct", "attach", "102", "--bridge", "vmbr9", "--address", "192.168.7.2/24", "--gateway", "gw.example"),
            row("gateways", "cannot be a gateway", "bridge", "create", "br1", "--nic", "eth1", "--address", "192.168.7.2/24", "--gateway", "224.0.0.1"),
            row("gateways", "cannot be a gateway", "ct", "attach", "102", "--bridge", "vmbr9", "--address", "192.168.7.2/24", "--gateway", "224.0.0.1"),
            row("gateways", "cannot be a gateway", "bridge", "create", "br1", "--nic", "eth1", "--address", "192.168.7.2/24", "--gateway", "127.0.0.1"),
            row("gateways", "cannot be a gateway", "ct", "attach", "102", "--bridge", "vmbr9", "--address", "192.168.7.2/24", "--gateway", "127.0.0.1"),
            row("gateways", "leading zero", "bridge", "create", "br1", "--nic", "eth1", "--address", "192.168.7.2/24", "--gateway", "192.168.007.1"),
            row("gateways", "leading zero", "ct", "attach", "102", "--bridge", "vmbr9", "--address", "192.168.7.2/24", "--gateway", "192.168.007.1"),
            row("MACs", "not a MAC address", "bridge", "create", "br1", "--nic", "eth1", "--mac", "02:00:00:00:00"),
            row("MACs", "not a MAC address", "ct", "attach", "102", "--bridge", "vmbr9", "--mac", "02:00:00:00:00"),
            row("MACs", "not a MAC address", "bridge", "create", "br1", "--nic", "eth1", "--mac", "zz:00:00:00:00:01"),
            row("MACs", "not a MAC address", "ct", "attach", "102", "--bridge", "vmbr9", "--mac", "zz:00:00:00:00:01"),
            row("MACs", "multicast MAC", "bridge", "create", "br1", "--nic", "eth1", "--mac", "01:00:5e:00:00:01"),
            row("MACs", "multicast MAC", "ct", "attach", "102", "--bridge", "vmbr9", "--mac", "01:00:5e:00:00:01"),
            row("MACs", "all-zero MAC", "bridge", "create", "br1", "--nic", "eth1", "--mac", "00:00:00:00:00:00"),
            row("MACs", "all-zero MAC", "ct", "attach", "102", "--bridge", "vmbr9", "--mac", "00:00:00:00:00:00"),
            row("MACs", "not a MAC address", "bridge", "create", "br1", "--nic", "eth1", "--mac", "02-00-00-00-00-01"),
            row("MACs", "not a MAC address", "ct", "attach", "102", "--bridge", "vmbr9", "--mac", "02-00-00-00-00-01"),
            row("switches and numbers", "must be on or off", "bridge", "create", "br1", "--nic", "eth1", "--stp", "maybe"),
            row("switches and numbers", "must be on or off", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1", "--stp", "maybe"),
            row("switches and numbers", "must be on or off", "bridge", "create", "br1", "--nic", "eth1", "--stp", ""),
            row("switches and numbers", "must be on or off", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1", "--stp", ""),
            row("switches and numbers", "must be on or off", "bridge", "create", "br1", "--nic", "eth1", "--stp", "2"),
            row("switches and numbers", "must be on or off", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1", "--stp", "2"),
            row("switches and numbers", "out of range", "bridge", "create", "br1", "--nic", "eth1", "--forward-delay", "31"),
            row("switches and numbers", "out of range", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1", "--forward-delay", "31"),
            row("switches and numbers", "out of range", "bridge", "create", "br1", "--nic", "eth1", "--forward-delay", "-1"),
            row("switches and numbers", "out of range", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1", "--forward-delay", "-1"),
            row("switches and numbers", "--forward-delay", "bridge", "create", "br1", "--nic", "eth1", "--forward-delay", "soon"),
            row("switches and numbers", "--forward-delay", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1", "--forward-delay", "soon"),
            row("switches and numbers", "--forward-delay", "bridge", "create", "br1", "--nic", "eth1", "--forward-delay", "99999999999"),
            row("switches and numbers", "--forward-delay", "dualnic", "setup", "--external", "eth0", "--local", "eth1", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1", "--forward-delay", "99999999999"),
            row("switches and numbers", "out of range (2..30 seconds)", "bridge", "create", "br1", "--nic", "eth1", "--stp", "on", "--forward-delay", "0"),
            row("container IDs", "is not a container ID", "ct", "attach", "1;2", "--bridge", "vmbr9"),
            row("container IDs", "is not a container ID", "ct", "detach", "1;2"),
            row("container IDs", "is not a container ID", "save", "--ct", "1;2"),
            row("container IDs", "is not a container ID", "ct", "attach", "10 1", "--bridge", "vmbr9"),
            row("container IDs", "is not a container ID", "ct", "detach", "10 1"),
            row("container IDs", "is not a container ID", "save", "--ct", "10 1"),
            row("container IDs", "is not a container ID", "ct", "attach", "$(id)", "--bridge", "vmbr9"),
            row("container IDs", "is not a container ID", "ct", "detach", "$(id)"),
            row("container IDs", "is not a container ID", "save", "--ct", "$(id)"),
            row("container IDs", "is not a container ID", "ct", "attach", "-", "--bridge", "vmbr9"),
            row("container IDs", "is not a container ID", "ct", "detach", "-"),
            row("container IDs", "is not a container ID", "save", "--ct", "-"),
            row("container IDs", "is not a container ID", "ct", "attach", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "--bridge", "vmbr9"),
            row("container IDs", "is not a container ID", "ct", "detach", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
            row("container IDs", "is not a container ID", "save", "--ct", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
            row("container IDs", "is not a container ID", "ct", "attach", "../1", "--bridge", "vmbr9"),
            row("container IDs", "is not a container ID", "ct", "detach", "../1"),
            row("container IDs", "is not a container ID", "save", "--ct", "../1"),
            row("container IDs", "no container 999 on the node", "ct", "attach", "999", "--bridge", "vmbr9"),
            row("container IDs", "no container 998 on the node", "ct", "detach", "998"),
            row("host state", "no interface 'eth7' on the node", "bridge", "create", "br1", "--nic", "eth7"),
            row("host state", "vmbr9 is a bridge, not a NIC", "bridge", "create", "br1", "--nic", "vmbr9"),
            row("host state", "lo is the loopback, not a NIC", "bridge", "create", "br1", "--nic", "lo"),
            row("host state", "veth101.0 is a container's interface, not a NIC", "bridge", "create", "br1", "--nic", "veth101.0"),
            row("host state", "eth1 is a ether, not a bridge", "bridge", "delete", "eth1"),
            row("host state", "vmbr9 still carries container interfaces", "bridge", "delete", "vmbr9"),
            row("host state", "no bridge 'br5' on the node (bridges: vmbr9)", "bridge", "show", "br5"),
            row("host state", "no bridge 'br7' on the node (bridges: vmbr9)", "ct", "attach", "102", "--bridge", "br7"),
            row("host state", "eth1 is not a bridge", "ct", "attach", "102", "--bridge", "eth1"),
            row("host state", "10.0.0.2 is the node's own address", "ct", "attach", "102", "--bridge", "vmbr9", "--address", "10.0.0.2/24"),
            row("host state", "203.0.113.195 is already used by CT 101", "ct", "attach", "102", "--bridge", "vmbr9", "--address", "203.0.113.195/26"),
            row("host state", "--external and --local are both eth0", "dualnic", "setup", "--external", "eth0", "--local", "eth0", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("host state", "--external: no interface 'eth7'", "dualnic", "setup", "--external", "eth7", "--local", "eth1", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("usage", "'--bogus'", "bridge", "create", "br1", "--nic", "eth1", "--bogus"),
            row("usage", "--nic", "bridge", "create", "br1"),
            row("usage", "BR", "bridge", "create"),
            row("usage", "'--bogus'", "bridge", "delete", "br1", "--bogus"),
            row("usage", "BR", "bridge", "delete"),
            row("usage", "'extra'", "bridge", "delete", "br1", "extra"),
            row("usage", "'--bogus'", "bridge", "show", "vmbr9", "--bogus"),
            row("usage", "'extra'", "bridge", "list", "extra"),
            row("usage", "'frobnicate'", "bridge", "frobnicate"),
            row("usage", "missing subcommand", "bridge"),
            row("usage", "--bridge", "ct", "attach", "102"),
            row("usage", "CTID", "ct", "attach"),
            row("usage", "'--bogus'", "ct", "attach", "102", "--bridge", "vmbr9", "--bogus"),
            row("usage", "CTID", "ct", "detach"),
            row("usage", "'--bogus'", "ct", "detach", "101", "--bogus"),
            row("usage", "'extra'", "ct", "list", "extra"),
            row("usage", "missing subcommand", "ct"),
            row("usage", "'frobnicate'", "ct", "frobnicate"),
            row("usage", "missing subcommand", "dualnic"),
            row("usage", "'frobnicate'", "dualnic", "frobnicate"),
            row("usage", "--external", "dualnic", "setup", "--local", "eth1", "--bridge", "br0", "--local-address", "10.0.0.2/24", "--gateway", "10.0.0.1"),
            row("usage", "'--bogus'", "dualnic", "teardown", "--bogus"),
            row("usage", "'extra'", "dualnic", "show", "extra"),
            row("second uplink", "vmbr9 already bridges eth3; one uplink per bridge", "bridge", "create", "vmbr9", "--nic", "eth1"),
            row("second uplink", "vmbr9 already bridges eth3; one uplink per bridge", "bridge", "create", "vmbr9", "--nic", "eth2"),
            row("second uplink", "vmbr9 already bridges eth3; one uplink per bridge", "bridge", "create", "vmbr9", "--nic", "eth0"),
            row("second uplink", "vmbr9 already bridges eth3", "bridge", "create", "vmbr9", "--nic", "eth1", "--address", "192.168.7.2/24"),
            row("second uplink", "vmbr9 already bridges eth3", "plan", "bridge", "create", "vmbr9", "--nic", "eth1"),
            row("usage", "'--bogus'", "save", "--bogus"),
            row("usage", "save: --diff and --check exclude each other", "save", "--diff", "--check"),
            row("usage", "--format", "save", "--format", "yaml"),
            row("usage", "--format", "save", "--format"),
            row("usage", "'extra'", "save", "extra"),
            row("usage", "'--bogus'", "show", "--bogus"),
            row("usage", "'extra'", "show", "extra"),
            row("usage", "unknown command 'brigde'", "brigde", "list"),
            row("usage", "unknown command 'frobnicate'", "frobnicate"),
            row("usage", "'--bogus'", "plan", "--bogus"),
            row("usage", "plan what?", "plan"),
            row("usage", "unknown command 'nosuch'", "plan", "nosuch"),
            row("usage", "does not change the host", "plan", "bridge", "list"),
            row("usage", "contains ';'", "plan", "bridge", "create", "br9;id", "--nic", "eth1"),
            row("usage", "'--bogus'", "history", "--bogus"),
            row("usage", "'extra'", "history", "extra"),
            row("usage", "'--bogus'", "undo", "--bogus"),
            row("usage", "'--bogus'", "confirm", "--bogus"),
            row("usage", "'--bogus'", "recover", "--bogus"),
            row("usage", "'extra'", "recover", "extra"),
            row("usage", "'--bogus'", "begin", "--bogus"),
            row("usage", "'extra'", "commit", "extra"),
            row("usage", "'extra'", "abort", "extra"),
            row("usage", "'extra'", "pending", "extra"),
            row("usage", "'--bogus'", "plugin", "list", "--bogus"),
            row("usage", "'frobnicate'", "plugin", "frobnicate"),
            row("usage", "'--bogus'", "lab", "clean", "--bogus"),
            row("usage", "'frobnicate'", "lab", "frobnicate"),
            row("usage", "'--bogus'", "help", "--bogus"),
            row("usage", "'--bogus'", "exit", "--bogus")
        );
    }
}
