package dev.vzbridge.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Which family of distribution this machine is, for naming packages and the command that installs them. */
public final class Distribution {
    /** DEB: Debian, Ubuntu and derivatives (apt-get). RPM: RHEL, CentOS, Fedora, Alma, Rocky… (dnf). */
    public enum Family {
        DEB("apt-get install"), RPM("dnf install"), UNKNOWN(null);

        private final String installCommand;

        Family(String installCommand) {
            this.installCommand = installCommand;
        }

        /** "apt-get install PKG…", or for an unknown family a hint naming both families' packages. */
        public String install(List<HostTool> tools) {
            if (installCommand != null)
                return installCommand + " " + String.join(" ", tools.stream().map(t -> t.packageOn(this)).distinct().toList());
            return "install " + String.join(", ", tools.stream().map(t -> t.packageOn(DEB) + " (Debian/Ubuntu) or "
                + t.packageOn(RPM) + " (RHEL family)").distinct().toList());
        }
    }

    private Distribution() {
    }

    /** This machine's family, from /etc/os-release (ID and ID_LIKE). */
    public static Family local() {
        return of(Path.of("/etc/os-release"));
    }

    static Family of(Path osRelease) {
        try {
            return fromOsRelease(Files.readString(osRelease));
        } catch (IOException | RuntimeException e) {
            return Family.UNKNOWN;
        }
    }

    static Family fromOsRelease(String text) {
        StringBuilder ids = new StringBuilder();
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.startsWith("ID=") || l.startsWith("ID_LIKE=")) ids.append(' ').append(l.substring(l.indexOf('=') + 1).replace("\"", "").replace("'", ""));
        }
        List<String> words = Arrays.asList(ids.toString().toLowerCase(Locale.ROOT).trim().split("\\s+"));
        if (words.contains("debian") || words.contains("ubuntu")) return Family.DEB;
        if (words.stream().anyMatch(w -> List.of("rhel", "fedora", "centos", "rocky", "almalinux", "ol", "virtuozzo").contains(w)))
            return Family.RPM;
        return Family.UNKNOWN;
    }
}
