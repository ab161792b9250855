package dev.vzbridge.lab;

import dev.vzbridge.exec.CommandRunner;
import dev.vzbridge.exec.ExecResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * One file per live lab under /run/vzbridge-labs naming the owning process (PID and
 * start time, so a reused PID does not keep a dead lab's namespaces alive).
 */
final class LabMarkers {
    static final Path DIR = Path.of("/run/vzbridge-labs");

    private LabMarkers() {
    }

    static void write(String prefix) {
        ProcessHandle self = ProcessHandle.current();
        String text = "pid=" + self.pid() + "\nstart=" + startOf(self).orElse(0L) + "\n";
        try {
            Files.createDirectories(DIR);
            Files.writeString(DIR.resolve(prefix), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LabException("cannot write the lab marker in " + DIR + ": " + e.getMessage(), e);
        }
    }

    static void remove(String prefix) {
        try {
            Files.deleteIfExists(DIR.resolve(prefix));
        } catch (IOException ignored) {
            // a marker left behind only makes cleanLeftovers look at it again
        }
    }

    private static Optional<Long> startOf(ProcessHandle p) {
        return p.info().startInstant().map(i -> i.toEpochMilli());
    }

    /** True when the marker's process is still the one that wrote it. */
    static boolean ownerAlive(Path marker) {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(marker)) {
            p.load(in);
            long pid = Long.parseLong(p.getProperty("pid", "-1"));
            long start = Long.parseLong(p.getProperty("start", "0"));
            Optional<ProcessHandle> h = ProcessHandle.of(pid);
            if (h.isEmpty() || !h.get().isAlive()) return false;
            return start == 0 || startOf(h.get()).map(s -> s == start).orElse(true);
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    private static List<Path> markers() {
        if (!Files.isDirectory(DIR)) return List.of();
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(f -> f.getFileName().toString().startsWith(Lab.NAME_PREFIX)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Prefixes of labs whose process is gone. */
    static List<String> deadPrefixes() {
        return markers().stream().filter(m -> !ownerAlive(m)).map(m -> m.getFileName().toString()).toList();
    }

    static List<String> cleanLeftovers(CommandRunner runner) {
        List<Path> markers = markers();
        List<String> removed = new ArrayList<>();
        List<String> existing = null;
        for (Path marker : markers) {
            if (ownerAlive(marker)) continue;
            if (existing == null) existing = Netns.list(runner);
            String prefix = marker.getFileName().toString();
            for (String ns : existing) {
                if (!ns.startsWith(prefix + "-")) continue;
                ExecResult r = runner.run(List.of("ip", "netns", "del", ns), null, Duration.ofSeconds(10));
                if (r.ok()) removed.add(ns);
            }
            remove(prefix);
        }
        return removed;
    }
}
