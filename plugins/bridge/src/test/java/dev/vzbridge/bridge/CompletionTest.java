package dev.vzbridge.bridge;

import dev.vzbridge.shell.Console;
import dev.vzbridge.shell.GlobalOptions;
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

import static org.junit.jupiter.api.Assertions.assertEquals;

/** TAB completes this plugin's commands and their live values, through the real console. */
class CompletionTest {
    private final RecordingHost node = RecordingHost.simulated(BadInputTest.NODE);
    private final ShellDriver driver = ShellDriver.create(new GlobalOptions(), node, new dev.vzbridge.shell.PlanExecutor() {
        public int submit(dev.vzbridge.api.plan.Plan plan, String commandLine) {
            return 0;
        }

        public void begin(String label) {
        }

        public boolean inTransaction() {
            return false;
        }

        public int commit() {
            return 0;
        }

        public void abort() {
        }

        public String promptMark() {
            return "";
        }
    }, new BridgePlugin());

    @AfterEach
    void close() {
        driver.close();
    }

    private String type(String keys) throws Exception {
        ByteArrayInputStream in = new ByteArrayInputStream((keys + "\r").getBytes(StandardCharsets.UTF_8));
        try (Terminal terminal = new ExternalTerminal("test", "xterm-256color", in, new ByteArrayOutputStream(), StandardCharsets.UTF_8)) {
            LineReader reader = new Console(driver.shell(), terminal, "node", null).reader();
            return reader.readLine("> ");
        }
    }

    @Test
    void commandsSubcommandsAndOptions() throws Exception {
        assertEquals("bridge create ", type("bridge cr\t"));
        assertEquals("ct attach ", type("ct at\t"));
        assertEquals("bridge create br1 --forward-delay ", type("bridge create br1 --forw\t"));
    }

    @Test
    void liveValues() throws Exception {
        // eth1 is the only interface that could still carry a bridge (eth0 is br0's port, vx0 a plain veth).
        assertEquals("bridge create br1 --nic eth1 ", type("bridge create br1 --nic e\t"));
        assertEquals("bridge delete br9 ", type("bridge delete br9\t"));
        assertEquals("ct attach 102 ", type("ct attach 10\t2\t"));
        assertEquals("ct attach 101 --bridge br0 ", type("ct attach 101 --bridge br0\t"));
        assertEquals("bridge create br1 --mac auto ", type("bridge create br1 --mac a\t"));
        assertEquals("bridge create br1 --stp off ", type("bridge create br1 --stp of\t"));
    }
}
