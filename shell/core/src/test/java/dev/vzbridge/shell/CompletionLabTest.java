package dev.vzbridge.shell;

import dev.vzbridge.host.HostAccess;
import dev.vzbridge.lab.Lab;
import dev.vzbridge.testkit.LabTest;
import dev.vzbridge.testkit.RecordingExecutor;
import dev.vzbridge.testkit.ShellDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Completion on a real node (a lab namespace): answered from the kept view, which follows the node. */
@LabTest
class CompletionLabTest {
    private static List<String> complete(Shell shell, String... words) {
        StringWriter out = new StringWriter();
        CompletionQuery.print(shell, List.of(words), new PrintWriter(out, true));
        return out.toString().lines().toList();
    }

    @Test
    void theViewFollowsALinkAddedOnTheNode(Lab lab, @TempDir Path root) throws Exception {
        GlobalOptions options = new GlobalOptions();
        options.netns = lab.nodeNetns();
        options.runtime = "netns";
        options.ctNetns = lab.ctNetnsPattern();
        options.root = root;
        try (HostAccess host = options.openHost();
             ShellDriver driver = ShellDriver.create(options, host, new RecordingExecutor(), new TestCommands())) {
            Shell shell = driver.shell();
            List<String> eth = complete(shell, "bridge", "add", "br1", "--nic", "eth");
            assertTrue(eth.contains("eth0") && eth.stream().allMatch(n -> n.startsWith("eth")), eth::toString);
            assertEquals(List.of(), complete(shell, "bridge", "add", "br1", "--nic", "zz"));

            // a veth pair inside the lab's node namespace
            lab.run(lab.nodeNetns(), "ip", "link", "add", "zz0", "type", "veth", "peer", "name", "zz1");
            // Each TAB answers at once from the view; one after the view's moment has passed
            // starts a fresh read in the background, and a later TAB answers from that.
            List<String> seen = List.of();
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
            while (!seen.equals(List.of("zz0", "zz1")) && System.nanoTime() < deadline) {
                Thread.sleep(200);
                seen = complete(shell, "bridge", "add", "br1", "--nic", "zz");
            }
            assertEquals(List.of("zz0", "zz1"), seen, "the view follows the node");
            assertEquals(List.of("zz1"), complete(shell, "bridge", "add", "br1", "--nic", "zz1"));

            // a command may change the node: the view is dropped, and the next TAB waits for a fresh one
            lab.run(lab.nodeNetns(), "ip", "link", "del", "zz0"); // and its peer
            shell.execute("help");
            assertEquals(List.of(), complete(shell, "bridge", "add", "br1", "--nic", "zz"));
            assertTrue(complete(shell, "bridge", "add", "br1", "--nic", "").contains("eth0"));
        }
    }
}
