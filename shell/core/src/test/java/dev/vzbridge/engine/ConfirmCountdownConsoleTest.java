package dev.vzbridge.engine;

import dev.vzbridge.engine.journal.Journal;
import dev.vzbridge.shell.RenderedEngine;
import dev.vzbridge.exec.ProcessRunner;
import dev.vzbridge.host.HostAccess;
import dev.vzbridge.host.HostAccessFactory;
import dev.vzbridge.lab.Lab;
import dev.vzbridge.testkit.LabTest;
import dev.vzbridge.shell.Console;
import dev.vzbridge.shell.GlobalOptions;
import dev.vzbridge.shell.TestCommands;
import dev.vzbridge.testkit.RecordingHost;
import dev.vzbridge.testkit.ShellDriver;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A change applied with a confirm deadline, at the interactive prompt (like netplan try):
 * the prompt counts down by itself, and when the deadline rolls the change back the
 * console says so at once, with what the change touched as it is now.
 */
class ConfirmCountdownConsoleTest {
    @TempDir
    Path root;

    @Test
    @LabTest(containers = {101})
    void thePromptCountsDownAndTheRollbackIsAnnounced(Lab lab) throws Exception {
        GlobalOptions options = BridgeScenario.options(root, lab.nodeNetns(), lab.ctNetnsPattern());
        options.confirm = 4;
        Node node = BridgeScenario.node(lab.nodeNetns(), lab.ctNetnsPattern(), root, null);
        // the real watchdog code, in a thread instead of a detached process
        Watchdog.Launcher inProcess = (r, txid) -> {
            Thread t = new Thread(() -> Watchdog.watch(r, Journal.find(r, txid).orElseThrow()), "watchdog " + txid);
            t.setDaemon(true);
            t.start();
            return "watchdog thread rolls back at the deadline";
        };
        try (HostAccess host = options.openHost();
             ShellDriver driver = ShellDriver.with(options, host, p -> new RenderedEngine(new Engine(options.engineSettings(), node, inProcess, p.err()), p),
                 new TestCommands())) {
            PipedOutputStream keys = new PipedOutputStream();
            ByteArrayOutputStream screen = new ByteArrayOutputStream();
            try (Terminal terminal = new ExternalTerminal("test", "xterm", new PipedInputStream(keys), screen,
                    StandardCharsets.UTF_8)) {
                Console console = new Console(driver.shell(), terminal, "node1", null);
                Future<Integer> loop = Executors.newSingleThreadExecutor().submit(console::run);
                waitFor(screen, () -> plain(screen).contains("vzbridge@node1> "), 20);
                keys.write("bridge add br7\r".getBytes(StandardCharsets.UTF_8));
                keys.flush();
                // no key is pressed from here on: the prompt redraws itself
                waitFor(screen, () -> countdown(screen).size() >= 2, 20);
                assertTrue(linkExists(lab, "br7"), "applied, awaiting confirm");
                waitFor(screen, () -> plain(screen).contains("  br7: absent"), 60);
                String shown = plain(screen);
                assertTrue(shown.matches("(?s).*transaction \\S+ \\(bridge add br7\\) was rolled back at "
                    + "\\d\\d:\\d\\d:\\d\\d because it was not confirmed\n"
                    + "the node is back as it was before it \\(verified\\)\nnow:\n  br7: absent\n.*"), shown);
                assertFalse(linkExists(lab, "br7"), "the watchdog rolled it back");
                keys.write(4);
                keys.flush();
                assertEquals(0, loop.get(20, TimeUnit.SECONDS));
            }
            ShellDriver.Result late = driver.run("confirm");
            assertEquals(1, late.exitCode(), late::toString);
            assertTrue(late.stderr().matches("transaction \\S+ \\(bridge add br7\\) was rolled back at "
                + "\\d\\d:\\d\\d:\\d\\d because it was not confirmed\n"), late.stderr());
        }
    }

    private static boolean linkExists(Lab lab, String name) {
        return new ProcessRunner().run(List.of("ip", "-n", lab.nodeNetns(), "link", "show", name)).ok();
    }

    @Test
    void outsideTheConsoleTheHintNamesTheCommandToRun() {
        GlobalOptions options = new GlobalOptions();
        options.root = root;
        options.confirm = 30;
        Node node = new Node(new ProcessRunner(), root, RecordingHost.typicalNode()::observe, null);
        try (ShellDriver driver = ShellDriver.with(options, RecordingHost.typicalNode(),
                p -> new RenderedEngine(new Engine(options.engineSettings(), node, (r, t) -> null, p.err()), p), new TestCommands())) {
            ShellDriver.Result r = driver.run("touch " + root.resolve("made"));
            assertEquals(0, r.exitCode(), r::toString);
            assertTrue(r.stdout().contains("applied; run 'vzbridge confirm' within 30 s or it is rolled back"), r.stdout());
            assertEquals(0, driver.run("confirm").exitCode());
        }
    }

    /** Every "confirm Ns" the prompt showed. */
    private static Set<Integer> countdown(ByteArrayOutputStream screen) {
        Set<Integer> seen = new TreeSet<>();
        Matcher m = Pattern.compile("\\[confirm (\\d+)s\\]").matcher(plain(screen));
        while (m.find()) seen.add(Integer.parseInt(m.group(1)));
        return seen;
    }

    private static String plain(ByteArrayOutputStream screen) {
        return screen.toString(StandardCharsets.UTF_8).replaceAll("\u001B(\\[[0-9;?]*[A-Za-z]|[=>])", "").replace("\r", "");
    }

    private static void waitFor(ByteArrayOutputStream screen, BooleanSupplier shown, int seconds)
        throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!shown.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("screen never got there:\n" + plain(screen));
            Thread.sleep(50);
        }
    }
}
