package dev.vzbridge.plugins;

import dev.vzbridge.api.command.CommandProvider;
import picocli.CommandLine;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Builds a plugin jar the way a third party's build would: compiles a source from
 * test resources against the API with PF4J's annotation processor (which writes
 * META-INF/extensions.idx), and adds the PF4J manifest.
 */
final class TestPluginJars {
    private TestPluginJars() {
    }

    static Path build(Path workDir, String id, String version, String className) throws Exception {
        Path src = workDir.resolve(id + "-src");
        Path classes = workDir.resolve(id + "-classes");
        Files.createDirectories(classes);
        String simple = className.substring(className.lastIndexOf('.') + 1);
        Path source = src.resolve(simple + ".java");
        Files.createDirectories(src);
        try (InputStream in = TestPluginJars.class.getResourceAsStream("/testplugins/" + id + "/" + simple + ".java")) {
            if (in == null) throw new IllegalStateException("no test plugin source for " + id);
            Files.write(source, in.readAllBytes());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int rc = javac.run(null, diagnostics, diagnostics, "--release", "17", "-d", classes.toString(),
            "-classpath", classpath(), "-processor", "org.pf4j.processor.ExtensionAnnotationProcessor",
            source.toString());
        if (rc != 0) throw new IllegalStateException("javac failed: " + diagnostics.toString(StandardCharsets.UTF_8));
        if (!Files.exists(classes.resolve("META-INF/extensions.idx")))
            throw new IllegalStateException("the PF4J processor wrote no extensions.idx");
        Path jar = workDir.resolve("vzbridge-plugin-" + id + "-" + version + ".jar");
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Plugin-Id", id);
        main.putValue("Plugin-Version", version);
        main.putValue("Plugin-Provider", "tests");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                jarOut.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                jarOut.write(Files.readAllBytes(f));
                jarOut.closeEntry();
            }
        }
        return jar;
    }

    /**
     * The same plugin described the other way PF4J reads: a plugin.properties, and a
     * manifest that names no plugin.
     */
    static Path withPluginProperties(Path jar, Path workDir) throws IOException {
        Path out = workDir.resolve("props-" + jar.getFileName());
        try (java.util.jar.JarFile in = new java.util.jar.JarFile(jar.toFile())) {
            Attributes plugin = in.getManifest().getMainAttributes();
            Manifest bare = new Manifest();
            bare.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            String properties = "plugin.id=" + plugin.getValue("Plugin-Id") + "\nplugin.version=" + plugin.getValue("Plugin-Version")
                + "\nplugin.provider=" + plugin.getValue("Plugin-Provider") + "\n";
            try (JarOutputStream jarOut = new JarOutputStream(Files.newOutputStream(out), bare)) {
                for (JarEntry e : java.util.Collections.list(in.entries())) {
                    if (e.getName().equals("META-INF/MANIFEST.MF")) continue;
                    jarOut.putNextEntry(new JarEntry(e.getName()));
                    jarOut.write(in.getInputStream(e).readAllBytes());
                    jarOut.closeEntry();
                }
                jarOut.putNextEntry(new JarEntry("plugin.properties"));
                jarOut.write(properties.getBytes(StandardCharsets.UTF_8));
                jarOut.closeEntry();
            }
        }
        return out;
    }

    private static String classpath() throws URISyntaxException {
        List<String> parts = new ArrayList<>();
        for (Class<?> c : List.of(CommandProvider.class, CommandLine.class, org.pf4j.Extension.class))
            parts.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        return String.join(java.io.File.pathSeparator, parts);
    }

    static void copy(Path jar, Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.copy(jar, dir.resolve(jar.getFileName()));
    }
}
