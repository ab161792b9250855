package dev.vzbridge.testkit;

import dev.vzbridge.exec.CommandRunner;
import dev.vzbridge.exec.ExecResult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Passes every command on and remembers it (argv and result), in order. */
public final class RecordingRunner implements CommandRunner {
    private final CommandRunner inner;
    private final List<ExecResult> results = Collections.synchronizedList(new ArrayList<>());
    private final List<String> stdins = Collections.synchronizedList(new ArrayList<>());

    public RecordingRunner(CommandRunner inner) {
        this.inner = inner;
    }

    @Override
    public ExecResult run(List<String> argv, String stdin, Duration timeout) {
        ExecResult r = inner.run(argv, stdin, timeout);
        synchronized (results) {
            results.add(r);
            stdins.add(stdin);
        }
        return r;
    }

    public List<ExecResult> results() {
        synchronized (results) {
            return List.copyOf(results);
        }
    }

    /** Each command as one line, words joined by spaces. */
    public List<String> commands() {
        return results().stream().map(r -> String.join(" ", r.argv())).toList();
    }

    /** What each command was given on standard input (null for none), in the order of {@link #commands}. */
    public List<String> stdins() {
        synchronized (results) {
            return java.util.Collections.unmodifiableList(new ArrayList<>(stdins));
        }
    }

    public CommandRunner inner() {
        return inner;
    }
}
