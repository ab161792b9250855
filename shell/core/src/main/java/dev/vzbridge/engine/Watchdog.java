package dev.vzbridge.engine;

import dev.vzbridge.engine.journal.AuditLog;
import dev.vzbridge.engine.journal.FileHashes;
import dev.vzbridge.engine.journal.Journal;
import dev.vzbridge.engine.journal.JournalJson;
import dev.vzbridge.engine.journal.JournalRecord;
import dev.vzbridge.engine.journal.Pending;
import dev.vzbridge.engine.journal.TxLog;
import dev.vzbridge.engine.journal.TxState;
import dev.vzbridge.host.HostAccess;
import dev.vzbridge.host.HostAccessFactory;
import dev.vzbridge.host.NodeAddress;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The detached process that owns a confirm deadline: started with setsid from the
 * same java binary and class path, so neither SIGHUP nor kill -9 of the shell stops
 * it. At the deadline it rolls the transaction back from the journal unless
 * 'confirm' committed it first. Usage: {@code Watchdog ROOT TXID}.
 */
public final class Watchdog {
    private Watchdog() {
    }

    /** Starts a watchdog for a pending transaction; returns a line for the admin or null. */
    @FunctionalInterface
    public interface Launcher {
        String start(Path root, String txid);
    }

    /** The real launcher: setsid JAVA -cp CLASSPATH dev.vzbridge.engine.Watchdog ROOT TXID. */
    public static final Launcher DETACHED = (root, txid) -> {
        List<String> argv = new ArrayList<>(List.of("setsid"));
        argv.addAll(javaCommand(Watchdog.class, root, txid));
        File log = Journal.dir(root).resolve(txid + ".watchdog.log").toFile();
        try {
            // A detached child outliving this JVM: ProcessBuilder with its output in a file, argv only.
            Process p = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(log).redirectErrorStream(true).start();
            return "watchdog PID " + p.pid() + " rolls back at the deadline";
        } catch (IOException e) {
            return "cannot start the watchdog (" + e.getMessage() + "): roll back with 'undo " + txid + "' if needed";
        }
    };

    /** The same java binary and class path running {@code main} with ROOT TXID, small and quick to start. */
    static List<String> javaCommand(Class<?> main, Path root, String txid) {
        String java = ProcessHandle.current().info().command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Small and quick: it must act within moments of a deadline or a death even on a busy node.
        return List.of(java, "-Xshare:auto", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-cp", System.getProperty("java.class.path"), main.getName(), root.toAbsolutePath().toString(), txid);
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: Watchdog ROOT TXID");
            System.exit(2);
        }
        Path root = Path.of(args[0]);
        String txid = args[1];
        Journal journal = Journal.find(root, txid).orElse(null);
        if (journal == null) {
            System.err.println("no journal " + txid);
            System.exit(1);
        }
        int code = watch(root, journal);
        System.exit(code);
    }

    static int watch(Path root, Journal journal) {
        TxLog first = journal.log();
        if (first.state() != TxState.PENDING_CONFIRM) return 0;
        // Everything slow (JVM class loading, reaching the node) happens before the deadline.
        try (Opened opened = open(first)) {
            warmUp();
            opened.node().runner().run("true"); // the first fork through commons-exec is the slow one
            // Re-read the journal only when it grew ('confirm' appends): parsing it on every
            // tick would make the watchdog late on a busy node.
            long deadline = Pending.deadline(first).orElse(0L);
            long size = size(journal);
            while (true) {
                long now = size(journal);
                if (now != size) {
                    size = now;
                    TxLog log = journal.log();
                    if (log.state() != TxState.PENDING_CONFIRM) return 0;
                    deadline = Pending.deadline(log).orElse(deadline);
                }
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) break;
                sleep(Math.min(left, 50));
            }
            PrintWriter err = new PrintWriter(System.err, true);
            err.println(java.time.Instant.now() + " deadline of " + journal.txid() + " passed; rolling back");
            try (HostLock lock = HostLock.acquire(opened.node(), "confirm deadline of " + journal.txid(), Duration.ofMinutes(10), err)) {
                if (journal.log().state() != TxState.PENDING_CONFIRM) return 0;
                Outcome o = Reverter.revert(journal, opened.node(), List.of("not confirmed before the deadline"),
                    TxState.ROLLED_BACK);
                o.details().forEach(err::println);
                err.println(java.time.Instant.now() + " " + o.summary());
                return o.exitCode();
            } catch (HostLock.LockedException e) {
                err.println(e.getMessage());
                return 1;
            }
        }
    }

    private static void warmUp() {
        for (Class<?> c : List.of(Rollback.class, Reverter.class, LinkLocalRepair.class, ActionExecutor.class, StateDiff.class, FileHashes.class,
            AuditLog.class, JournalRecord.Undo.class, JournalRecord.UndoFailed.class, JournalRecord.State.class)) {
            try {
                Class.forName(c.getName(), true, Watchdog.class.getClassLoader());
            } catch (ClassNotFoundException ignored) {
                // cannot happen: the classes are referenced above
            }
        }
        JournalJson.write(Reverter.state(TxState.ROLLING_BACK, "warm-up", null));
    }

    /** Access to a journal's node, rebuilt from its header, closed after use. */
    record Opened(Node node, HostAccess host) implements AutoCloseable {
        @Override
        public void close() {
            if (host != null) host.close();
        }
    }

    /** Reaches the node again at the address its journal header records. */
    static Opened open(TxLog log) {
        NodeAddress address = log.header().address();
        HostAccess host = null;
        try {
            host = HostAccessFactory.open(address);
        } catch (RuntimeException | LinkageError e) {
            System.err.println("cannot observe the node (" + e.getMessage() + "); rolling back without proof");
        }
        return new Opened(host == null ? Node.blind(address) : Node.of(host), host);
    }

    static Outcome withNode(TxLog log, java.util.function.Function<Node, Outcome> body) {
        try (Opened opened = open(log)) {
            return body.apply(opened.node());
        }
    }

    private static long size(Journal journal) {
        try {
            return java.nio.file.Files.size(journal.file());
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
