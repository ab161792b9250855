package dev.vzbridge.doc;

import dev.vzbridge.api.command.CommandProvider;
import dev.vzbridge.shell.CommandCatalog;
import dev.vzbridge.shell.GlobalOptions;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the man page source (AsciiDoc) and the bash completion script from the
 * same picocli declarations that {@code help} shows: the shell's built-ins plus
 * the commands of the plugins in the given folders.
 *
 * <p>Usage: {@code DocGen OUTDIR VERSION PLUGINDIR...}; writes {@code OUTDIR/man/vzbridge.8.adoc}
 * and {@code OUTDIR/bash-completion/vzbridge}. Any plugin that does not start fails the run,
 * so a shipped package never documents fewer commands than it has.
 */
public final class DocGen {
    private DocGen() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: DocGen OUTDIR VERSION [PLUGINDIR...]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        String version = args[1];
        List<Path> pluginDirs = new ArrayList<>();
        for (int i = 2; i < args.length; i++) pluginDirs.add(Path.of(args[i]));

        CommandLine root = documentedRoot(loadProviders(pluginDirs), version);
        Files.createDirectories(out.resolve("man"));
        Files.writeString(out.resolve("man/vzbridge.8.adoc"), ManPage.render(root, version));
        Files.createDirectories(out.resolve("bash-completion"));
        Files.writeString(out.resolve("bash-completion/vzbridge"), BashCompletion.render(root));
    }

    /** The command tree with the launcher's global options on top, as vzbridge(8) describes it. */
    static CommandLine documentedRoot(List<CommandProvider> providers, String version) {
        CommandLine root = CommandCatalog.commandLine(providers);
        CommandSpec spec = root.getCommandSpec();
        spec.addMixin("global", CommandSpec.forAnnotatedObject(new GlobalOptions()));
        spec.mixinStandardHelpOptions(true);
        spec.version(version);
        return root;
    }

    static List<CommandProvider> loadProviders(List<Path> pluginDirs) {
        List<CommandProvider> providers = new ArrayList<>();
        for (Path dir : pluginDirs) {
            PluginManager manager = new DefaultPluginManager(dir);
            manager.loadPlugins();
            manager.startPlugins();
            for (PluginWrapper plugin : manager.getPlugins()) {
                if (plugin.getPluginState() != PluginState.STARTED) {
                    throw new IllegalStateException("plugin " + plugin.getPluginId() + " in " + dir
                        + " did not start: " + plugin.getFailedException());
                }
                providers.addAll(manager.getExtensions(CommandProvider.class, plugin.getPluginId()));
            }
        }
        return providers;
    }
}
