package dev.vzbridge.plugins;

import dev.vzbridge.shell.GlobalOptions;
import dev.vzbridge.testkit.RecordingExecutor;
import dev.vzbridge.testkit.RecordingHost;
import dev.vzbridge.testkit.ShellDriver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Plugin jars built at test time, loaded through PF4J into the real shell. */
class PluginLoadingTest {
    @TempDir
    static Path work;
    static Path greeter;
    static Path crashy;
    static Path broken;

    @TempDir
    Path plugins;

    @BeforeAll
    static void buildJars() throws Exception {
        greeter = TestPluginJars.build(work, "greeter", "1.2.3", "testplugins.greeter.GreeterCommands");
        crashy = TestPluginJars.build(work, "crashy", "0.0.1", "testplugins.crashy.CrashyCommands");
        broken = TestPluginJars.build(work, "broken", "0.0.1", "testplugins.broken.BrokenCommands");
    }

    private ShellDriver shellWith(Path... jars) throws Exception {
        return shellWith(new GlobalOptions(), jars);
    }

    private ShellDriver shellWith(GlobalOptions options, Path... jars) throws Exception {
        Files.setPosixFilePermissions(plugins, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (Path jar : jars) TestPluginJars.copy(jar, plugins);
        options.plugins.add(plugins);
        return ShellDriver.create(options, RecordingHost.typicalNode(), new RecordingExecutor());
    }

    @Test
    void aPluginsCommandRunsAndIsListed() throws Exception {
        try (ShellDriver shell = shellWith(greeter)) {
            assertEquals("", shell.startupErrors());
            ShellDriver.Result r = shell.run("greet admin");
            assertEquals(0, r.exitCode(), r.toString());
            assertEquals("hello admin from a plugin\n", r.stdout());

            ShellDriver.Result list = shell.run("plugin list");
            assertTrue(list.stdout().matches("(?s)ID +VERSION +STATE +COMMANDS\ngreeter +1\\.2\\.3 +STARTED +greet\n"),
                list.stdout());
            String help = shell.run("help").stdout();
            assertTrue(help.matches("(?s).*\n  greet +Says hello from a plugin\\.  \\[plugin greeter]\n.*"), help);
        }
    }

    @Test
    void aPluginDescribedByPluginPropertiesLoadsToo() throws Exception {
        try (ShellDriver shell = shellWith(TestPluginJars.withPluginProperties(greeter, work))) {
            assertEquals("", shell.startupErrors());
            ShellDriver.Result r = shell.run("greet admin");
            assertEquals("hello admin from a plugin\n", r.stdout(), r.toString());
            assertTrue(shell.run("plugin list").stdout().matches("(?s).*\ngreeter +1\\.2\\.3 +STARTED +greet\n"));
        }
    }

    @Test
    void pluginListUnderJson() throws Exception {
        GlobalOptions asJson = new GlobalOptions();
        asJson.json = true;
        try (ShellDriver shell = shellWith(asJson, greeter)) {
            String json = shell.run("plugin list").stdout();
            assertTrue(json.startsWith("{\"exit\":0,\"changed\":false,\"result\":{\"plugins\":[{\"id\":\"greeter\",\"version\":\"1.2.3\",\"state\":\"STARTED\",\"commands\":[\"greet\"]"), json);
        }
    }

    @Test
    void aCommandThatThrowsDoesNotKillTheShell() throws Exception {
        try (ShellDriver shell = shellWith(greeter, crashy)) {
            ShellDriver.Result r = shell.run("boom");
            assertEquals(1, r.exitCode());
            assertEquals("vzbridge: boom: kaboom\n", r.stderr());
            assertEquals(0, shell.run("greet").exitCode());
        }
    }

    @Test
    void aPluginThatFailsToLoadIsReportedAndTheOthersWork() throws Exception {
        Path garbage = work.resolve("vzbridge-plugin-garbage.jar");
        Files.writeString(garbage, "not a jar");
        try (ShellDriver shell = shellWith(broken, garbage, greeter)) {
            String errors = shell.startupErrors();
            assertTrue(errors.contains("vzbridge: plugin broken: cannot create BrokenCommands: cannot initialise"), errors);
            assertTrue(errors.contains("vzbridge: cannot load plugin vzbridge-plugin-garbage.jar"), errors);
            assertEquals(2, errors.lines().count(), errors);
            assertEquals(0, shell.run("greet").exitCode());
            String list = shell.run("plugin list").stdout();
            assertTrue(list.contains("broken: cannot create BrokenCommands"), list);
        }
    }

    @Test
    void aWorldWritableFolderIsRefused() throws Exception {
        refusedWhen("rwxr-xrwx", "world-writable");
    }

    @Test
    void aGroupWritableFolderIsRefused() throws Exception {
        refusedWhen("rwxrwxr-x", "group-writable");
    }

    private void refusedWhen(String mode, String reason) throws Exception {
        TestPluginJars.copy(greeter, plugins);
        Files.setPosixFilePermissions(plugins, PosixFilePermissions.fromString(mode));
        GlobalOptions options = new GlobalOptions();
        options.plugins.add(plugins);
        try (ShellDriver shell = ShellDriver.create(options, RecordingHost.typicalNode(), new RecordingExecutor())) {
            assertEquals("vzbridge: refusing plugins folder: " + plugins + " is " + reason + " (chmod "
                + (reason.startsWith("world") ? "o-w " : "g-w ") + plugins + ")\n", shell.startupErrors());
            assertEquals(2, shell.run("greet").exitCode());
        }
    }

    @Test
    void aWritableJarInASafeFolderIsRefused() throws Exception {
        try (ShellDriver ignored = shellWith()) {
            // only prepares the folder
        }
        TestPluginJars.copy(greeter, plugins);
        Path jar = plugins.resolve(greeter.getFileName());
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-rw-rw-"));
        GlobalOptions options = new GlobalOptions();
        options.plugins.add(plugins);
        try (ShellDriver shell = ShellDriver.create(options, RecordingHost.typicalNode(), new RecordingExecutor())) {
            assertTrue(shell.startupErrors().contains("refusing plugin " + jar.getFileName() + ": " + jar
                + " is world-writable"), shell.startupErrors());
            assertEquals(2, shell.run("greet").exitCode());
        }
    }

    @Test
    void aFolderOwnedBySomeoneElseIsRefused() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root to give the folder away");
        TestPluginJars.copy(greeter, plugins);
        Files.setPosixFilePermissions(plugins, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setAttribute(plugins, "unix:uid", 65534);
        GlobalOptions options = new GlobalOptions();
        options.plugins.add(plugins);
        try (ShellDriver shell = ShellDriver.create(options, RecordingHost.typicalNode(), new RecordingExecutor())) {
            assertTrue(shell.startupErrors().startsWith("vzbridge: refusing plugins folder: " + plugins + " is owned by "),
                shell.startupErrors());
            assertEquals(2, shell.run("greet").exitCode());
        } finally {
            Files.setAttribute(plugins, "unix:uid", 0);
        }
    }
}
