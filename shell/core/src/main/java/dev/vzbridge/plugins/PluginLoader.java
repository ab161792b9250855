package dev.vzbridge.plugins;

import dev.vzbridge.api.command.CommandProvider;
import org.pf4j.CompoundPluginDescriptorFinder;
import org.pf4j.DefaultPluginManager;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PropertiesPluginDescriptorFinder;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.pf4j.util.FileUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Loads plugins through PF4J and collects their {@link CommandProvider}s. Every
 * problem (an untrusted folder, a jar PF4J cannot read, a plugin that fails to
 * start, an extension that throws) becomes one line for the admin; the rest loads.
 */
public final class PluginLoader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PluginLoader.class);

    /** A command provider and the plugin it came from. */
    public record Contribution(String pluginId, CommandProvider provider) {
    }

    private final DefaultPluginManager manager = new DefaultPluginManager() {
        @Override
        protected PluginDescriptorFinder createPluginDescriptorFinder() {
            return new CompoundPluginDescriptorFinder().add(new ManifestFirst()).add(new PropertiesPluginDescriptorFinder());
        }
    };

    /**
     * A plugin's manifest entries (what docs/plugins.md asks for) are read first; only a jar
     * whose manifest names no plugin is searched for a plugin.properties, which PF4J does by
     * opening the jar as a zip file system: 10–20 ms per jar on every start.
     */
    private static final class ManifestFirst extends ManifestPluginDescriptorFinder {
        @Override
        public PluginDescriptor find(Path pluginPath) {
            PluginDescriptor found = super.find(pluginPath);
            boolean named = found != null && found.getPluginId() != null && !found.getPluginId().isBlank();
            return named ? found : null;
        }
    }
    private final DirectoryPolicy policy;
    private final Consumer<String> warn;
    private final List<PluginInfo> infos = new ArrayList<>();
    private final List<Contribution> contributions = new ArrayList<>();

    public PluginLoader(DirectoryPolicy policy, Consumer<String> warn) {
        this.policy = policy;
        this.warn = message -> {
            LOG.warn(message);
            warn.accept(message);
        };
    }

    /** Tells PF4J which shell version plugins' Plugin-Requires is checked against. */
    public PluginLoader systemVersion(String version) {
        if (version != null && version.matches("\\d+\\.\\d+\\.\\d+.*")) manager.setSystemVersion(version.replaceAll("-.*", ""));
        return this;
    }

    /** Loads every jar and zip of a plugins folder, unless the folder is not trustworthy. */
    public PluginLoader loadDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            warn.accept("plugins folder " + dir + " does not exist; skipped");
            return this;
        }
        var problem = policy.problem(dir);
        if (problem.isPresent()) {
            warn.accept("refusing plugins folder: " + problem.get());
            return this;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(Files::isRegularFile)
                .filter(p -> p.toString().endsWith(".jar") || p.toString().endsWith(".zip")).sorted().toList();
        } catch (IOException e) {
            warn.accept("cannot read plugins folder " + dir + ": " + e.getMessage());
            return this;
        }
        files.forEach(f -> loadFile(f, true));
        return this;
    }

    /**
     * Loads plugin jars from a build tree. Group-writable build folders are common
     * (umask 002), so only owner and world-writability are checked there.
     */
    public PluginLoader loadBuildJars(List<Path> jars) {
        for (Path jar : jars) {
            var problem = policy.problem(jar.getParent()).filter(p -> !p.contains("group-writable"));
            if (problem.isPresent()) {
                warn.accept("refusing plugin " + jar + ": " + problem.get());
                continue;
            }
            loadFile(jar, false);
        }
        return this;
    }

    private void loadFile(Path file, boolean strict) {
        var problem = policy.problem(file).filter(p -> strict || !p.contains("group-writable"));
        if (problem.isPresent()) {
            warn.accept("refusing plugin " + file.getFileName() + ": " + problem.get());
            return;
        }
        String id;
        try {
            Path loadable = file.toString().endsWith(".zip") ? FileUtils.expandIfZip(file) : file;
            id = manager.loadPlugin(loadable);
        } catch (IOException | RuntimeException | LinkageError e) {
            LOG.error("cannot load plugin {}", file, e);
            warn.accept("cannot load plugin " + file.getFileName() + ": " + describe(e));
            infos.add(new PluginInfo(file.getFileName().toString(), "-", "FAILED", List.of(), file.toString(), describe(e)));
            return;
        }
        start(manager.getPlugin(id));
    }

    private void start(PluginWrapper plugin) {
        String id = plugin.getPluginId();
        String version = plugin.getDescriptor().getVersion();
        String path = String.valueOf(plugin.getPluginPath());
        PluginState state;
        try {
            state = manager.startPlugin(id);
        } catch (RuntimeException | LinkageError e) {
            state = PluginState.FAILED;
            plugin.setFailedException(e);
        }
        if (state != PluginState.STARTED) {
            Throwable cause = plugin.getFailedException();
            String why = cause == null ? "state " + state : describe(cause);
            if (cause != null) LOG.error("plugin {} did not start", id, cause);
            warn.accept("plugin " + id + " did not start: " + why);
            infos.add(new PluginInfo(id, version, state.toString(), List.of(), path, why));
            return;
        }
        String problem = collect(id);
        infos.add(new PluginInfo(id, version, state.toString(), List.of(), path, problem));
    }

    /** @return a problem to show in 'plugin list', or null */
    private String collect(String id) {
        List<Class<? extends CommandProvider>> classes;
        try {
            classes = manager.getExtensionClasses(CommandProvider.class, id);
        } catch (RuntimeException e) {
            LOG.error("cannot list extensions of {}", id, e);
            warn.accept("plugin " + id + ": cannot list its commands: " + describe(e));
            return describe(e);
        }
        if (classes.isEmpty()) {
            String why = "contributes no commands (no CommandProvider extension in META-INF/extensions.idx)";
            warn.accept("plugin " + id + " " + why);
            return why;
        }
        String problem = null;
        for (Class<? extends CommandProvider> type : classes) {
            try {
                CommandProvider provider = (CommandProvider) manager.getExtensionFactory().create(type);
                if (provider == null) throw new IllegalStateException("extension factory returned nothing");
                contributions.add(new Contribution(id, provider));
            } catch (RuntimeException | LinkageError e) {
                LOG.error("cannot create {} of plugin {}", type.getName(), id, e);
                problem = "cannot create " + type.getSimpleName() + ": " + describe(e);
                warn.accept("plugin " + id + ": " + problem);
            }
        }
        return problem;
    }

    public List<Contribution> contributions() {
        return List.copyOf(contributions);
    }

    public List<PluginInfo> infos() {
        return List.copyOf(infos);
    }

    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return dev.vzbridge.api.command.ErrorText.of(root);
    }

    @Override
    public void close() {
        try {
            manager.unloadPlugins(); // stops each plugin first; stopPlugins() trips over its own list
        } catch (RuntimeException e) {
            LOG.warn("cannot unload plugins", e);
        }
    }
}
