package dev.vzbridge.testkit;

import dev.vzbridge.engine.ActionFailedException;
import dev.vzbridge.engine.FileActions;
import dev.vzbridge.engine.Node;
import dev.vzbridge.exec.CommandRunner;
import dev.vzbridge.exec.ExecResult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Makes chosen actions fail without running them, to prove rollback: the k-th
 * (counting from 1) or every one whose rendered argv matches a pattern. As a runner
 * it fails commands (each line of an ip -batch counts as the command it stands for);
 * as the node's file-action wrapper ({@link #on}) it counts and fails file actions
 * too, so "the k-th action" counts every action of a plan.
 * Failures only apply while {@link #arm armed}.
 *
 * <pre>{@code
 * FailureInjectingRunner fail = FailureInjectingRunner.failingNth(3, runner);
 * Node node = fail.on(new Node(fail, root, probe, runtime));
 * }</pre>
 */
public final class FailureInjectingRunner implements CommandRunner, FileActions.Wrapper {
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
        if (armed && stdin != null && isIpBatch(argv)) return runBatch(argv, stdin, timeout);
        if (armed && shouldFail(argv)) {
            injected++;
            if (onHit != null) onHit.run();
            return new ExecResult(argv, 1, "", INJECTED + ": " + String.join(" ", argv), false);
        }
        return inner.run(argv, stdin, timeout);
    }

    /**
     * An ip -batch counts each of its lines as the command it stands for. The lines before
     * one that is to fail run (as a batch), then it fails the way ip reports a failed line;
     * with {@code onHit}, the process stops right there, mid-batch. Under {@code -force} (a
     * rollback's undos) ip goes on after a failed line, and so does this: the rest run too.
     */
    private ExecResult runBatch(List<String> argv, String stdin, Duration timeout) {
        boolean force = argv.contains("-force");
        List<String> lines = stdin.lines().toList();
        List<String> head = new ArrayList<>(argv.subList(0, argv.size() - 2)); // ip [-n NS]
        head.remove("-force");
        StringBuilder err = new StringBuilder();
        boolean failed = false;
        int from = 0; // the first line not yet run or failed
        for (int i = 0; i < lines.size(); i++) {
            List<String> command = new ArrayList<>(head);
            command.addAll(List.of(lines.get(i).split(" ")));
            if (!shouldFail(command)) continue;
            injected++;
            if (i > from) {
                ExecResult r = inner.run(argv, String.join("\n", lines.subList(from, i)) + "\n", timeout);
                if (!r.ok() && !force) return r;
                if (!r.ok() && r.exitCode() != 1) return r; // ip stopped without accounting for its lines
                failed |= !r.ok();
                err.append(renumbered(r.stderr(), from));
            }
            if (onHit != null) onHit.run();
            String said = INJECTED + ": " + String.join(" ", command) + "\nCommand failed -:" + (i + 1) + "\n";
            if (!force) return new ExecResult(argv, 1, "", said, false);
            err.append(said);
            failed = true;
            from = i + 1;
        }
        if (!force || from == 0) return inner.run(argv, stdin, timeout);
        if (from < lines.size()) {
            ExecResult r = inner.run(argv, String.join("\n", lines.subList(from, lines.size())) + "\n", timeout);
            if (!r.ok() && r.exitCode() != 1) return r;
            failed |= !r.ok();
            err.append(renumbered(r.stderr(), from));
        }
        return new ExecResult(argv, failed ? 1 : 0, "", err.toString(), false);
    }

    /** ip's "Command failed -:N" of a batch that began at line {@code offset} of the whole. */
    private static String renumbered(String stderr, int offset) {
        java.util.regex.Matcher m = Pattern.compile("(?m)^Command failed -:(\\d+)$").matcher(stderr);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, "Command failed -:" + (Integer.parseInt(m.group(1)) + offset));
        m.appendTail(out);
        return out.toString();
    }

    private static boolean isIpBatch(List<String> argv) {
        int n = argv.size();
        return n >= 3 && argv.get(0).equals("ip") && argv.get(n - 2).equals("-batch") && argv.get(n - 1).equals("-");
    }

    /** The node with its file actions counted and failed by this injector (its commands too when it is the runner). */
    public Node on(Node node) {
        return node.withFiles(this);
    }

    @Override
    public FileActions wrap(FileActions plain) {
        return (action, stepBackup) -> {
            List<String> words = List.of(action.render().split(" "));
            if (armed && shouldFail(words)) {
                injected++;
                if (onHit != null) onHit.run();
                throw new ActionFailedException(INJECTED + ": " + action.render());
            }
            plain.run(action, stepBackup);
        };
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
