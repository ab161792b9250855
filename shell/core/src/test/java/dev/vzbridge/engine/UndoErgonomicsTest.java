package dev.vzbridge.engine;

import dev.vzbridge.api.plan.Change;
import dev.vzbridge.api.plan.Exec;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.api.plan.Step;
import dev.vzbridge.exec.ProcessRunner;
import dev.vzbridge.host.HostAccess;
import dev.vzbridge.lab.Lab;
import dev.vzbridge.shell.RenderedEngine;
import dev.vzbridge.shell.Console;
import dev.vzbridge.shell.GlobalOptions;
import org.jline.reader.LineReader;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import java.nio.charset.StandardCharsets;
import dev.vzbridge.shell.TestCommands;
import dev.vzbridge.testkit.LabTest;
import dev.vzbridge.testkit.RecordingHost;
import dev.vzbridge.testkit.ShellDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** history numbers its entries; undo takes a number or a prefix, shows what it runs and asks, or takes --yes. */
class UndoErgonomicsTest {
    @TempDir
    Path root;

    private ShellDriver fileShell() {
        GlobalOptions options = new GlobalOptions();
        options.root = root;
        RecordingHost host = RecordingHost.typicalNode();
        // real commands, on files under this test's own root only
        Node node = new Node(new ProcessRunner(), root, host::observe, null);
        return ShellDriver.withEngine(options, host, node, new TestCommands());
    }

    @Test
    void numbersAndPrefixesNameTransactionsAndUndoAsksFirst() throws Exception {
        Path a = root.resolve("a");
        Path b = root.resolve("b");
        try (ShellDriver shell = fileShell()) {
            assertEquals(0, shell.run("touch " + a).exitCode());
            assertEquals(0, shell.run("touch " + b).exitCode());
            String history = shell.run("history").stdout();
            List<String> rows = history.lines().toList();
            assertTrue(rows.get(0).matches(" +# +TXID .*"), history);
            assertTrue(rows.get(1).matches(" +1  \\S+ .* touch " + a), history);
            assertTrue(rows.get(2).matches(" +2  \\S+ .* touch " + b), history);
            String second = rows.get(2).trim().split("\\s+")[1];

            // nobody to ask (no terminal): refused, nothing run
            ShellDriver.Result unasked = shell.run("undo 1");
            assertEquals(2, unasked.exitCode(), unasked::toString);
            assertTrue(unasked.stdout().contains("runs:\n  rm " + a + "\n"), unasked.stdout());
            assertTrue(unasked.stderr().endsWith("asks first: add --yes to run it (nothing was run)\n"), unasked.stderr());
            assertTrue(Files.exists(a));

            shell.session().setAsker(q -> Optional.of(false));
            ShellDriver.Result no = shell.run("undo 1");
            assertEquals(0, no.exitCode());
            assertTrue(no.stdout().endsWith("nothing undone\n"), no.stdout());
            assertTrue(Files.exists(a));

            String[] asked = new String[1];
            shell.session().setAsker(q -> {
                asked[0] = q;
                return Optional.of(true);
            });
            ShellDriver.Result yes = shell.run("undo 1");
            assertEquals(0, yes.exitCode(), yes::toString);
            assertTrue(asked[0].matches("undo \\S+\\? \\[y/N\\] "), asked[0]);
            assertFalse(Files.exists(a), "undone");

            ShellDriver.Result ambiguous = shell.run("undo 2026 --yes");
            assertEquals(2, ambiguous.exitCode());
            assertTrue(ambiguous.stderr().contains("'2026' names 2 transactions"), ambiguous.stderr());

            ShellDriver.Result prefix = shell.run("undo --yes " + second.substring(0, second.length() - 2));
            assertEquals(0, prefix.exitCode(), prefix::toString);
            assertFalse(Files.exists(b), "undone by a unique prefix");

            ShellDriver.Result none = shell.run("undo 9 --yes");
            assertEquals(2, none.exitCode());
            assertEquals("vzbridge: undo: no transaction number 9 ('history' lists 2)\n", none.stderr());
        }
    }

    @Test
    void tabCompletesTransactionIds() throws Exception {
        try (ShellDriver shell = fileShell()) {
            assertEquals(0, shell.run("touch " + root.resolve("a")).exitCode());
            String txid = ((RenderedEngine) shell.session().engine()).admin().txids().get(0);
            java.io.ByteArrayInputStream in = new java.io.ByteArrayInputStream("undo 2\t\r".getBytes(StandardCharsets.UTF_8));
            try (Terminal terminal = new ExternalTerminal("test", "xterm-256color", in, new java.io.ByteArrayOutputStream(),
                    StandardCharsets.UTF_8)) {
                LineReader reader = new Console(shell.shell(), terminal, "node", null).reader();
                assertEquals("undo " + txid + " ", reader.readLine("> "));
            }
        }
    }

    @Test
    @LabTest(containers = {101})
    void aRefusedUndoNamesTheLaterTransactionsToUndoFirst(Lab lab) {
        GlobalOptions options = BridgeScenario.options(root, lab.nodeNetns(), lab.ctNetnsPattern());
        Node node = BridgeScenario.node(lab.nodeNetns(), lab.ctNetnsPattern(), root, null);
        try (HostAccess host = options.openHost();
             ShellDriver shell = ShellDriver.withEngine(options, host, node, new TestCommands())) {
            assertEquals(0, shell.run("bridge add br7").exitCode());
            Plan up = Plan.builder("br7 up").change(Change.of("bring br7 up",
                new Step(Exec.of("ip", "link", "set", "br7", "up"), List.of(Exec.of("ip", "link", "set", "br7", "down")),
                    Set.of("br7")))).build();
            assertEquals(0, shell.session().engine().submit(up, "br7 up"));
            List<String> ids = ((RenderedEngine) shell.session().engine()).admin().txids();
            ShellDriver.Result refused = shell.run("undo 1 --yes");
            assertEquals(1, refused.exitCode(), refused::toString);
            assertTrue(refused.stderr().startsWith("refusing to undo " + ids.get(1) + ": the host changed since it was applied"
                + " (by " + ids.get(0) + "):"), refused.stderr());
            assertTrue(refused.stderr().contains("undo them first, newest first:\n  undo " + ids.get(0) + "   (br7 up)\n"),
                refused.stderr());
            assertEquals(0, shell.run("undo 2 --yes").exitCode());
            assertEquals(0, shell.run("undo 1 --yes").exitCode());
            assertFalse(new ProcessRunner().run(List.of("ip", "-n", lab.nodeNetns(), "link", "show", "br7")).ok());
        }
    }
}
