package dev.vzbridge.host;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The set-up script, the .deb and the .rpm install exactly the packages the
 * prerequisite check names, so that a machine set up either way passes it.
 */
class HostToolPackagesTest {
    private static final Path REPO = Path.of("").toAbsolutePath().getParent().getParent();

    private static Set<String> packagesOf(Distribution.Family family) {
        return Arrays.stream(HostTool.values()).filter(t -> !t.isContainerRuntime())
            .map(t -> t.packageOn(family)).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> words(String text) {
        return new TreeSet<>(Arrays.asList(text.trim().split("[\\s,]+")));
    }

    private static String shellVariable(String script, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "=\"([^\"]*)\"").matcher(script);
        assertTrue(m.find(), "setup defines " + name);
        return m.group(1);
    }

    @Test
    void setupScriptInstallsWhatThePrerequisiteCheckAsksFor() throws IOException {
        String setup = Files.readString(REPO.resolve("setup"));
        assertEquals(packagesOf(Distribution.Family.DEB), words(shellVariable(setup, "deb_tools")));
        assertEquals(packagesOf(Distribution.Family.RPM), words(shellVariable(setup, "rpm_tools")));
    }

    @Test
    void debDependsAndRecommendsNameTheSamePackages() throws IOException {
        String control = Files.readString(REPO.resolve("distribution/src/deb/control/control"));
        Set<String> declared = new LinkedHashSet<>();
        for (String field : List.of("Depends", "Recommends")) {
            Matcher m = Pattern.compile("(?m)^" + field + ": (.*)$").matcher(control);
            assertTrue(m.find(), "control has " + field);
            for (String alt : m.group(1).split(",")) declared.add(alt.trim().split("[\\s(|]")[0]);
        }
        declared.removeIf(p -> p.startsWith("default-jre"));
        assertEquals(packagesOf(Distribution.Family.DEB), new TreeSet<>(declared));
    }

    @Test
    void rpmRequiresAndRecommendsNameTheSamePackages() throws IOException {
        String pom = Files.readString(REPO.resolve("distribution/pom.xml"));
        Set<String> declared = new TreeSet<>();
        Matcher m = Pattern.compile("<(?:require|recommend)>([^<\\s]+)").matcher(pom);
        while (m.find()) declared.add(m.group(1));
        declared.removeIf(p -> p.startsWith("java"));
        assertEquals(packagesOf(Distribution.Family.RPM), declared);
    }
}
