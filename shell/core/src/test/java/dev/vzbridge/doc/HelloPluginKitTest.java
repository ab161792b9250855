package dev.vzbridge.doc;

import dev.vzbridge.api.command.CommandContext;
import dev.vzbridge.api.command.CommandProvider;
import dev.vzbridge.api.command.FileView;
import dev.vzbridge.api.command.PlanningCommand;
import dev.vzbridge.api.command.UsageException;
import dev.vzbridge.api.host.Address;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Link;
import dev.vzbridge.api.plan.Exec;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.api.tools.ContainerRuntime;
import dev.vzbridge.api.tools.NetTools;
import dev.vzbridge.tools.ToolFlavours;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plugin kit works end to end: the example plugin, built from its sources like
 * a third party would, is found by PF4J in a plugins folder, its command plans a
 * change through the node's intents (and nothing when the change is already there),
 * and the man page and bash completion built with it document its command.
 */
class HelloPluginKitTest {
    @TempDir
    static Path work;
    static List<CommandProvider> providers;

    @BeforeAll
    static void buildAndLoad() throws Exception {
        Path jar = ExamplePluginJar.build(work);
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        Files.move(jar, plugins.resolve(jar.getFileName()));
        providers = DocGen.loadProviders(List.of(plugins));
    }

    @Test
    void pluginIsFoundThroughItsExtension() {
        assertEquals(1, providers.size(), "one CommandProvider from the hello plugin");
        assertEquals("com.example.hello.HelloCommands", providers.get(0).getClass().getName());
    }

    @Test
    void commandPlansTheAddressWithItsUndoAndNothingWhenPresent() {
        HostState bare = node(List.of());
        Plan plan = plan(bare, "eth0", "10.0.0.9/24");
        assertEquals(1, plan.changes().size());
        assertEquals(List.of("ip", "addr", "add", "10.0.0.9/24", "dev", "eth0"), argv(plan.changes().get(0).apply().get(0)));
        assertEquals(List.of("ip", "addr", "del", "10.0.0.9/24", "dev", "eth0"), argv(plan.changes().get(0).revert().get(0)));
        assertEquals(1, plan.checks().size());

        HostState done = node(List.of(new Address("eth0", "10.0.0.9/24", "global")));
        assertTrue(plan(done, "eth0", "10.0.0.9/24").isEmpty(), "second run has nothing to do");
    }

    @Test
    void badInputIsAUsageError() {
        HostState bare = node(List.of());
        assertThrows(UsageException.class, () -> plan(bare, "eth9", "10.0.0.9/24"));
        assertThrows(UsageException.class, () -> plan(bare, "eth0", "10.0.0.0/24"));
        assertThrows(UsageException.class, () -> plan(bare, "eth0", "10.0.0.9"));
    }

    @Test
    void manPageAndCompletionDescribeThePluginCommand() {
        CommandLine root = DocGen.documentedRoot(providers, "test");
        String page = ManPage.render(root, "test");
        assertTrue(page.contains("=== hello addr"), "man page has a section for hello addr");
        assertTrue(page.contains("Add an address to an interface"), page);
        String bash = BashCompletion.render(root);
        assertTrue(bash.contains("_picocli_vzbridge_hello_addr"), "completion knows hello addr");
        assertTrue(bash.contains("complete -F _vzbridge_complete"), "the -c wrapper is registered");
    }

    private static Plan plan(HostState host, String... args) {
        CommandLine root = DocGen.documentedRoot(providers, "test");
        Class<?> type = root.getSubcommands().get("hello").getSubcommands().get("addr").getCommandSpec().userObject().getClass();
        CommandLine addr = new CommandLine(type);
        addr.parseArgs(args);
        PlanningCommand command = addr.getCommand();
        return command.plan(context(host));
    }

    private static List<String> argv(Object action) {
        return ((Exec) action).argv();
    }

    private static HostState node(List<Address> addresses) {
        Link eth0 = new Link("eth0", 2, "ether", null, true, "02:00:00:00:00:02", null, null);
        return new HostState(List.of(eth0), addresses, List.of(), List.of());
    }

    private static CommandContext context(HostState host) {
        NetTools tools = ToolFlavours.select("iproute2", null);
        return new CommandContext() {
            public HostState host() {
                return host;
            }

            public NetTools tools() {
                return tools;
            }

            public ContainerRuntime containers() {
                throw new UnsupportedOperationException();
            }

            public FileView files() {
                throw new UnsupportedOperationException();
            }

            public Optional<String> duplicateAddressOwner(String dev, String ip) {
                return Optional.empty();
            }

            public String diff(String path, byte[] proposed) {
                return "";
            }

            public Optional<String> sshConnection() {
                return Optional.empty();
            }

            public PrintWriter err() {
                return new PrintWriter(new StringWriter());
            }

            public String version() {
                return "test";
            }
        };
    }
}
