package dev.vzbridge.dualnic;

import dev.vzbridge.api.command.UsageException;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.recipes.Converters;
import dev.vzbridge.testkit.TestContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every bad input is refused before anything runs: a usage error (the shell's exit
 * 2) whose one-line message names the problem, no host command, and no address
 * probe on the network.
 */
class BadInputTest {
    static final String OK = "--external eth0 --local eth1 --bridge br0 --local-address 10.0.0.2/24 --gateway 10.0.0.1";

    static String setup(String... replace) {
        String line = "dualnic setup " + OK;
        for (int i = 0; i + 1 < replace.length; i += 2) line = line.replace(replace[i], replace[i + 1]);
        return line;
    }

    /** The lab's start with CT 101 on an old bridge, a third NIC, and a bridge made by somebody else. */
    static HostState node() {
        return Nodes.lab().link("eth2", "ether", true, "52:54:00:00:00:14", null).addr("eth2", "192.0.2.10/24")
            .bridge("vmbr9", true, "02:00:00:00:00:09").ctOn("101", "vmbr9", "203.0.113.195/26").state();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
            Arguments.of(setup("--external eth0 ", ""), "--external"),
            Arguments.of(setup("--gateway 10.0.0.1", ""), "--gateway"),
            Arguments.of(setup("--local eth1", "--local eth0"), "--external and --local are both eth0"),
            Arguments.of(setup("--external eth0", "--external eth7"), "--external: no interface 'eth7'"),
            Arguments.of(setup("--local eth1", "--local wlan3"), "--local: no interface 'wlan3'"),
            Arguments.of(setup("--external eth0", "--external lo"), "--external: lo is the loopback, not a NIC"),
            Arguments.of(setup("--local eth1", "--local vmbr9"), "--local: vmbr9 is a bridge, not a NIC"),
            Arguments.of(setup("--bridge br0", "--bridge eth1"), "--bridge eth1 is the local NIC"),
            Arguments.of(setup("--bridge br0", "--bridge br/0"), "--bridge 'br/0' contains '/'"),
            Arguments.of(setup("--bridge br0", "--bridge bridge-for-the-cts"), "is 18 bytes long; interface names have at most 15"),
            Arguments.of(setup("--bridge br0", "--bridge vmbr9"), "--bridge vmbr9 already exists and no dual-NIC setup is recorded"),
            Arguments.of(setup("10.0.0.2/24", "10.0.0.2"), "--local-address '10.0.0.2' needs a prefix length"),
            Arguments.of(setup("10.0.0.2/24", "10.0.0.256/24"), "256 > 255"),
            Arguments.of(setup("10.0.0.2/24", "10.0.0.0/24"), "--local-address 10.0.0.0/24 is the network address"),
            Arguments.of(setup("10.0.0.2/24", "10.0.0.2/33"), "prefix /33 is longer than 32 bits"),
            Arguments.of(setup("10.0.0.2/24", "127.0.0.2/8"), "is a loopback address"),
            Arguments.of(setup("--gateway 10.0.0.1", "--gateway 10.0.1.1"), "--gateway 10.0.1.1 is not inside any subnet of the addresses (10.0.0.0/24)"),
            Arguments.of(setup("--gateway 10.0.0.1", "--gateway 10.0.0.2"), "--gateway 10.0.0.2 is the address being assigned"),
            Arguments.of(setup("--gateway 10.0.0.1", "--gateway gw.example.com"), "'gw.example.com' is not an IP address"),
            Arguments.of(setup("--gateway 10.0.0.1", "--gateway 10.0.0.1/24"), "must be an address without a prefix length"),
            Arguments.of(setup("--gateway 10.0.0.1", "--gateway 10.0.0.255"), "--gateway 10.0.0.255 is the broadcast address of 10.0.0.0/24"),
            Arguments.of(setup("--gateway 10.0.0.1", "--gateway fe80::1"), "are of different IP versions"),
            Arguments.of(setup() + " --bridge-address 10.0.0.3/24", "--bridge-address 10.0.0.3/24 overlaps the local subnet 10.0.0.0/24"),
            Arguments.of(setup() + " --bridge-address 10.0.0.2/26", "--bridge-address 10.0.0.2 is the --local-address"),
            Arguments.of(setup() + " --bridge-address 203.0.113.195/26", "--bridge-address 203.0.113.195 is CT 101's address"),
            Arguments.of(setup() + " --host-route", "--host-route needs --bridge-address"),
            Arguments.of(setup() + " --stp maybe", "--stp 'maybe' must be on or off"),
            Arguments.of(setup() + " --forward-delay 31", "--forward-delay 31 is out of range (0..30 seconds)"),
            Arguments.of(setup() + " --stp on --forward-delay 1", "--forward-delay 1 is out of range (2..30 seconds)"),
            Arguments.of(setup() + " --forward-delay soon", "--forward-delay"),
            Arguments.of(setup() + " --frobnicate", "--frobnicate"),
            Arguments.of(setup("10.0.0.2/24", "203.0.113.200/26", "--gateway 10.0.0.1", "--gateway 203.0.113.193"),
                "--local-address 203.0.113.200/26 is in a container subnet (CT 101 has 203.0.113.195/26 on eth0)"),
            Arguments.of(setup("10.0.0.2/24", "192.0.2.10/24", "--gateway 10.0.0.1", "--gateway 192.0.2.1"),
                "--local-address 192.0.2.10 is already on eth2"),
            Arguments.of(setup("10.0.0.2/24", "192.0.2.11/24", "--gateway 10.0.0.1", "--gateway 192.0.2.1"),
                "eth2 has 192.0.2.10/24 in the local subnet 192.0.2.0/24"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithOneLineNamingTheProblem(String line, String expected) {
        TestContext ctx = TestContext.iproute2(node());
        String message = refusal(ctx, line);
        assertTrue(message.contains(expected), "message '" + message + "' should contain '" + expected + "'");
        assertFalse(message.contains("\n"), "one line: " + message);
        assertEquals(List.of(), ctx.commandsRun, "no host command");
        assertEquals(List.of(), ctx.probes, "no probe on the network");
    }

    static Stream<Arguments> nodeCases() {
        byte[] otherSetup = SetupRecord.parse(("external eth2 up\nlocal eth1 up\nbridge br5\nlocal-address 10.0.0.2/24\n"
            + "gateway 10.0.0.1\n").getBytes(StandardCharsets.UTF_8)).toBytes();
        return Stream.of(
            Arguments.of(Nodes.lab().route("default", "192.0.2.1", "eth2", "boot").link("eth2", "ether", true, "52:54:00:00:00:14", null)
                .addr("eth2", "192.0.2.10/24").state(), null, setup(),
                "a default route already exists (via 192.0.2.1 dev eth2)"),
            Arguments.of(Nodes.lab().state(), otherSetup, setup(),
                "a dual-NIC setup is already in place (external eth2, local eth1, bridge br5); run 'dualnic teardown'"),
            Arguments.of(Nodes.lab().addr("eth1", "10.0.0.2/16").state(), null, setup(),
                "eth1 already has 10.0.0.2/16; --local-address 10.0.0.2/24 differs in prefix length"),
            Arguments.of(Nodes.lab().link("eth1", "ether", true, Nodes.ETH1_MAC, "vmbr9").bridge("vmbr9", true, "02:00:00:00:00:09").state(),
                null, setup(), "--local eth1 is a port of vmbr9"),
            Arguments.of(Nodes.labAfterSetup(null).ctOn("101", "br0", "203.0.113.195/26").state(),
                TeardownAndShowTest.record(SetupPlannerTest.SETUP), "dualnic teardown",
                "br0 still carries container interfaces (veth101.0 of CT 101); detach them first or use --force"));
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("nodeCases")
    void isRefusedForWhatIsOnTheNode(HostState host, byte[] record, String line, String expected) {
        TestContext ctx = TestContext.iproute2(host);
        if (record != null) ctx.withFile(SetupRecord.PATH, record);
        String message = refusal(ctx, line);
        assertTrue(message.contains(expected), "message '" + message + "' should contain '" + expected + "'");
        assertFalse(message.contains("\n"), message);
        assertEquals(List.of(), ctx.commandsRun);
        assertEquals(List.of(), ctx.probes);
    }

    @org.junit.jupiter.api.Test
    void anAddressAnsweredByAnotherMacIsRefusedBeforeAnythingRuns() {
        TestContext ctx = TestContext.iproute2(Nodes.lab().state());
        ctx.owners.put("203.0.113.194", "02:aa:bb:cc:dd:ee");
        String message = refusal(ctx, setup() + " --bridge-address 203.0.113.194/26");
        assertTrue(message.contains("203.0.113.194 is already in use on eth0's segment (answered by 02:aa:bb:cc:dd:ee)"), message);
        assertEquals(List.of(), ctx.commandsRun);
    }

    private static String refusal(TestContext ctx, String line) {
        try {
            Cli.plan(ctx, line);
        } catch (UsageException e) {
            return e.getMessage();
        } catch (CommandLine.ParameterException e) {
            return Converters.message(e);
        }
        fail("accepted: " + line);
        return null;
    }
}
