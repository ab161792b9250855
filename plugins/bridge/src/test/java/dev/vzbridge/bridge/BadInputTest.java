package dev.vzbridge.bridge;

import dev.vzbridge.api.command.PlanningCommand;
import dev.vzbridge.api.command.UsageException;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.recipes.Converters;
import dev.vzbridge.api.recipes.FakeTools;
import dev.vzbridge.api.recipes.Faults;
import dev.vzbridge.api.recipes.SimHost;
import dev.vzbridge.testkit.TestContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every bad input is refused with one line naming the problem (exit 2) before
 * anything runs on the host: no duplicate-address probe, and for mistakes that
 * need no look at the host, not even an observation.
 */
class BadInputTest {
    /** br0 over eth0 with CT 101 attached, a spare NIC eth1, an empty bridge br9 and a plain veth. */
    static HostState node() {
        SimHost sim = SimHost.recipe().link("eth1", "ether", true, "52:54:00:00:01:02").link("vx0", "veth", true, "02:00:00:00:99:01");
        TestContext ctx = TestContext.simulated(sim.state());
        Faults.apply(sim, PlannerTest.recipe(Commands.planning("bridge", "create", "br0", "--nic", "eth0").plan(ctx)));
        ctx = TestContext.simulated(sim.state());
        Faults.apply(sim, PlannerTest.recipe(Commands.planning("ct", "attach", "101", "--bridge", "br0", "--address", "203.0.113.195/26",
            "--gateway", "203.0.113.193", "--host-route").plan(ctx)));
        sim.run(FakeTools.x("node", "addBridge", "br9"));
        return sim.state();
    }

    static final boolean SYNTAX = true;
    static final boolean NEEDS_HOST = false;

    static Stream<Arguments> cases() {
        return Stream.of(
            // bridge create: names
            bad(SYNTAX, "bridge name 'br0/x' contains '/'", "bridge", "create", "br0/x", "--nic", "eth0"),
            bad(SYNTAX, "bridge name 'br 0' contains whitespace", "bridge", "create", "br 0", "--nic", "eth0"),
            bad(SYNTAX, "bridge name 'br\\x000' contains a NUL byte", "bridge", "create", "br\u00000", "--nic", "eth0"),
            bad(SYNTAX, "bridge name 'abcdefghijklmnop' is 16 bytes long", "bridge", "create", "abcdefghijklmnop", "--nic", "eth0"),
            bad(SYNTAX, "bridge name 'br:1' contains ':'", "bridge", "create", "br:1", "--nic", "eth0"),
            bad(SYNTAX, "--nic 'eth 0' contains whitespace", "bridge", "create", "br1", "--nic", "eth 0"),
            bad(NEEDS_HOST, "--nic: no interface 'eth7' on the node (NICs not in a bridge: eth1, vx0)", "bridge", "create", "br1", "--nic", "eth7"),
            bad(NEEDS_HOST, "--nic: br9 is a bridge, not a NIC", "bridge", "create", "br1", "--nic", "br9"),
            bad(NEEDS_HOST, "--nic: veth101.0 is a container's interface, not a NIC", "bridge", "create", "br1", "--nic", "veth101.0"),
            bad(NEEDS_HOST, "--nic: lo is the loopback, not a NIC", "bridge", "create", "br1", "--nic", "lo"),
            bad(NEEDS_HOST, "the bridge and --nic must differ (eth1)", "bridge", "create", "eth1", "--nic", "eth1"),
            bad(NEEDS_HOST, "--nic eth0 is already a port of br0", "bridge", "create", "br1", "--nic", "eth0"),
            bad(NEEDS_HOST, "br0 already bridges eth0; one uplink per bridge", "bridge", "create", "br0", "--nic", "eth1"),
            // bridge create: addresses and gateway
            bad(SYNTAX, "--address 192.168.7.0/24 is the network address of its subnet", "bridge", "create", "br1", "--nic", "eth1", "--address", "192.168.7.0/24"),
            bad(SYNTAX, "--address 192.168.7.255/24 is the broadcast address of its subnet", "bridge", "create", "br1", "--nic", "eth1", "--address", "192.168.7.255/24"),
            bad(SYNTAX, "--address '192.168.7.2' needs a prefix length", "bridge", "create", "br1", "--nic", "eth1", "--address", "192.168.7.2"),
            bad(SYNTAX, "--address '192.168.7.2/33': prefix /33 is longer than 32 bits", "bridge", "create", "br1", "--nic", "eth1", "--address", "192.168.7.2/33"),
            bad(SYNTAX, "non-contiguous netmask", "bridge", "create", "br1", "--nic", "eth1", "--address", "192.168.7.2/255.0.255.0"),
            bad(SYNTAX, "--address 'node.example' is not an IP address", "bridge", "create", "br1", "--nic", "eth1", "--address", "node.example/24"),
            bad(SYNTAX, "--address 192.168.7.2 is given twice", "bridge", "create", "br1", "--nic", "eth1", "--address", "192.168.7.2/24", "--address", "192.168.7.2/24"),
            bad(SYNTAX, "--address 127.0.0.2/8 is a loopback address", "bridge", "create", "br1", "--nic", "eth1", "--address", "127.0.0.2/8"),
            bad(SYNTAX, "--gateway 192.168.8.1 is not inside any subnet", "bridge", "create", "br1", "--nic", "eth1", "--address", "192.168.7.2/24", "--gateway", "192.168.8.1"),
            bad(SYNTAX, "--gateway 192.168.7.255 is the broadcast address of 192.168.7.0/24", "bridge", "create", "br1", "--nic", "eth1", "--address", "192.168.7.2/24", "--gateway", "192.168.7.255"),
            bad(SYNTAX, "--gateway '192.168.7.1/24' must be an address without a prefix length", "bridge", "create", "br1", "--nic", "eth1", "--address", "192.168.7.2/24", "--gateway", "192.168.7.1/24"),
            bad(SYNTAX, "--gateway 192.168.7.2 is the address being assigned", "bridge", "create", "br1", "--nic", "eth1", "--address", "192.168.7.2/24", "--gateway", "192.168.7.2"),
            bad(NEEDS_HOST, "--gateway 192.168.7.1 is not inside any subnet of the addresses (no address given or present)", "bridge", "create", "br1", "--nic", "eth1", "--gateway", "192.168.7.1"),
            bad(NEEDS_HOST, "10.0.0.2 is already on br0", "bridge", "create", "br1", "--nic", "eth1", "--address", "10.0.0.2/24"),
            bad(NEEDS_HOST, "a default route already exists (via 10.0.0.1 dev br0)", "bridge", "create", "br1", "--nic", "eth1", "--address", "192.168.7.2/24", "--gateway", "192.168.7.1"),
            // bridge create: switches
            bad(SYNTAX, "--stp 'maybe' must be on or off", "bridge", "create", "br1", "--nic", "eth1", "--stp", "maybe"),
            bad(SYNTAX, "--forward-delay 31 is out of range (0..30 seconds)", "bridge", "create", "br1", "--nic", "eth1", "--forward-delay", "31"),
            bad(SYNTAX, "--forward-delay 0 is out of range (2..30 seconds)", "bridge", "create", "br1", "--nic", "eth1", "--stp", "on", "--forward-delay", "0"),
            bad(SYNTAX, "--forward-delay", "bridge", "create", "br1", "--nic", "eth1", "--forward-delay", "soon"),
            bad(SYNTAX, "--mac '02:00:00:00:00' is not a MAC address", "bridge", "create", "br1", "--nic", "eth1", "--mac", "02:00:00:00:00"),
            bad(SYNTAX, "--mac 01:00:5e:00:00:01 is a multicast MAC", "bridge", "create", "br1", "--nic", "eth1", "--mac", "01:00:5e:00:00:01"),
            bad(SYNTAX, "--nic", "bridge", "create", "br1"),
            bad(SYNTAX, "'--bogus'", "bridge", "create", "br1", "--nic", "eth1", "--bogus"),
            // bridge delete / show
            bad(SYNTAX, "bridge name 'br/0' contains '/'", "bridge", "delete", "br/0"),
            bad(NEEDS_HOST, "eth1 is a ether, not a bridge", "bridge", "delete", "eth1"),
            bad(NEEDS_HOST, "br0 still carries container interfaces (veth101.0 of CT 101); detach them first or use --force", "bridge", "delete", "br0"),
            bad(NEEDS_HOST, "bridge: no bridge 'br5' on the node (bridges: br0, br9)", "bridge", "show", "br5"),
            // ct attach
            bad(SYNTAX, "'10 1' is not a container ID", "ct", "attach", "10 1", "--bridge", "br0"),
            bad(NEEDS_HOST, "no container 999 on the node (containers: 101", "ct", "attach", "999", "--bridge", "br0"),
            bad(SYNTAX, "--bridge 'br0 ' contains whitespace", "ct", "attach", "102", "--bridge", "br0 "),
            bad(NEEDS_HOST, "--bridge: no bridge 'br7' on the node (bridges: br0, br9)", "ct", "attach", "102", "--bridge", "br7"),
            bad(NEEDS_HOST, "--bridge: eth1 is not a bridge", "ct", "attach", "102", "--bridge", "eth1"),
            bad(SYNTAX, "--ifname 'eth/0' contains '/'", "ct", "attach", "102", "--bridge", "br0", "--ifname", "eth/0"),
            bad(SYNTAX, "--address 203.0.113.192/26 is the network address of its subnet", "ct", "attach", "102", "--bridge", "br0", "--address", "203.0.113.192/26"),
            bad(SYNTAX, "--address 203.0.113.255/26 is the broadcast address of its subnet", "ct", "attach", "102", "--bridge", "br0", "--address", "203.0.113.255/26"),
            bad(SYNTAX, "--gateway 198.51.100.1 is not inside any subnet of the addresses (203.0.113.192/26)", "ct", "attach", "102", "--bridge", "br0", "--address", "203.0.113.196/26", "--gateway", "198.51.100.1"),
            bad(NEEDS_HOST, "--gateway 203.0.113.193 is not inside any subnet of the addresses (no address given or present)", "ct", "attach", "102", "--bridge", "br0", "--gateway", "203.0.113.193"),
            bad(NEEDS_HOST, "203.0.113.195 is already used by CT 101 (eth0)", "ct", "attach", "102", "--bridge", "br0", "--address", "203.0.113.195/26"),
            bad(NEEDS_HOST, "10.0.0.2 is the node's own address (on br0)", "ct", "attach", "102", "--bridge", "br0", "--address", "10.0.0.2/24"),
            bad(NEEDS_HOST, "--host-route needs an IPv4 address on br9", "ct", "attach", "102", "--bridge", "br9", "--address", "203.0.113.196/26", "--host-route"),
            bad(NEEDS_HOST, "--host-route needs an IPv4 address in CT 102 on eth0", "ct", "attach", "102", "--bridge", "br0", "--host-route"),
            bad(SYNTAX, "--mac 'zz:00:00:00:00:01' is not a MAC address", "ct", "attach", "102", "--bridge", "br0", "--mac", "zz:00:00:00:00:01"),
            bad(NEEDS_HOST, "CT 101 already has a default route via 203.0.113.193 dev eth0", "ct", "attach", "101", "--bridge", "br9", "--ifname", "eth1", "--address", "192.168.9.2/24", "--gateway", "192.168.9.1"),
            bad(SYNTAX, "--bridge", "ct", "attach", "102"),
            // ct detach
            bad(SYNTAX, "'' is not a container ID".replace("''", "'1;2'"), "ct", "detach", "1;2"),
            bad(NEEDS_HOST, "no container 998 on the node (containers: 101", "ct", "detach", "998"),
            bad(SYNTAX, "--ifname 'a23456789012345x' is 16 bytes long", "ct", "detach", "101", "--ifname", "a23456789012345x"));
    }

    static Arguments bad(boolean syntaxOnly, String problem, String... words) {
        return Arguments.of(String.join(" ", words), problem, syntaxOnly, words);
    }

    static final HostState NODE = node();

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusedBeforeAnythingRuns(String line, String problem, boolean syntaxOnly, String[] words) {
        TestContext ctx = TestContext.simulated(NODE);
        String message;
        try {
            Object cmd = Commands.parse(words);
            if (cmd instanceof PlanningCommand p) p.plan(ctx);
            else ((dev.vzbridge.api.command.QueryCommand) cmd).run(ctx);
            fail("accepted: " + line);
            return;
        } catch (UsageException e) {
            message = e.getMessage();
        } catch (CommandLine.ParameterException e) {
            message = Converters.message(e); // the shell maps these to exit 2 as well
        }
        assertTrue(message.contains(problem), () -> "expected '" + problem + "' in: " + message);
        assertFalse(message.contains("\n"), "one line");
        assertEquals(0, ctx.probes.size(), "no duplicate-address probe");
        if (syntaxOnly) assertEquals(0, ctx.observations, "refused without looking at the host");
    }

    @org.junit.jupiter.api.Test
    void theTableIsBigEnough() {
        assertTrue(cases().count() >= 40);
    }
}
