package dev.vzbridge.lab;

import dev.vzbridge.api.tools.OpenVz;
import dev.vzbridge.exec.CommandRunner;
import dev.vzbridge.exec.PrefixRunner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * The bash vzctl/vzlist emulator (resources, vzctl-emulator/) for a lab: its
 * containers are the lab's CT namespaces, its config files live under {@code root},
 * and it behaves as legacy vzctl or as vzctl 7 ({@code --lab --openvz 7}).
 * The runner puts the emulator first on PATH for its commands only (through env(1)),
 * so nothing else in the JVM or on the machine sees a fake vzctl.
 */
public final class LabVzctlEmulator {
    private final Path bin;
    private final Path root;
    private final String netnsPattern;
    private final OpenVz openvz;

    private LabVzctlEmulator(Path bin, Path root, String netnsPattern, OpenVz openvz) {
        this.bin = bin;
        this.root = root;
        this.netnsPattern = netnsPattern;
        this.openvz = openvz;
    }

    public static LabVzctlEmulator install(Lab lab, Path root) {
        return install(lab, root, OpenVz.LEGACY);
    }

    /** Copies the emulator out of the (test-)classpath into an executable directory under {@code root}. */
    public static LabVzctlEmulator install(Lab lab, Path root, OpenVz openvz) {
        try {
            Path bin = Files.createDirectories(root.resolve(".vzctl-emulator-bin"));
            for (String tool : List.of("vzctl", "vzlist")) {
                try (InputStream in = LabVzctlEmulator.class.getResourceAsStream("/vzctl-emulator/" + tool)) {
                    if (in == null) throw new IllegalStateException("vzctl-emulator/" + tool + " is missing from the build");
                    Path target = bin.resolve(tool);
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
            return new LabVzctlEmulator(bin, root, lab.ctNetnsPattern(), openvz);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path bin() {
        return bin;
    }

    public Path root() {
        return root;
    }

    /** env(1) words that select this emulator: PATH with it first, its namespace pattern and root. */
    public List<String> envPrefix() {
        return List.of("env", "PATH=" + bin + ":" + System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin"),
            "VZCTL_EMU_NETNS=" + netnsPattern, "VZCTL_EMU_ROOT=" + root, "VZCTL_EMU_OPENVZ=" + openvz.word());
    }

    /** Wraps a runner (e.g. the lab's node runner) so vzctl and vzlist resolve to the emulator. */
    public CommandRunner wrap(CommandRunner inner) {
        return new PrefixRunner(envPrefix(), inner);
    }
}
