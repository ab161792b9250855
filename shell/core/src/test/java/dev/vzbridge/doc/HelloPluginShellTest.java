package dev.vzbridge.doc;

import dev.vzbridge.api.command.FileView;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.plan.Exec;
import dev.vzbridge.api.tools.NetTools;
import dev.vzbridge.exec.CommandRunner;
import dev.vzbridge.host.HostAccess;
import dev.vzbridge.host.HostRuntime;
import dev.vzbridge.shell.Console;
import dev.vzbridge.shell.GlobalOptions;
import dev.vzbridge.testkit.RecordingExecutor;
import dev.vzbridge.testkit.RecordingHost;
import dev.vzbridge.testkit.ShellDriver;
import dev.vzbridge.tools.ToolFlavours;
import org.jline.reader.LineReader;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import static dev.vzbridge.testkit.RecordingHost.link;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A third party's plugin in the real shell: the example plugin, built from its
 * sources, dropped into a plugins folder given with --plugins, is listed by
 * {@code plugin list}, documented by {@code help}, completes its live values on
 * TAB, and its command hands the shell a plan (recorded here, not applied).
 */
class HelloPluginShellTest {
    @TempDir
    Path work;
    private final RecordingHost node = new RecordingHost(new HostState(
        List.of(link("lo", 1, "loopback"), link("eth0", 2, "ether"), link("br0", 3, "bridge")),
        List.of(), List.of(), List.of()));
    private final RecordingExecutor engine = new RecordingExecutor();
    private ShellDriver shell;

    @BeforeEach
    void dropPluginIntoFolder() throws Exception {
        Path jar = ExamplePluginJar.build(work.resolve("build"));
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        Files.setPosixFilePermissions(plugins, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.copy(jar, plugins.resolve(jar.getFileName()));
        GlobalOptions options = new GlobalOptions();
        options.plugins.add(plugins);
        shell = ShellDriver.create(options, new WithTools(node), engine);
    }

    @AfterEach
    void close() {
        shell.close();
    }

    @Test
    void pluginListShowsTheStartedPluginAndItsCommand() {
        ShellDriver.Result r = shell.run("plugin list");
        assertEquals(0, r.exitCode(), r.toString());
        String line = r.stdout().lines().filter(l -> l.contains("hello")).findFirst().orElse("");
        assertTrue(line.contains("1.0.0") && line.contains("STARTED"), r.toString());
        assertEquals("", shell.startupErrors());
    }

    @Test
    void helpDescribesTheCommand() {
        ShellDriver.Result r = shell.run("help hello addr");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.stdout().contains("DEV") && r.stdout().contains("CIDR"), r.toString());
    }

    @Test
    void commandRunsAndSubmitsItsPlan() {
        ShellDriver.Result r = shell.run("hello addr eth0 10.0.0.9/24");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(1, engine.submitted.size(), r.toString());
        Exec add = (Exec) engine.submitted.get(0).changes().get(0).apply().get(0);
        assertEquals(List.of("ip", "addr", "add", "10.0.0.9/24", "dev", "eth0"), add.argv());
        assertTrue(node.commands().isEmpty(), "the command itself ran nothing on the node");
    }

    @Test
    void badInputIsExit2AndNothingIsPlanned() {
        ShellDriver.Result r = shell.run("hello addr eth7 10.0.0.9/24");
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains("eth7"), r.toString());
        assertTrue(engine.submitted.isEmpty());
    }

    @Test
    void tabCompletesTheCommandAndLiveInterfaceNames() throws Exception {
        assertEquals("hello ", type("hell\t"));
        assertEquals("hello addr ", type("hello a\t"));
        assertEquals("hello addr eth0 ", type("hello addr et\t"));
    }

    /** Types keys (\t is TAB) into the shell's real line reader and returns the accepted line. */
    private String type(String keys) throws Exception {
        ByteArrayInputStream in = new ByteArrayInputStream((keys + "\r").getBytes(StandardCharsets.UTF_8));
        try (Terminal terminal = new ExternalTerminal("test", "xterm-256color", in, new ByteArrayOutputStream(),
            StandardCharsets.UTF_8)) {
            LineReader reader = new Console(shell.shell(), terminal, "node", null).reader();
            return reader.readLine("> ");
        }
    }

    /** The recording node, with iproute2 intents so planning commands can plan. */
    private record WithTools(RecordingHost node) implements HostAccess {
        public CommandRunner runner() {
            return node.runner();
        }

        public NetTools tools() {
            return ToolFlavours.select("iproute2", null);
        }

        public HostRuntime runtime() {
            return node.runtime();
        }

        public HostState observe(Collection<String> containers) {
            return node.observe(containers);
        }

        public FileView files() {
            return node.files();
        }

        public Path root() {
            return node.root();
        }

        public dev.vzbridge.host.DadAnswer probeAddress(String dev, String ip, java.time.Duration window) {
            return node.probeAddress(dev, ip, window);
        }

        public Optional<String> banner() {
            return Optional.empty();
        }

        public void close() {
            node.close();
        }
    }
}
