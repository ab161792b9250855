package dev.vzbridge.lab;

import dev.vzbridge.exec.CommandRunner;
import dev.vzbridge.exec.ExecResult;

import java.util.List;

/** Named network namespaces as `ip netns list` shows them. */
public final class Netns {
    private Netns() {
    }

    public static List<String> list(CommandRunner runner) {
        ExecResult r = runner.run("ip", "netns", "list");
        if (!r.ok()) throw new IllegalStateException("ip netns list: " + r.problem());
        return parse(r.stdout());
    }

    /** Lines are "NAME" or "NAME (id: N)". */
    public static List<String> parse(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty())
            .map(l -> l.split("\\s+", 2)[0]).toList();
    }

    public static boolean exists(CommandRunner runner, String name) {
        return list(runner).contains(name);
    }
}
