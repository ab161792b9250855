package dev.vzbridge.shell;

import dev.vzbridge.testkit.RecordingExecutor;
import dev.vzbridge.testkit.RecordingHost;
import dev.vzbridge.testkit.ShellDriver;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.concurrent.TimeUnit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The interactive loop over an in-memory terminal: keys in, screen out. */
class ConsoleTest {
    private final RecordingExecutor engine = new RecordingExecutor();
    private final ShellDriver driver = ShellDriver.create(new GlobalOptions(), RecordingHost.typicalNode(), engine,
        new TestCommands());

    @TempDir
    Path home;

    @AfterEach
    void close() {
        driver.close();
    }

    private record Session(int code, String screen) {
    }

    private Session type(String keys) throws Exception {
        ByteArrayInputStream in = new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        int code;
        try (Terminal terminal = new ExternalTerminal("test", "dumb", in, screen, StandardCharsets.UTF_8)) {
            code = new Console(driver.shell(), terminal, "node1", home.resolve(".vzbridge_history")).run();
        }
        return new Session(code, screen.toString(StandardCharsets.UTF_8));
    }

    @Test
    void runsCommandsUntilExitAndKeepsHistory() throws Exception {
        Session s = type("hello there\rexit\rhello never\r");
        assertEquals(0, s.code());
        assertTrue(s.screen().contains("vzbridge@node1> "), s.screen());
        assertTrue(driver.run("hello").stdout().equals("hello \n"));
        assertTrue(driver.session().exitRequested());
        String history = Files.readString(home.resolve(".vzbridge_history"));
        assertTrue(history.contains("hello there") && history.contains("exit"), history);
        assertFalse(history.contains("never"), history);
    }

    @Test
    void ctrlCDropsTheLineAndCtrlDLeaves() throws Exception {
        PipedOutputStream keys = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(keys);
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        try (Terminal terminal = new ExternalTerminal("test", "xterm", in, screen, StandardCharsets.UTF_8)) {
            // a terminal that echoes: JLine redraws the line as keys arrive
            Attributes attributes = terminal.getAttributes();
            attributes.setLocalFlag(Attributes.LocalFlag.ISIG, true); // as on a real tty: Ctrl-C is a signal
            attributes.setControlChar(Attributes.ControlChar.VINTR, 3);
            terminal.setAttributes(attributes);
            Console console = new Console(driver.shell(), terminal, "node1", home.resolve(".vzbridge_history"));
            var loop = java.util.concurrent.Executors.newSingleThreadExecutor().submit(console::run);
            send(keys, "", screen, "vzbridge@node1> ");
            send(keys, "fail this", screen, "vzbridge@node1> fail this");
            send(keys, "\u0003", screen, "fail this\n");
            waitFor(screen, () -> plain(screen).split("vzbridge@node1> ", -1).length > 2); // a fresh prompt
            send(keys, "hello after", screen, "vzbridge@node1> hello after");
            send(keys, "\r", screen, "hello after\n");
            keys.write(4);
            keys.flush();
            assertEquals(0, loop.get(10, TimeUnit.SECONDS));
        }
        String history = Files.readString(home.resolve(".vzbridge_history"));
        assertFalse(history.contains("fail this"), history);
        assertTrue(history.contains("hello after"), history);
    }

    /** The screen without escape sequences and carriage returns. */
    private static String plain(ByteArrayOutputStream screen) {
        return screen.toString(StandardCharsets.UTF_8).replaceAll("\u001B(\\[[0-9;?]*[A-Za-z]|[=>])", "").replace("\r", "");
    }

    /** Sends keys, then waits until the screen shows {@code expected} (the reader has taken them). */
    private static void send(PipedOutputStream keys, String text, ByteArrayOutputStream screen, String expected)
        throws Exception {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
        waitFor(screen, () -> plain(screen).contains(expected));
    }

    private static void waitFor(ByteArrayOutputStream screen, java.util.function.BooleanSupplier shown)
        throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!shown.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("screen never got there:\n" + plain(screen));
            Thread.sleep(20);
        }
    }

    @Test
    void clearClearsTheScreen() throws Exception {
        ByteArrayInputStream in = new ByteArrayInputStream("clear\rexit\r".getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        try (Terminal terminal = new ExternalTerminal("test", "xterm", in, screen, StandardCharsets.UTF_8)) {
            assertEquals(0, new Console(driver.shell(), terminal, "node1", null).run());
        }
        String shown = screen.toString(StandardCharsets.UTF_8);
        int typed = shown.indexOf("clear");
        assertTrue(typed >= 0 && shown.indexOf("\u001b[H\u001b[2J", typed) > typed, shown);
    }

    @Test
    void aFailingCommandDoesNotEndTheLoop() throws Exception {
        Session s = type("crash\rnope\rhello ok\r\u0004");
        assertEquals(0, s.code());
        assertTrue(Files.readString(home.resolve(".vzbridge_history")).contains("hello ok"));
    }

    @Test
    void thePromptShowsTheEnginesMark() {
        engine.begin("batch");
        String prompt = new Console(driver.shell(), null, "node1", null).prompt(driver.session());
        assertEquals("vzbridge@node1 [tx]> ", prompt);
    }

    @Test
    void leavingWithAnOpenTransactionDiscardsIt() throws Exception {
        engine.begin("manual");
        type("\u0004");
        assertEquals("abort", engine.events.get(engine.events.size() - 1));
    }
}
