package dev.vzbridge.host;

import dev.vzbridge.api.command.UsageException;
import dev.vzbridge.api.tools.OpenVz;
import dev.vzbridge.exec.CommandRunner;
import dev.vzbridge.exec.ExecResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** --openvz auto decides from the node's files and vzctl --version; the reason is kept for show. */
class PlatformTest {
    @TempDir
    Path root;

    private final List<List<String>> ran = new ArrayList<>();

    private CommandRunner vzctlSays(int exit, String out) {
        return (argv, stdin, timeout) -> {
            ran.add(argv);
            return new ExecResult(argv, exit, out, exit == 0 ? "" : "vzctl: command not found", false);
        };
    }

    @Test
    void libvzctlDirectoryMeansOpenVz7WithoutRunningAnything() throws Exception {
        Files.createDirectories(root.resolve("usr/libexec/libvzctl"));
        Platform p = Platform.detect(vzctlSays(0, "vzctl version 4.9.4\n"), new RootFileView(root));
        assertEquals(OpenVz.SEVEN, p.openvz());
        assertEquals("platform: OpenVZ 7 (/usr/libexec/libvzctl exists (libvzctl))", p.describe());
        assertEquals(List.of(), ran);
    }

    @Test
    void vzctlMajorVersionDecides() {
        assertEquals(new Platform(OpenVz.SEVEN, "vzctl --version says 7.0.262"),
            Platform.detect(vzctlSays(0, "vzctl version 7.0.262\n"), new RootFileView(root)));
        assertEquals(List.of(List.of("vzctl", "--version")), ran);
        assertEquals(new Platform(OpenVz.LEGACY, "vzctl --version says 4.9.4"),
            Platform.detect(vzctlSays(0, "vzctl version 4.9.4\n"), new RootFileView(root)));
        assertEquals(OpenVz.LEGACY, Platform.detect(vzctlSays(127, ""), new RootFileView(root)).openvz());
        assertEquals(OpenVz.LEGACY, Platform.detect(vzctlSays(0, "something else\n"), new RootFileView(root)).openvz());
    }

    @Test
    void choices() {
        assertEquals("auto", Platform.checkChoice(null));
        assertEquals("7", Platform.checkChoice("7"));
        assertEquals("legacy", Platform.checkChoice("legacy"));
        assertEquals("--openvz must be auto, legacy or 7, not '6'",
            assertThrows(UsageException.class, () -> Platform.checkChoice("6")).getMessage());
        assertEquals("platform: legacy OpenVZ (chosen with --openvz legacy)", Platform.chosen(OpenVz.LEGACY).describe());
    }
}
