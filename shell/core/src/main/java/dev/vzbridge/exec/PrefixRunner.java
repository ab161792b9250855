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

    public CommandRunner inner() {
        return inner;
    }

    /**
     * The prefix that reaches the node through a stack of decorators, e.g.
     * [ip, netns, exec, NS]; empty when commands run directly.
     */
    public static List<String> prefixOf(CommandRunner runner) {
        List<String> out = new ArrayList<>();
        CommandRunner r = runner;
        while (r != null) {
            if (r instanceof PrefixRunner p) {
                out.addAll(p.prefix);
                r = p.inner;
            } else if (r instanceof FailureInjectingRunner f) {
                r = f.inner();
            } else if (r instanceof RecordingRunner rec) {
                r = rec.inner();
            } else {
                r = null;
            }
        }
        return out;
    }
}
