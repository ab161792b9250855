package dev.vzbridge.shell;

import dev.vzbridge.api.command.CommandFailedException;
import dev.vzbridge.api.command.UsageException;
import dev.vzbridge.host.DadAnswer;
import dev.vzbridge.host.HostAccess;
import dev.vzbridge.testkit.RecordingHost;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DadProbesTest {
    /** A node whose probes answer from a table and whose links are a fixed set. */
    private static HostAccess node(Set<String> links, Map<String, DadAnswer> answers, Map<String, String> probedOn,
                                   CountDownLatch allStarted) {
        RecordingHost base = RecordingHost.typicalNode();
        return (HostAccess) Proxy.newProxyInstance(HostAccess.class.getClassLoader(), new Class<?>[]{HostAccess.class},
            (proxy, method, args) -> switch (method.getName()) {
                case "linkExists" -> links.contains((String) args[0]);
                case "probeAddress" -> {
                    probedOn.put((String) args[1], (String) args[0]);
                    allStarted.countDown();
                    // every probe waits until all have started: probes made one after another never get there
                    boolean together = allStarted.await(20, TimeUnit.SECONDS);
                    yield together ? answers.getOrDefault((String) args[1], DadAnswer.free()) : DadAnswer.failed("probed alone");
                }
                default -> method.invoke(base, args);
            });
    }

    @Test
    void theProbesOfATransactionRunSideBySide() {
        List<String> ips = IntStream.rangeClosed(1, 60).mapToObj(i -> "10.0.0." + i).toList();
        Map<String, String> probedOn = new ConcurrentHashMap<>();
        DadProbes probes = new DadProbes(node(Set.of("br0"), Map.of(), probedOn, new CountDownLatch(ips.size())), DadProbes.DEFAULT_WINDOW);
        ips.forEach(ip -> probes.claim("b.vzb:" + ip, "br0", List.of(), List.of(ip)));
        assertDoesNotThrow(() -> probes.settle(null, true));
        assertEquals(ips.size(), probedOn.size());
        assertTrue(probes.isEmpty(), "settled claims are forgotten");
    }

    @Test
    void aSegmentThatDoesNotExistYetIsProbedOnTheLinkThatCarriesItNow() {
        Map<String, String> probedOn = new ConcurrentHashMap<>();
        DadProbes probes = new DadProbes(node(Set.of("eth1"), Map.of(), probedOn, new CountDownLatch(1)), DadProbes.DEFAULT_WINDOW);
        probes.claim(null, "br0", List.of("eth9", "eth1"), List.of("10.0.0.5"));
        probes.settle(null, false);
        assertEquals(Map.of("10.0.0.5", "eth1"), probedOn);
    }

    @Test
    void anOwnerIsRefusedNamingTheCommandThatClaimedTheAddress() {
        Map<String, DadAnswer> answers = Map.of("10.0.0.7", DadAnswer.ownedBy("02:00:00:00:00:07"));
        DadProbes probes = new DadProbes(node(Set.of("br0"), answers, new ConcurrentHashMap<>(), new CountDownLatch(2)), DadProbes.DEFAULT_WINDOW);
        probes.claim("b.vzb:3: ct attach", "br0", List.of(), List.of("10.0.0.6"));
        probes.claim("b.vzb:4: ct attach", "br0", List.of(), List.of("10.0.0.7"));
        UsageException e = assertThrows(UsageException.class, () -> probes.settle(null, true));
        assertEquals("b.vzb:4: ct attach: 10.0.0.7 is already in use on br0's segment (answered by 02:00:00:00:00:07);"
            + " pick another address, or --no-dad to skip this probe", e.getMessage());
    }

    @Test
    void aProbeThatCouldNotRunIsNoAnswer() {
        Map<String, DadAnswer> answers = Map.of("10.0.0.8", DadAnswer.failed("arping: Interface \"br0\" is down"));
        DadProbes probes = new DadProbes(node(Set.of("br0"), answers, new ConcurrentHashMap<>(), new CountDownLatch(1)), DadProbes.DEFAULT_WINDOW);
        probes.claim(null, "br0", List.of(), List.of("10.0.0.8"));
        CommandFailedException e = assertThrows(CommandFailedException.class, () -> probes.settle(null, false));
        assertEquals("cannot probe 10.0.0.8 for a duplicate on br0's segment (via br0): arping: Interface \"br0\" is down;"
            + " --no-dad to skip this probe", e.getMessage());
    }

    @Test
    void noLinkCarryingTheSegmentIsNoAnswerEither() {
        DadProbes probes = new DadProbes(node(Set.of(), Map.of(), new ConcurrentHashMap<>(), new CountDownLatch(1)), DadProbes.DEFAULT_WINDOW);
        probes.claim(null, "br0", List.of("eth1"), List.of("10.0.0.9"));
        CommandFailedException e = assertThrows(CommandFailedException.class, () -> probes.settle(null, false));
        assertTrue(e.getMessage().contains("br0 does not exist yet and no link carries its segment now"), e.getMessage());
    }
}
