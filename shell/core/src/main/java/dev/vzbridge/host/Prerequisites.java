package dev.vzbridge.host;

import dev.vzbridge.api.command.UsageException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The programs a run needs on the node, checked before anything runs there: a
 * missing one is named with the package that provides it on this distribution,
 * and the command is refused (exit 2) rather than failing halfway with a message
 * that reads like a network fault.
 */
public final class Prerequisites {
    private Prerequisites() {
    }

    /**
     * @param legacy the legacy tool flavour (brctl/ifconfig/route) is in use
     * @param verify checks after applying run (ping)
     * @param dad    duplicate-address probes run (arping, line-buffered by stdbuf)
     * @param vzctl  the OpenVZ runtime was asked for by name (--runtime vzctl)
     */
    public static List<HostTool> needed(boolean legacy, boolean verify, boolean dad, boolean vzctl) {
        List<HostTool> out = new ArrayList<>(List.of(HostTool.SETSID, HostTool.IP));
        if (legacy) out.addAll(List.of(HostTool.BRCTL, HostTool.IFCONFIG, HostTool.ROUTE));
        if (verify) out.add(HostTool.PING);
        if (dad) out.addAll(List.of(HostTool.ARPING, HostTool.STDBUF));
        if (vzctl) out.addAll(List.of(HostTool.VZCTL, HostTool.VZLIST));
        return out;
    }

    /** Refuses with one line when any of {@code needed} is not installed. */
    public static void require(List<HostTool> needed, Predicate<String> installed, Distribution.Family family) {
        List<HostTool> missing = needed.stream().filter(t -> !installed.test(t.command())).toList();
        if (!missing.isEmpty()) throw new UsageException(message(missing, family));
    }

    /** Checks against this machine's PATH and distribution. */
    public static void require(List<HostTool> needed) {
        require(needed, Prerequisites::onPath, Distribution.local());
    }

    static String message(List<HostTool> missing, Distribution.Family family) {
        StringBuilder m = new StringBuilder();
        if (missing.size() == 1) {
            HostTool t = missing.get(0);
            m.append(t.command()).append(" is not installed (it ").append(t.purpose()).append(')');
        } else {
            m.append("missing tools: ").append(String.join(", ", missing.stream().map(HostTool::command).toList()));
        }
        m.append("; ").append(family.install(missing));
        List<String> lifts = new ArrayList<>();
        if (missing.contains(HostTool.PING)) lifts.add("--no-verify skips the checks that need ping");
        if (missing.contains(HostTool.ARPING)) lifts.add("--no-dad skips the probes that need arping");
        else if (missing.contains(HostTool.STDBUF)) lifts.add("--no-dad skips the probes that need stdbuf");
        if (missing.contains(HostTool.BRCTL) || missing.contains(HostTool.IFCONFIG) || missing.contains(HostTool.ROUTE))
            lifts.add("--tools iproute2 needs only ip");
        if (missing.contains(HostTool.VZCTL) || missing.contains(HostTool.VZLIST))
            lifts.add("--runtime netns works without OpenVZ");
        if (!lifts.isEmpty()) m.append(" (or ").append(String.join("; ", lifts)).append(')');
        return m.toString();
    }

    /** True when a directory on PATH (where the runner finds programs) holds an executable regular file of that name. */
    public static boolean onPath(String command) {
        String path = System.getenv("PATH");
        for (String d : (path == null ? "" : path).split(":")) {
            if (d.isEmpty()) continue;
            Path p = Path.of(d, command);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return true;
        }
        return false;
    }
}
