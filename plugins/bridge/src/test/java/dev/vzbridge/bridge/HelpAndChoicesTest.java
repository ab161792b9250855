package dev.vzbridge.bridge;

import dev.vzbridge.shell.GlobalOptions;
import dev.vzbridge.testkit.RecordingHost;
import dev.vzbridge.testkit.ShellDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Help that fits the screen, errors that offer the way out, previews where the admin looks for them. */
class HelpAndChoicesTest {
    @TempDir
    Path root;

    private final RecordingHost node = RecordingHost.simulated(BadInputTest.NODE);
    private ShellDriver shell;

    private ShellDriver shell() {
        if (shell == null) {
            GlobalOptions options = new GlobalOptions();
            options.root = root;
            shell = ShellDriver.withEngine(options, node, new BridgePlugin());
        }
        return shell;
    }

    @AfterEach
    void close() {
        if (shell != null) shell.close();
    }

    private static String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }

    @Test
    void summariesAreWholeSentencesWrappedToTheScreen() {
        for (int width : List.of(60, 80, 132)) {
            shell().session().setWidth(() -> width);
            for (String line : List.of("help", "help ct", "help ct attach", "help bridge")) {
                ShellDriver.Result r = shell().run(line);
                assertEquals(0, r.exitCode(), r::toString);
                for (String row : r.stdout().split("\n"))
                    assertTrue(row.length() <= width, line + " at " + width + " columns: '" + row + "'");
            }
        }
        String ct = flat(shell().run("help ct").stdout());
        assertTrue(ct.contains("attach Give container CTID an interface on bridge BR: add the veth pair, plug the host end "
            + "(vethCTID.N) into BR, set the addresses and default route inside, and with --host-route the node<->CT "
            + "routes (CT_IP dev BR on the node, NODE_IP dev IF in the container; NODE_IP is BR's IPv4 address)."), ct);
        assertTrue(!flat(shell().run("help").stdout()).contains("…"), "no summary is cut");
    }

    @Test
    void aMistypedSubcommandInHelpIsSuggested() {
        ShellDriver.Result r = shell().run("help bridge creat");
        assertEquals(2, r.exitCode());
        assertEquals("vzbridge: help: 'bridge creat': bridge has no subcommand 'creat' (did you mean create?)\n", r.stderr());
    }

    @Test
    void aMissingParameterShowsTheUsageLine() {
        ShellDriver.Result r = shell().run("ct attach 101");
        assertEquals(2, r.exitCode());
        assertEquals(1, r.stderr().lines().count(), r::toString);
        assertTrue(r.stderr().matches("vzbridge: ct attach: Missing required option: '--bridge=BR'; usage: ct attach "
            + "\\[.*--bridge=BR.*\n"), r.stderr());
        assertEquals(List.of(), node.commands());
    }

    @Test
    void dryRunAfterTheArgumentsPreviewsThePlan() {
        ShellDriver.Result r = shell().run("bridge delete br9 --dry-run");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(shell().run("plan bridge delete br9").stdout(), r.stdout());
        assertTrue(r.stdout().contains("br9"), r.stdout());
        assertEquals(List.of(), node.commands(), "nothing ran");
        ShellDriver.Result help = shell().run("help plan");
        assertTrue(help.stdout().contains("COMMAND ARGS..."), help.stdout());
    }
}
