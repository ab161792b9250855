package dev.vzbridge.exec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A prober's run: it prints when its probe goes out and exits when it hears an answer.
 * The programs here are small sh scripts standing in for such a prober.
 */
class ProcessRunnerWithinTest {
    private final ProcessRunner runner = new ProcessRunner();
    private static final Duration WINDOW = Duration.ofMillis(200);
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private static List<String> sh(String script) {
        return List.of("sh", "-c", script);
    }

    @Test
    void aProberStillWaitingWhenTheWindowClosesIsStoppedAndHeardNothing(@TempDir Path dir) throws Exception {
        // It leaves its PID in a file, so the test can see that the process is gone afterwards.
        Path pid = dir.resolve("pid");
        Optional<ExecResult> r = runner.runWithin(sh("echo $$ > " + pid + "; echo probing; exec sleep 30"), WINDOW, TIMEOUT);
        assertTrue(r.isEmpty(), "nothing heard in the window: " + r);
        long prober = Long.parseLong(Files.readString(pid).strip());
        assertFalse(ProcessHandle.of(prober).map(ProcessHandle::isAlive).orElse(false), "the prober was stopped");
    }

    @Test
    void aProberThatHearsAnAnswerInTheWindowReportsIt() {
        ExecResult r = runner.runWithin(sh("echo probing; echo 'reply from 10.0.0.1'; exit 1"), WINDOW, TIMEOUT)
            .orElseThrow();
        assertEquals(1, r.exitCode());
        assertEquals("probing\nreply from 10.0.0.1\n", r.stdout());
        assertFalse(r.timedOut());
    }

    @Test
    void theWindowStartsAtTheFirstLineNotAtTheStart() {
        // Silent for longer than the window, then it probes and answers at once: a window
        // counted from the start would have stopped it before its probe went out.
        ExecResult r = runner.runWithin(sh("sleep 0.6; echo probing; exit 1"), WINDOW, TIMEOUT).orElseThrow();
        assertEquals(1, r.exitCode());
        assertEquals("probing\n", r.stdout());
    }

    @Test
    void aProgramThatPrintsNothingIsWaitedForToTheEnd() {
        ExecResult r = runner.runWithin(sh("sleep 0.4; echo oops >&2; exit 2"), WINDOW, TIMEOUT).orElseThrow();
        assertEquals(2, r.exitCode());
        assertEquals("oops\n", r.stderr());
    }

    @Test
    void aSilentHangEndsAtTheTimeout() {
        ExecResult r = runner.runWithin(sh("exec sleep 30"), WINDOW, Duration.ofMillis(500)).orElseThrow();
        assertTrue(r.timedOut(), "the watchdog stopped it");
    }

    @Test
    void behindAPrefixTheCommandIsReportedAsWritten() {
        PrefixRunner prefixed = new PrefixRunner(List.of("env"), runner);
        ExecResult r = prefixed.runWithin(sh("echo probing; exit 1"), WINDOW, TIMEOUT).orElseThrow();
        assertEquals(sh("echo probing; exit 1"), r.argv());
        assertEquals(1, r.exitCode());
        assertTrue(prefixed.runWithin(sh("echo probing; exec sleep 30"), WINDOW, TIMEOUT).isEmpty());
    }
}
