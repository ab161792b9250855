package dev.vzbridge.shell;

import dev.vzbridge.exec.CommandRunner;
import dev.vzbridge.exec.PrefixRunner;
import dev.vzbridge.exec.RunnerException;
import dev.vzbridge.host.HostAccess;
import dev.vzbridge.host.HostAccessFactory;
import dev.vzbridge.host.NodeAddress;
import dev.vzbridge.api.host.HostState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rehearsal's node answers the reads of planning from memory and refuses everything
 * else, so the class-data training never runs a program on the admin's node. (That it
 * plans every line with the installed plugins is proven on the built tree by the
 * distribution's smoke test, with an empty PATH.)
 */
class RehearsalTest {
    private static final CommandRunner NODE = PrefixRunner.inNetns(Rehearsal.NODE, new Rehearsal.HeldNode());

    @Test
    void theHeldNodeReadsAsTheRecordedNodeWithItsContainers(@TempDir Path root) {
        NodeAddress address = new NodeAddress(root, Rehearsal.NODE, "netns", NodeAddress.DEFAULT_CT_NETNS, "auto", "auto");
        try (HostAccess host = HostAccessFactory.open(address, NODE)) {
            HostState state = host.observe(null);
            assertEquals("br0", state.link("eth0").orElseThrow().master());
            assertTrue(state.link("br0").orElseThrow().isBridge());
            assertTrue(state.link("eth1").isPresent());
            assertEquals(List.of("101", "102", "103"), state.containers().stream().map(c -> c.id()).toList());
            assertEquals("iproute2", host.tools().flavour());
            assertTrue(host.probeAddress("br0", "10.0.0.11", java.time.Duration.ofMillis(200)).owner() == null, "nobody answers the probe");
        }
    }

    @Test
    void theHeldNodeRunsNothing() {
        for (List<String> argv : List.of(
            List.of("ip", "link", "add", "br9", "type", "bridge"),
            List.of("ip", "-n", "ct101", "addr", "add", "10.0.0.11/24", "dev", "eth0"),
            List.of("ip", "-j", "-d", "-batch", "-", "extra"),
            List.of("ping", "-c", "1", "10.0.0.1"),
            List.of("sh", "-c", "ip link"),
            List.of("stdbuf", "-oL", "ping", "-c", "1", "10.0.0.1"),
            List.of("vzctl", "exec2", "101", "ip", "link"))) {
            assertThrows(RunnerException.class, () -> NODE.run(argv), () -> String.join(" ", argv));
        }
        // containers it does not hold are not read either
        assertThrows(RunnerException.class, () -> new Rehearsal.HeldNode().run(
            List.of("ip", "-n", "ct999", "-j", "-d", "-batch", "-"), "link show\n", CommandRunner.DEFAULT_TIMEOUT));
    }
}
