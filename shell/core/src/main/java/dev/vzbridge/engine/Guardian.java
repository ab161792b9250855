package dev.vzbridge.engine;

import dev.vzbridge.engine.journal.Journal;
import dev.vzbridge.engine.journal.TxLog;
import dev.vzbridge.engine.journal.TxState;
import dev.vzbridge.exec.ProcessRunner;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The dead-man switch of a transaction. From before the first action until the
 * transaction ends, a detached {@code sh} (own session via setsid, so no terminal
 * signal reaches it) waits on a pipe whose only writer is the shell. When the shell
 * ends the transaction it writes "ended" and the waiter exits: one small process,
 * no JVM. When the shell dies instead (kill -9, OOM, a lost cgroup) the kernel
 * closes the pipe, the waiter reads nothing and execs this class, which rolls the
 * journal back unless it is committed or awaits confirm. Usage: {@code Guardian ROOT TXID}.
 */
public final class Guardian {
    /**
     * The waiter. Its arguments arrive as positional parameters and are only ever
     * expanded quoted, never parsed: $1 is the log file, the rest the argv to exec.
     */
    static final String WAITER = "IFS= read -r verdict; [ \"$verdict\" = ended ] && exit 0; "
        + "log=$1; shift; exec \"$@\" >>\"$log\" 2>&1";

    private Guardian() {
    }

    /** Starts the guardian of one transaction. */
    @FunctionalInterface
    public interface Launcher {
        Watch start(Path root, String txid);
    }

    /** The running guardian, seen from the shell. */
    public interface Watch {
        /** The transaction ended (committed, pending confirm, rolled back): the guardian leaves. */
        void standDown();
    }

    /** No guardian (tests that play the crashed shell and recover by hand). */
    public static final Launcher NONE = (root, txid) -> () -> { };

    /** setsid sh -c WAITER guardian LOG JAVA … dev.vzbridge.engine.Guardian ROOT TXID, stdin a pipe from this JVM. */
    public static final Launcher DETACHED = (root, txid) -> {
        String log = Journal.dir(root).resolve(txid + ".guardian.log").toString();
        List<String> argv = new ArrayList<>(List.of("setsid", "sh", "-c", WAITER, "vzbridge-guardian", log));
        argv.addAll(Watchdog.javaCommand(Guardian.class, root, txid));
        try {
            Process p = new ProcessBuilder(argv).redirectOutput(new File("/dev/null"))
                .redirectError(new File("/dev/null")).start();
            OutputStream pipe = p.getOutputStream();
            return () -> {
                try (pipe) {
                    pipe.write("ended\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // the waiter is gone already; nothing is left to stop
                }
            };
        } catch (IOException e) {
            System.err.println("vzbridge: cannot start the guardian (" + e.getMessage()
                + "): if this shell dies mid-change, run 'recover'");
            return NONE.start(root, txid);
        }
    };

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: Guardian ROOT TXID");
            System.exit(2);
        }
        System.exit(rescue(Path.of(args[0]), args[1], new PrintWriter(System.err, true)));
    }

    /**
     * A tool the shell started may still be running (its own session kept it alive):
     * let it finish, up to the action timeout, so its change is not made after the rollback.
     */
    static void awaitTools(long shellPid, PrintWriter err) {
        String mark = ProcessRunner.SHELL_PID + "=" + shellPid;
        long deadline = System.nanoTime() + Reverter.ActionTimeout.get().toNanos();
        boolean told = false;
        while (System.nanoTime() < deadline) {
            Optional<Long> tool = toolOf(mark);
            if (tool.isEmpty()) return;
            if (!told) {
                err.println(Instant.now() + " waiting for PID " + tool.get() + ", a tool the shell started, to finish");
                told = true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Optional<Long> toolOf(String mark) {
        byte[] wanted = (mark + "\0").getBytes(StandardCharsets.US_ASCII);
        return ProcessHandle.allProcesses().map(ProcessHandle::pid).filter(pid -> {
            try {
                byte[] env = Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "environ"));
                return indexOf(env, wanted) >= 0;
            } catch (IOException | RuntimeException e) {
                return false; // gone, or not ours to read
            }
        }).findFirst();
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            if (i > 0 && hay[i - 1] != 0) continue; // variables start after a NUL
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    /** Rolls the transaction back if its shell left it unfinished; returns an exit code. */
    static int rescue(Path root, String txid, PrintWriter err) {
        Journal journal = Journal.find(root, txid).orElse(null);
        if (journal == null) {
            err.println(Instant.now() + " no journal " + txid + ": nothing to guard");
            return 0;
        }
        TxLog first = journal.log();
        if (!first.isUnfinished() || first.plan() == null) return 0;
        long pid = first.header() == null ? -1 : first.header().pid();
        err.println(Instant.now() + " shell PID " + pid + " ended in the middle of " + txid + "; rolling back");
        awaitTools(pid, err);
        try (Watchdog.Opened opened = Watchdog.open(first);
             HostLock lock = HostLock.acquire(opened.node(), "guardian of " + txid, Duration.ofMinutes(10), err)) {
            TxLog now = journal.log();
            if (!now.isUnfinished()) return 0; // someone ran 'recover' first
            Outcome o = Reverter.revert(journal, opened.node(), List.of("its shell (PID " + pid
                + ") ended mid-transaction; rolled back by the guardian"), TxState.ROLLED_BACK, null, "guardian");
            o.details().forEach(err::println);
            err.println(Instant.now() + " " + o.summary());
            return o.exitCode() == 1 ? 0 : o.exitCode();
        } catch (HostLock.LockedException e) {
            err.println(e.getMessage());
            return 1;
        }
    }
}
