package dev.vzbridge.exec;

import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteException;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        CommandLine cmd = new CommandLine(SETSID);
        // handleQuoting=false: the argument reaches the program byte for byte.
        for (String a : argv) cmd.addArgument(a, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayInputStream in = stdin == null ? null : new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        ExecuteWatchdog watchdog = ExecuteWatchdog.builder().setTimeout(timeout).get();
        DefaultExecutor executor = DefaultExecutor.builder().get();
        executor.setStreamHandler(new PumpStreamHandler(out, err, in));
        executor.setWatchdog(watchdog);
        executor.setExitValues(null); // every exit code is a result, not an exception
        int code;
        try {
            code = executor.execute(cmd, ENVIRONMENT);
        } catch (ExecuteException e) {
            code = e.getExitValue();
        } catch (IOException e) {
            throw new RunnerException("cannot run " + argv.get(0) + ": " + e.getMessage(), e);
        }
        String stderr = err.toString(StandardCharsets.UTF_8);
        if ((code == 126 || code == 127) && stderr.startsWith("setsid: failed to execute ")) {
            // The program itself could not start: the same verdict as when the JVM could not start it.
            String why = stderr.substring(stderr.lastIndexOf(": ") + 2).strip();
            throw new RunnerException("cannot run " + argv.get(0) + ": " + why, null);
        }
        return new ExecResult(argv, code, out.toString(StandardCharsets.UTF_8), stderr, watchdog.killedProcess());
    }
}
