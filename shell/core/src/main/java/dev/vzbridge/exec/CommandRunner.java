package dev.vzbridge.exec;

import java.time.Duration;
import java.util.List;

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
}
