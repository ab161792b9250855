package dev.vzbridge.exec;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Makes chosen commands fail without running them, to prove rollback: the k-th
 * command (counting from 1) or every command whose rendered argv matches a pattern.
 * The engine also asks it before file actions ({@link #injectFor}), so "the k-th
 * action" counts every action of a plan.
 * Failures only apply while {@link #arm armed}, so rollback actions run for real.
 */
public final class FailureInjectingRunner implements CommandRunner {
    public static final String INJECTED = "injected failure";

    private final CommandRunner inner;
    private final int failAt;
    private final Pattern pattern;
    private final AtomicInteger count = new AtomicInteger();
    private final Runnable onHit;
    private volatile boolean armed = true;
    private volatile int injected;

    private FailureInjectingRunner(CommandRunner inner, int failAt, Pattern pattern, Runnable onHit) {
        this.inner = inner;
        this.failAt = failAt;
        this.pattern = pattern;
        this.onHit = onHit;
    }

    /**
     * Instead of failing the k-th action, calls {@code onHit} first (e.g. one that
     * halts or blocks the process, to simulate a crash right before that action).
     */
    public static FailureInjectingRunner stoppingAt(int k, Runnable onHit, CommandRunner inner) {
        return new FailureInjectingRunner(inner, k, null, onHit);
    }

    /** Fails the k-th command run through this runner (1-based), once. */
    public static FailureInjectingRunner failingNth(int k, CommandRunner inner) {
        return new FailureInjectingRunner(inner, k, null, null);
    }

    /** Fails every command whose argv, joined with spaces, contains a match of regex. */
    public static FailureInjectingRunner failingMatching(String regex, CommandRunner inner) {
        return new FailureInjectingRunner(inner, -1, Pattern.compile(regex), null);
    }

    @Override
    public ExecResult run(List<String> argv, String stdin, Duration timeout) {
        if (armed && shouldFail(argv)) {
            injected++;
            if (onHit != null) onHit.run();
            return new ExecResult(argv, 1, "", INJECTED + ": " + String.join(" ", argv), false);
        }
        return inner.run(argv, stdin, timeout);
    }

    /**
     * For actions that run no program (file writes): counts them like commands and
     * returns the failure message when this one is to fail, else null.
     */
    public String injectFor(String renderedAction) {
        List<String> words = List.of(renderedAction.split(" "));
        if (armed && shouldFail(words)) {
            injected++;
            if (onHit != null) onHit.run();
            return INJECTED + ": " + renderedAction;
        }
        return null;
    }

    /** The failure injector in a stack of decorators, or null. */
    public static FailureInjectingRunner find(CommandRunner runner) {
        CommandRunner r = runner;
        while (r != null) {
            if (r instanceof FailureInjectingRunner f) return f;
            r = r instanceof PrefixRunner p ? p.inner() : null;
        }
        return null;
    }

    private boolean shouldFail(List<String> argv) {
        if (pattern != null) return pattern.matcher(String.join(" ", argv)).find();
        return count.incrementAndGet() == failAt;
    }

    /** Turns injection on or off (off: every command runs for real). */
    public void arm(boolean on) {
        armed = on;
    }

    /** How many commands were made to fail so far. */
    public int injected() {
        return injected;
    }

    /** How many commands were counted (pattern mode does not count). */
    public int seen() {
        return count.get();
    }

    public CommandRunner inner() {
        return inner;
    }
}
