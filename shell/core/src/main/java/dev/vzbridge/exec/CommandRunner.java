package dev.vzbridge.exec;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Runs host programs from argv lists, never through a shell. A non-zero exit is
 * reported in the result, not thrown; only failing to start at all throws.
 */
public interface CommandRunner {
    Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    ExecResult run(List<String> argv, String stdin, Duration timeout);

    default ExecResult run(List<String> argv) {
        return run(argv, null, DEFAULT_TIMEOUT);
    }

    default ExecResult run(String... argv) {
        return run(List.of(argv));
    }

    /**
     * Runs a prober that prints a line when it sends and exits when it hears an answer:
     * once its first line is out, it gets {@code window} to finish. Still running then, it
     * is stopped and the answer is empty: it heard nothing in the window. A program that
     * prints nothing is waited for until it exits or {@code timeout} passes.
     */
    default Optional<ExecResult> runWithin(List<String> argv, Duration window, Duration timeout) {
        return Optional.of(run(argv, null, timeout));
    }
}
