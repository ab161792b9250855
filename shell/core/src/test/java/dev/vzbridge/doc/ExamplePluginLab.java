package dev.vzbridge.doc;

import dev.vzbridge.api.command.CommandProvider;
import dev.vzbridge.api.tools.NetTools;
import dev.vzbridge.exec.CommandRunner;
import dev.vzbridge.host.NetnsRuntime;
import dev.vzbridge.host.NodeAccess;
import dev.vzbridge.lab.Lab;
import dev.vzbridge.shell.GlobalOptions;
import dev.vzbridge.testkit.ShellDriver;
import dev.vzbridge.tools.ToolFlavours;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The example plugin as its author tests it against the lab: installed from its jar
 * into a plugin folder, and a shell with the real engine on the lab's node loading it.
 *
 * <pre>{@code
 * Path plugins = ExamplePluginLab.install(work);
 * try (ExamplePluginLab hello = ExamplePluginLab.open(lab, plugins, root)) {
 *     hello.run("hello addr eth0 10.0.0.9/24");
 * }
 * }</pre>
 */
public final class ExamplePluginLab implements AutoCloseable {
    private final NodeAccess node;
    private final ShellDriver shell;

    private ExamplePluginLab(NodeAccess node, ShellDriver shell) {
        this.node = node;
        this.shell = shell;
    }

    /** Builds the example plugin in WORK/build and installs its jar in WORK/plugins; returns that folder. */
    public static Path install(Path work) throws IOException {
        Path jar = ExamplePluginJar.build(work.resolve("build"));
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        Files.setPosixFilePermissions(plugins, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.copy(jar, plugins.resolve(jar.getFileName()));
        return plugins;
    }

    /** A shell on the lab's node, files under {@code root}, loading the plugins in {@code plugins}, plus {@code providers}. */
    public static ExamplePluginLab open(Lab lab, Path plugins, Path root, CommandProvider... providers) {
        GlobalOptions options = new GlobalOptions();
        options.plugins.add(plugins);
        options.root = root;
        options.lockWait = 5;
        CommandRunner runner = lab.nodeRunner();
        NetTools tools = ToolFlavours.select("iproute2", runner);
        NodeAccess node = new NodeAccess(runner, tools, new NetnsRuntime(runner, lab.ctNetnsPattern(), tools), root, null, null);
        return new ExamplePluginLab(node, ShellDriver.withEngine(options, node, providers));
    }

    /** Runs one command line, as {@code vzbridge -c LINE} would. */
    public ShellDriver.Result run(String line) {
        return shell.run(line);
    }

    @Override
    public void close() {
        shell.close();
        node.close();
    }
}
