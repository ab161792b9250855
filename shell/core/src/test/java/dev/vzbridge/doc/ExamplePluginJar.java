package dev.vzbridge.doc;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Builds the jar that {@code examples/hello-plugin} builds, from its own sources and
 * pom: compiled against the API on this classpath with PF4J's annotation processor,
 * with the manifest entries its pom declares. (The example is a standalone project;
 * the reactor does not build it, so this keeps it honest.)
 */
public final class ExamplePluginJar {
    private ExamplePluginJar() {
    }

    static Path exampleDir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path example = dir.resolve("examples/hello-plugin");
            if (Files.exists(example.resolve("pom.xml"))) return example;
        }
        throw new IllegalStateException("examples/hello-plugin not found above " + Path.of("").toAbsolutePath());
    }

    /** Compiles the example into {@code work} and returns the plugin jar. */
    public static Path build(Path work) throws IOException {
        Path example = exampleDir();
        Path classes = Files.createDirectories(work.resolve("classes"));
        List<String> args = new ArrayList<>(List.of("--release", "17", "-d", classes.toString(),
            "-cp", System.getProperty("java.class.path"),
            "-processor", "org.pf4j.processor.ExtensionAnnotationProcessor"));
        try (Stream<Path> sources = Files.walk(example.resolve("src/main/java"))) {
            sources.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, args.toArray(String[]::new));
        if (rc != 0) throw new IllegalStateException("example plugin does not compile (javac exit " + rc + ")");

        String pom = Files.readString(example.resolve("pom.xml"));
        String version = first(pom, "<version>([^<]+)</version>");
        String artifactId = first(pom, "<artifactId>(vzbridge-plugin-[^<]+)</artifactId>");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        Matcher entry = Pattern.compile("<(Plugin-[A-Za-z]+)>([^<]*)</\\1>").matcher(pom);
        while (entry.find()) {
            String value = entry.group(2).replace("${project.version}", version).replace("&gt;", ">").replace("&lt;", "<");
            manifest.getMainAttributes().putValue(entry.group(1), value);
        }
        Path jar = work.resolve(artifactId + "-" + version + ".jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    private static String first(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) throw new IllegalStateException("pom has no " + regex);
        return m.group(1);
    }
}
