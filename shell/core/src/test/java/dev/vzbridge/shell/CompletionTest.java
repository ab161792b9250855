package dev.vzbridge.shell;

import dev.vzbridge.api.host.HostState;
import dev.vzbridge.testkit.RecordingExecutor;
import dev.vzbridge.testkit.RecordingHost;
import dev.vzbridge.testkit.ShellDriver;
import org.jline.reader.LineReader;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.vzbridge.testkit.RecordingHost.link;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TAB completion through a real LineReader over an in-memory terminal. */
class CompletionTest {
    private final RecordingHost host = new RecordingHost(state(link("lo", 1, "loopback"), link("eth0", 2, "ether"),
        link("br0", 3, "bridge"), link("veth101.0", 4, "veth")));
    private final ShellDriver driver = ShellDriver.create(new GlobalOptions(), host, new RecordingExecutor(),
        new TestCommands());

    @AfterEach
    void close() {
        driver.close();
    }

    private static HostState state(dev.vzbridge.api.host.Link... links) {
        return new HostState(List.of(links), List.of(), List.of(), List.of());
    }

    /** Types {@code keys} (with \t for TAB) and returns the line the reader accepts at Enter. */
    private String type(String keys) throws Exception {
        ByteArrayInputStream in = new ByteArrayInputStream((keys + "\r").getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        try (Terminal terminal = new ExternalTerminal("test", "xterm-256color", in, screen, StandardCharsets.UTF_8)) {
            LineReader reader = new Console(driver.shell(), terminal, "node", null).reader();
            return reader.readLine("vzbridge@node> ");
        }
    }

    @Test
    void completesACommandName() throws Exception {
        assertEquals("bridge ", type("bri\t"));
    }

    @Test
    void completesAQuotedWordInsideItsQuotes() throws Exception {
        assertEquals("'bridge' ", type("'bri\t"));
        assertEquals("bridge add 'br1' --nic \"eth0\" ", type("bridge add 'br1' --nic \"e\t"));
    }

    @Test
    void completesSubcommandsAndOptions() throws Exception {
        assertEquals("bridge add ", type("bridge a\t"));
        assertEquals("bridge add br1 --stp ", type("bridge add br1 --st\t"));
    }

    @Test
    void completesOptionValuesFromTheLiveHost() throws Exception {
        assertEquals("bridge add br1 --nic eth0 ", type("bridge add br1 --nic \t"));
        assertTrue(host.observations() >= 1, "the host was not consulted");

        host.setState(state(link("lo", 1, "loopback"), link("eth0", 2, "ether"), link("enp3s0", 5, "ether")));
        driver.shell().liveHost().invalidate();
        assertEquals("bridge add br1 --nic enp3s0 ", type("bridge add br1 --nic en\t"));
    }

    @Test
    void oneTabProbesTheHostOnceWhileTheCacheIsFresh() throws Exception {
        type("bridge add br1 --nic \t");
        int afterFirst = host.observations();
        type("bridge add br2 --nic \t");
        assertEquals(afterFirst, host.observations());
    }

    @Test
    void quotingIsUnderstoodWhenTheLineIsRun() throws Exception {
        String line = type("hello 'two words'");
        assertEquals("hello two words\n", driver.run(line).stdout());
    }
}
