package dev.vzbridge.bridge;

import dev.vzbridge.api.command.PendingMark;
import dev.vzbridge.lab.Lab;
import dev.vzbridge.shell.GlobalOptions;
import dev.vzbridge.testkit.LabNode;
import dev.vzbridge.testkit.LabTest;
import dev.vzbridge.testkit.ShellDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inside begin … commit, the query commands show what the transaction plans, and
 * mark what the node does not have yet as pending; outside a transaction (after
 * abort, or once committed) nothing is marked, and the prompt counts the changes.
 */
@LabTest
class PendingMarksLabTest {
    @TempDir
    Path root;

    @Test
    void plannedObjectsAreMarkedUntilCommitted(Lab lab) {
        LabNode node = new LabNode(lab, root, "iproute2", new BridgePlugin());
        GlobalOptions options = new GlobalOptions();
        options.root = root;
        try (ShellDriver shell = ShellDriver.withEngine(options, node.host, new BridgePlugin())) {
            assertEquals(0, shell.run("begin").exitCode());
            assertEquals(0, shell.run("bridge create br0 --nic eth0").exitCode());
            assertEquals(0, shell.run("ct attach 101 --bridge br0 --address 203.0.113.195/26 --gateway 203.0.113.193").exitCode());
            String mark = shell.session().engine().promptMark();
            assertTrue(mark.matches("tx, \\d+ pending"), mark);

            String cts = shell.run("ct list").stdout();
            // CT 101 has only lo on the node: its planned eth0 on br0 is pending, CT 102 (unchanged) is not
            assertTrue(cts.lines().anyMatch(l -> l.matches("101\\* +running +eth0 +veth101\\.0 +br0 +203\\.0\\.113\\.195/26 +203\\.0\\.113\\.193")), cts);
            assertTrue(cts.lines().anyMatch(l -> l.startsWith("102 ")), cts);
            assertTrue(cts.endsWith(PendingMark.LEGEND + "\n"), cts);

            String bridges = shell.run("bridge list").stdout();
            assertTrue(bridges.lines().anyMatch(l -> l.startsWith("br0* ") && l.contains("eth0*") && l.contains("veth101.0*")), bridges);
            String br0 = shell.run("bridge show br0").stdout();
            assertTrue(br0.startsWith("bridge br0* "), br0);
            assertTrue(br0.lines().anyMatch(l -> l.trim().startsWith("veth101.0* ")), br0);

            String show = shell.run("show").stdout();
            assertTrue(show.lines().anyMatch(l -> l.trim().matches("br0\\* +bridge .*")), show);
            assertTrue(show.lines().anyMatch(l -> l.trim().matches("eth0\\* +veth +up +\\S+ +br0")), "eth0 becomes a port: " + show);
            assertFalse(show.lines().anyMatch(l -> l.trim().matches("eth1\\*.*")), "eth1 is not touched: " + show);
            assertTrue(show.endsWith(PendingMark.LEGEND + "\n"), show);

            assertEquals(0, shell.run("abort").exitCode());
            for (String query : List.of("ct list", "bridge list", "show")) {
                String out = shell.run(query).stdout();
                assertFalse(out.contains(PendingMark.LEGEND), query + " after abort: " + out);
                assertFalse(out.contains("*"), query + " after abort: " + out);
            }
            assertEquals("", shell.session().engine().promptMark());
        }
    }
}
