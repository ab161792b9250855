package dev.vzbridge.plugins;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where plugins come from: the installation's {@code plugins/} (system property
 * {@code vzbridge.home}), every {@code --plugins DIR}, and, when running from a
 * build tree (no {@code vzbridge.home}), the build's own
 * {@code plugins/NAME/target/vzbridge-plugin-*.jar}, used in place.
 */
public final class PluginSources {
    public static final String HOME_PROPERTY = "vzbridge.home";

    private PluginSources() {
    }

    /** Plugin folders to scan: the installation's, then the ones given with --plugins. */
    public static List<Path> directories(List<Path> extra) {
        List<Path> dirs = new ArrayList<>();
        String home = System.getProperty(HOME_PROPERTY);
        if (home != null && !home.isBlank()) {
            Path installed = Path.of(home, "plugins");
            if (Files.isDirectory(installed)) dirs.add(installed);
        }
        dirs.addAll(extra);
        return dirs;
    }

    /** True when no installation is known, i.e. the shell runs from a build tree. */
    public static boolean developmentMode() {
        String home = System.getProperty(HOME_PROPERTY);
        return home == null || home.isBlank();
    }

    /**
     * The plugin jars of the source tree that contains the current directory or the
     * shell's own classes (e.g. shell/core/target/classes), newest build output in place.
     */
    public static List<Path> developmentJars() {
        Set<Path> starts = new LinkedHashSet<>();
        starts.add(Path.of("").toAbsolutePath());
        ownLocation().ifPresent(starts::add);
        for (Path start : starts) {
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                List<Path> jars = buildJars(dir.resolve("plugins"));
                if (!jars.isEmpty() && Files.exists(dir.resolve("pom.xml"))) return jars;
            }
        }
        return List.of();
    }

    static List<Path> buildJars(Path pluginsTree) {
        if (!Files.isDirectory(pluginsTree)) return List.of();
        List<Path> jars = new ArrayList<>();
        try (Stream<Path> modules = Files.list(pluginsTree)) {
            for (Path module : modules.sorted().toList()) {
                Path target = module.resolve("target");
                if (!Files.isDirectory(target)) continue;
                try (Stream<Path> files = Files.list(target)) {
                    files.filter(PluginSources::isPluginJar).sorted().forEach(jars::add);
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return jars;
    }

    private static boolean isPluginJar(Path p) {
        String name = p.getFileName().toString();
        return name.startsWith("vzbridge-plugin-") && name.endsWith(".jar")
            && !name.endsWith("-tests.jar") && !name.endsWith("-sources.jar") && !name.endsWith("-javadoc.jar")
            && Files.isRegularFile(p);
    }

    private static Optional<Path> ownLocation() {
        try {
            var source = PluginSources.class.getProtectionDomain().getCodeSource();
            if (source == null) return Optional.empty();
            return Optional.of(Path.of(source.getLocation().toURI()).toAbsolutePath());
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
