package dev.vzbridge.exec;

import java.util.List;

/** What a finished process left behind. */
public record ExecResult(List<String> argv, int exitCode, String stdout, String stderr, boolean timedOut) {
    public boolean ok() {
        return exitCode == 0 && !timedOut;
    }

    /** One line for error messages: the tool's own complaint, or its exit code. */
    public String problem() {
        if (timedOut) return "timed out";
        String msg = stderr.strip();
        if (msg.isEmpty()) msg = stdout.strip();
        if (msg.isEmpty()) return "exit code " + exitCode;
        return msg.lines().reduce((a, b) -> a + "; " + b).orElse(msg);
    }
}
