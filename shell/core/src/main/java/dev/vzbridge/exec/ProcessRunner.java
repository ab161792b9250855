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
import java.util.List;

/** The real runner: commons-exec, argv only, a watchdog per process. */
public final class ProcessRunner implements CommandRunner {
    @Override
    public ExecResult run(List<String> argv, String stdin, Duration timeout) {
        CommandLine cmd = new CommandLine(argv.get(0));
        // handleQuoting=false: the argument reaches the program byte for byte.
        for (String a : argv.subList(1, argv.size())) cmd.addArgument(a, false);
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
            code = executor.execute(cmd);
        } catch (ExecuteException e) {
            code = e.getExitValue();
        } catch (IOException e) {
            throw new RunnerException("cannot run " + argv.get(0) + ": " + e.getMessage(), e);
        }
        return new ExecResult(argv, code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
            watchdog.killedProcess());
    }
}
