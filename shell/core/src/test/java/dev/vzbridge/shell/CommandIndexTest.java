package dev.vzbridge.shell;

import dev.vzbridge.api.command.CommandProvider;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.plugins.DirectoryPolicy;
import dev.vzbridge.plugins.PluginIndexes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandIndexTest {
    private static List<CommandProvider> builtins() {
        return CommandCatalog.builtinSources().stream().map(CommandCatalog.Source::provider).toList();
    }

    @Test
    void theShellsIndexSaysWhatItsCommandTreeSays() throws IOException {
        CommandIndexCheck.assertCurrent(Path.of(""), builtins());
    }

    @Test
    void helpFromTheIndexPrintsWhatHelpFromTheTreePrints() {
        var catalog = new CommandCatalog(CommandCatalog.builtinSources(), HostState::empty, m -> {
            throw new IllegalStateException(m);
        });
        var fromIndex = CommandIndex.builtins().orElseThrow().stream()
            .map(r -> new HelpCommand.Line(r.name(), r.description(), "core")).toList();
        for (int width : new int[] {55, 80, 200}) {
            var tree = HelpCommand.overview(catalog, width);
            var index = HelpCommand.overview(fromIndex, width);
            assertEquals(tree.text(), index.text());
            assertEquals(tree.data(), index.data());
        }
    }

    @Test
    void anIndexSurvivesItsFileFormat() {
        var rows = List.of(new CommandIndex.Row("a", "Does a."), new CommandIndex.Row("b-c", "Does b; then c."));
        assertEquals(rows, CommandIndex.parse(CommandIndex.render(rows)).orElseThrow());
        assertTrue(CommandIndex.parse("no tab here\n").isEmpty());
        assertTrue(CommandIndex.parse("").isEmpty());
    }

    @Test
    void aPluginsIndexIsReadFromItsJarWithoutLoadingIt(@TempDir Path dir) throws IOException {
        Path plugins = Files.createDirectory(dir.resolve("plugins"));
        jar(plugins.resolve("zap.jar"), "zapper", ">=0.1.0", "zap\tZaps things.\n");
        var read = indexes("0.1.0").read(List.of(plugins), List.of()).orElseThrow();
        assertEquals(List.of(new PluginIndexes.Indexed("zapper", "zap\tZaps things.\n")), read);
    }

    @Test
    void whateverLoadingWouldSayMoreAboutMeansLoading(@TempDir Path dir) throws IOException {
        Path plugins = Files.createDirectory(dir.resolve("plugins"));
        jar(plugins.resolve("a.jar"), "zapper", ">=0.1.0", "zap\tZaps things.\n");
        assertTrue(indexes("0.1.0").read(List.of(plugins), List.of()).isPresent());
        // a newer shell required: PF4J refuses it, and says so
        assertTrue(indexes("0.0.9").read(List.of(plugins), List.of()).isEmpty());
        // the same plugin id twice
        jar(plugins.resolve("b.jar"), "zapper", null, "zip\tZips.\n");
        assertTrue(indexes("0.1.0").read(List.of(plugins), List.of()).isEmpty());
        Files.delete(plugins.resolve("b.jar"));
        // a jar without an index (built before indexes, or by someone else)
        jar(plugins.resolve("c.jar"), "other", null, null);
        assertTrue(indexes("0.1.0").read(List.of(plugins), List.of()).isEmpty());
        Files.delete(plugins.resolve("c.jar"));
        // a folder others may write to is refused, with a warning loading prints
        Files.setPosixFilePermissions(plugins, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertTrue(indexes("0.1.0").read(List.of(plugins), List.of()).isEmpty());
        Files.setPosixFilePermissions(plugins, PosixFilePermissions.fromString("rwx------"));
        assertTrue(indexes("0.1.0").read(List.of(plugins), List.of()).isPresent());
        assertTrue(indexes("0.1.0").read(List.of(dir.resolve("missing")), List.of()).isEmpty());
    }

    @Test
    void requiresInThePlainFormsOnly() {
        PluginIndexes at = indexes("0.2.1");
        assertTrue(at.read(List.of(), List.of()).isPresent());
        for (String fits : new String[] {null, "", "*", ">=0.1.0", ">=0.2.1", ">= 0.2.0"})
            assertTrue(at.fits(fits), fits);
        for (String not : new String[] {">=0.2.2", ">=1.0.0", "<1.0.0", ">=0.1.0 & <0.2.0", "0.2.1"})
            assertFalse(at.fits(not), not);
    }

    private static PluginIndexes indexes(String version) {
        return new PluginIndexes(new DirectoryPolicy(), version, CommandIndex.RESOURCE);
    }

    private static void jar(Path file, String id, String requires, String index) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Plugin-Id", id);
        main.putValue("Plugin-Version", "1.0.0");
        if (requires != null) main.putValue("Plugin-Requires", requires);
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            if (index != null) {
                jar.putNextEntry(new JarEntry(CommandIndex.RESOURCE));
                jar.write(index.getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }
}
