package dev.vzbridge.engine.journal;

import dev.vzbridge.host.NodeAddress;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The journal header carries the node address as it is; the watchdog and 'recover' read it back. */
class JournalAddressTest {
    private static JournalRecord.Header header(NodeAddress a) {
        return new JournalRecord.Header("tx1", "2026-01-01T00:00:00Z", "root", null, "bridge create br0", a.prefix(),
            a.root().toString(), a.netns(), a.runtime(), a.ctNetns(), a.tools(), 1);
    }

    @Test
    void addressRoundTripsThroughTheJournalLine() throws Exception {
        NodeAddress a = new NodeAddress(Path.of("/tmp/r"), "lab-hn", "netns", "lab-ct{id}", "legacy", null);
        String line = JournalJson.write(header(a));
        JournalRecord.Header back = (JournalRecord.Header) JournalJson.read(line);
        assertEquals(a, back.address());
        assertEquals(List.of("ip", "netns", "exec", "lab-hn"), back.prefix());
    }

    @Test
    void olderHeadersGetTheDefaults() {
        JournalRecord.Header h = new JournalRecord.Header("tx1", null, null, null, "x", List.of(), "/r", null, null, null,
            null, 1);
        assertEquals(NodeAddress.local(Path.of("/r")), h.address());
    }

    @Test
    void aPrefixWithoutItsNamespaceIsNeverTakenForThisMachine() {
        JournalRecord.Header h = new JournalRecord.Header("tx1", null, null, null, "x",
            List.of("ip", "netns", "exec", "lab-hn"), "/r", null, null, null, null, 1);
        assertThrows(IllegalStateException.class, h::address);
    }
}
