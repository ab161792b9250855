package dev.vzbridge.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The command indexes of the plugins PluginLoader would load, read from their jars
 * without loading them: what 'help' needs to list every command. Whenever loading
 * could say more than the index (a folder or jar that is refused, a zip, a jar
 * without an index, a version or dependency to check, an id seen twice), the
 * answer is empty and the caller loads the plugins as usual.
 */
public final class PluginIndexes {
    /** One plugin's id and its index text. */
    public record Indexed(String pluginId, String index) {
    }

    private final DirectoryPolicy policy;
    private final String systemVersion;
    private final String resource;

    /** @param resource where a plugin jar keeps its index */
    public PluginIndexes(DirectoryPolicy policy, String systemVersion, String resource) {
        this.policy = policy;
        this.systemVersion = systemVersion;
        this.resource = resource;
    }

    /** @return every plugin's index, in the order PluginLoader loads them; empty to mean "load them" */
    public Optional<List<Indexed>> read(List<Path> directories, List<Path> buildJars) {
        List<Indexed> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try {
            for (Path dir : directories) {
                if (!Files.isDirectory(dir) || policy.problem(dir).isPresent()) return Optional.empty();
                List<Path> files;
                try (Stream<Path> list = Files.list(dir)) {
                    files = list.filter(Files::isRegularFile)
                        .filter(p -> p.toString().endsWith(".jar") || p.toString().endsWith(".zip")).sorted().toList();
                }
                for (Path file : files) {
                    if (policy.problem(file).isPresent()) return Optional.empty();
                    Optional<Indexed> one = readJar(file);
                    if (one.isEmpty() || !ids.add(one.get().pluginId())) return Optional.empty();
                    out.add(one.get());
                }
            }
            for (Path jar : buildJars) {
                if (policy.problem(jar.getParent()).filter(p -> !p.contains("group-writable")).isPresent()
                    || policy.problem(jar).filter(p -> !p.contains("group-writable")).isPresent()) return Optional.empty();
                Optional<Indexed> one = readJar(jar);
                if (one.isEmpty() || !ids.add(one.get().pluginId())) return Optional.empty();
                out.add(one.get());
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.of(out);
    }

    private Optional<Indexed> readJar(Path file) throws IOException {
        if (!file.toString().endsWith(".jar")) return Optional.empty();
        try (JarFile jar = new JarFile(file.toFile())) {
            var manifest = jar.getManifest();
            var entry = jar.getJarEntry(resource);
            if (manifest == null || entry == null) return Optional.empty();
            Attributes main = manifest.getMainAttributes();
            String id = main.getValue("Plugin-Id");
            String dependencies = main.getValue("Plugin-Dependencies");
            if (id == null || id.isBlank() || dependencies != null && !dependencies.isBlank()
                || !fits(main.getValue("Plugin-Requires"))) return Optional.empty();
            try (InputStream in = jar.getInputStream(entry)) {
                return Optional.of(new Indexed(id.strip(), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
    }

    /** Only the plain forms are read here: none, "*", or ">=X.Y.Z" with X.Y.Z not above this version. */
    public boolean fits(String requires) {
        if (requires == null || requires.isBlank() || requires.strip().equals("*")) return true;
        String r = requires.strip();
        if (!r.matches(">=\\s*\\d+\\.\\d+\\.\\d+") || systemVersion == null || !systemVersion.matches("\\d+\\.\\d+\\.\\d+.*"))
            return false;
        int[] wanted = numbers(r.substring(2).strip());
        int[] have = numbers(systemVersion.replaceAll("-.*", ""));
        for (int i = 0; i < 3; i++) if (wanted[i] != have[i]) return wanted[i] < have[i];
        return true;
    }

    private static int[] numbers(String version) {
        String[] parts = version.split("\\.");
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2].replaceAll("\\D.*", ""))};
    }
}
