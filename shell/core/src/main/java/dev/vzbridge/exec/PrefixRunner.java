package dev.vzbridge.exec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
        List<String> full = new ArrayList<>(prefix);
        full.addAll(argv);
        ExecResult r = inner.run(full, stdin, timeout);
        // Report the command as the planner wrote it; the prefix is plumbing.
        return new ExecResult(argv, r.exitCode(), r.stdout(), r.stderr(), r.timedOut());
    }

    public List<String> prefix() {
        return prefix;
    }
}
