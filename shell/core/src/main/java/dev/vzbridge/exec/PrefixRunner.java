package dev.vzbridge.exec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Puts a fixed prefix before every command, e.g. {@code ip netns exec NODE}. */
public final class PrefixRunner implements CommandRunner {
    private final List<String> prefix;
    private final CommandRunner inner;

    public PrefixRunner(List<String> prefix, CommandRunner inner) {
        this.prefix = List.copyOf(prefix);
        this.inner = inner;
    }

    public static PrefixRunner inNetns(String netns, CommandRunner inner) {
        return new PrefixRunner(List.of("ip", "netns", "exec", netns), inner);
    }

    @Override
    public ExecResult run(List<String> argv, String stdin, Duration timeout) {
        ExecResult r = inner.run(through(prefix, argv), stdin, timeout);
        // Report the command as the planner wrote it; the prefix is plumbing.
        return new ExecResult(argv, r.exitCode(), r.stdout(), r.stderr(), r.timedOut());
    }

    @Override
    public Optional<ExecResult> runWithin(List<String> argv, Duration window, Duration timeout) {
        return inner.runWithin(through(prefix, argv), window, timeout)
            .map(r -> new ExecResult(argv, r.exitCode(), r.stdout(), r.stderr(), r.timedOut()));
    }

    /**
     * What runs for argv behind prefix. Under {@code ip netns exec NS}, an {@code ip}
     * command becomes {@code ip -n NS …}: one process instead of two. One that names
     * its own namespace already ({@code ip -n CT …}) runs as it is, namespace names
     * being the same from everywhere. Everything else keeps the prefix.
     */
    public static List<String> through(List<String> prefix, List<String> argv) {
        List<String> full = new ArrayList<>();
        if (isNetnsExec(prefix) && !argv.isEmpty() && argv.get(0).equals("ip")) {
            if (argv.size() > 1 && isNetnsOption(argv.get(1))) return List.copyOf(argv);
            full.addAll(List.of("ip", "-n", prefix.get(3)));
            full.addAll(argv.subList(1, argv.size()));
            return full;
        }
        full.addAll(prefix);
        full.addAll(argv);
        return full;
    }

    private static boolean isNetnsExec(List<String> prefix) {
        return prefix.size() == 4 && prefix.subList(0, 3).equals(List.of("ip", "netns", "exec"));
    }

    private static boolean isNetnsOption(String word) {
        return word.equals("-n") || word.equals("-netns");
    }

    public List<String> prefix() {
        return prefix;
    }

    public CommandRunner inner() {
        return inner;
    }
}
