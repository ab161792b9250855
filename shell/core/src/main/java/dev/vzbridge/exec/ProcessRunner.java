package dev.vzbridge.exec;

import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecuteResultHandler;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteException;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The real runner: commons-exec, argv only, a watchdog per process. Every program
 * starts in a session of its own (setsid, which execs it under the same PID), so a
 * Ctrl-C or hang-up meant for the shell never reaches a tool half-way through a step.
 */
public final class ProcessRunner implements CommandRunner {
    /** util-linux setsid: not a group leader here, so it calls setsid(2) and execs the program. */
    static final String SETSID = "setsid";
    /**
     * Set in every tool's environment: the PID of the shell that started it, so the
     * guardian can wait for a tool still running when its shell died before it rolls back.
     */
    public static final String SHELL_PID = "VZBRIDGE_SHELL_PID";
    private static final Map<String, String> ENVIRONMENT = environment();

    private static Map<String, String> environment() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put(SHELL_PID, String.valueOf(ProcessHandle.current().pid()));
        return Map.copyOf(env);
    }

    @Override
    public ExecResult run(List<String> argv, String stdin, Duration timeout) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayInputStream in = stdin == null ? null : new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        ExecuteWatchdog watchdog = ExecuteWatchdog.builder().setTimeout(timeout).get();
        DefaultExecutor executor = executor(out, err, in, watchdog);
        int code;
        try {
            code = executor.execute(commandLine(argv), ENVIRONMENT);
        } catch (ExecuteException e) {
            code = e.getExitValue();
        } catch (IOException e) {
            throw cannotRun(argv, e);
        }
        return result(argv, code, out, err, watchdog.killedProcess());
    }

    @Override
    public Optional<ExecResult> runWithin(List<String> argv, Duration window, Duration timeout) {
        FirstLine out = new FirstLine();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ExecuteWatchdog watchdog = ExecuteWatchdog.builder().setTimeout(timeout).get();
        Finished finished = new Finished(out.heard);
        try {
            executor(out, err, null, watchdog).execute(commandLine(argv), ENVIRONMENT, finished);
            // The first line, or the end of a program that printed none (the watchdog ends a silent hang).
            out.heard.await();
            long left = window.toNanos() - (System.nanoTime() - out.firstLineAt);
            if (!finished.done.await(Math.max(0, left), TimeUnit.NANOSECONDS)) {
                watchdog.destroyProcess();
                finished.done.await();
                return Optional.empty();
            }
        } catch (IOException e) {
            throw cannotRun(argv, e);
        } catch (InterruptedException e) {
            watchdog.destroyProcess();
            Thread.currentThread().interrupt();
            throw new RunnerException("interrupted while " + argv.get(0) + " ran", e);
        }
        if (finished.getException() != null && finished.getException().getCause() instanceof IOException io)
            throw cannotRun(argv, io);
        return Optional.of(result(argv, finished.getExitValue(), out, err, watchdog.killedProcess()));
    }

    private static CommandLine commandLine(List<String> argv) {
        CommandLine cmd = new CommandLine(SETSID);
        // handleQuoting=false: the argument reaches the program byte for byte.
        for (String a : argv) cmd.addArgument(a, false);
        return cmd;
    }

    private static DefaultExecutor executor(OutputStream out, OutputStream err, InputStream in, ExecuteWatchdog watchdog) {
        DefaultExecutor executor = DefaultExecutor.builder().get();
        executor.setStreamHandler(new PumpStreamHandler(out, err, in));
        executor.setWatchdog(watchdog);
        executor.setExitValues(null); // every exit code is a result, not an exception
        return executor;
    }

    private static RunnerException cannotRun(List<String> argv, IOException e) {
        return new RunnerException("cannot run " + argv.get(0) + ": " + e.getMessage(), e);
    }

    private static ExecResult result(List<String> argv, int code, ByteArrayOutputStream out, ByteArrayOutputStream err,
                                     boolean killed) {
        String stderr = err.toString(StandardCharsets.UTF_8);
        if ((code == 126 || code == 127) && stderr.startsWith("setsid: failed to execute ")) {
            // The program itself could not start: the same verdict as when the JVM could not start it.
            String why = stderr.substring(stderr.lastIndexOf(": ") + 2).strip();
            throw new RunnerException("cannot run " + argv.get(0) + ": " + why, null);
        }
        return new ExecResult(argv, code, out.toString(StandardCharsets.UTF_8), stderr, killed);
    }

    /** Standard output that notes when its first whole line arrived. */
    private static final class FirstLine extends ByteArrayOutputStream {
        final CountDownLatch heard = new CountDownLatch(1);
        volatile long firstLineAt;

        @Override
        public synchronized void write(int b) {
            super.write(b);
            if (b == '\n') noteLine();
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            super.write(b, off, len);
            for (int i = off; i < off + len; i++) if (b[i] == '\n') {
                noteLine();
                break;
            }
        }

        private void noteLine() {
            if (heard.getCount() == 0) return;
            firstLineAt = System.nanoTime();
            heard.countDown();
        }
    }

    /** The asynchronous result, which also ends the wait for a first line that never comes. */
    private static final class Finished extends DefaultExecuteResultHandler {
        final CountDownLatch done = new CountDownLatch(1);
        private final CountDownLatch heard;

        Finished(CountDownLatch heard) {
            this.heard = heard;
        }

        @Override
        public void onProcessComplete(int exitValue) {
            super.onProcessComplete(exitValue);
            done.countDown();
            heard.countDown();
        }

        @Override
        public void onProcessFailed(ExecuteException e) {
            super.onProcessFailed(e);
            done.countDown();
            heard.countDown();
        }
    }
}
