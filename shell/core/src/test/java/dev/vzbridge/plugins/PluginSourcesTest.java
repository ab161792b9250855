package dev.vzbridge.plugins;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PluginSourcesTest {
    @TempDir
    Path tree;

    @Test
    void findsEachModulesPluginJarButNotTestOrSourceJars() throws Exception {
        Path bridge = Files.createDirectories(tree.resolve("plugins/bridge/target"));
        Path dual = Files.createDirectories(tree.resolve("plugins/dual-nic/target"));
        Files.createDirectories(tree.resolve("plugins/unbuilt"));
        Files.writeString(bridge.resolve("vzbridge-plugin-bridge-0.1.0.jar"), "");
        Files.writeString(bridge.resolve("vzbridge-plugin-bridge-0.1.0-tests.jar"), "");
        Files.writeString(bridge.resolve("vzbridge-plugin-bridge-0.1.0-sources.jar"), "");
        Files.writeString(bridge.resolve("other.jar"), "");
        Files.writeString(dual.resolve("vzbridge-plugin-dual-nic-0.1.0.jar"), "");
        assertEquals(List.of(bridge.resolve("vzbridge-plugin-bridge-0.1.0.jar"), dual.resolve("vzbridge-plugin-dual-nic-0.1.0.jar")),
            PluginSources.buildJars(tree.resolve("plugins")));
    }

    @Test
    void theInstallationsFolderComesFirst() throws Exception {
        Files.createDirectories(tree.resolve("plugins"));
        String before = System.getProperty(PluginSources.HOME_PROPERTY);
        System.setProperty(PluginSources.HOME_PROPERTY, tree.toString());
        try {
            assertEquals(List.of(tree.resolve("plugins"), Path.of("/extra")), PluginSources.directories(List.of(Path.of("/extra"))));
            assertEquals(false, PluginSources.developmentMode());
        } finally {
            if (before == null) System.clearProperty(PluginSources.HOME_PROPERTY);
            else System.setProperty(PluginSources.HOME_PROPERTY, before);
        }
    }
}
