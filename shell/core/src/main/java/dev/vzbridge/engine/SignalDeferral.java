package dev.vzbridge.engine;

import sun.misc.Signal;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SIGINT, SIGTERM and SIGHUP never end the process between a transaction's first
 * action and the end of its commit or rollback. While one runs, a signal asks the
 * apply to stop (it rolls back and proves the restore) and is kept; once the
 * transaction has ended and its outcome is printed, {@link #honour} ends the
 * process as the signal would have. Outside a transaction signals act at once.
 */
public final class SignalDeferral {
    static final List<String> NAMES = List.of("INT", "TERM", "HUP");

    private static final Object LOCK = new Object();
    private static int depth;
    private static String abort;
    private static String exitWith;
    private static int exitCode;
    private static final AtomicInteger RECEIVED = new AtomicInteger();
    private static volatile PrintWriter err;

    private SignalDeferral() {
    }

    /** Takes over SIGINT, SIGTERM and SIGHUP for the program; messages go to {@code messages}. */
    public static void install(PrintWriter messages) {
        err = messages;
        for (String name : NAMES) {
            try {
                Signal.handle(new Signal(name), s -> {
                    if (!arrived("SIG" + s.getName(), 128 + s.getNumber())) System.exit(128 + s.getNumber());
                });
            } catch (IllegalArgumentException e) {
                // the JVM keeps this signal (e.g. -Xrs): nothing to defer
            }
        }
    }

    /**
     * A signal arrived. During a transaction it is noted (abort the apply, end the
     * process afterwards when {@code exitCode} is not 0) and true is returned.
     *
     * @param exitCode the process's exit code once the transaction ended; 0 keeps
     *                 the process (Ctrl-C at the interactive prompt goes back to it)
     */
    public static boolean arrived(String name, int exitCode) {
        String line;
        synchronized (LOCK) {
            if (depth == 0) return false;
            RECEIVED.incrementAndGet();
            if (exitWith == null && exitCode != 0) {
                exitWith = name;
                SignalDeferral.exitCode = exitCode;
            }
            if (abort == null) {
                abort = name;
                line = name + ": stopping the transaction; it is rolled back (or committed) before anything else";
            } else {
                line = name + ": the transaction is still ending; please wait";
            }
        }
        PrintWriter w = err;
        if (w == null) w = new PrintWriter(System.err, true);
        w.println("vzbridge: " + line);
        w.flush();
        return true;
    }

    /** Opens a stretch in which signals are deferred; scopes nest. */
    static Scope enter() {
        synchronized (LOCK) {
            if (depth++ == 0) abort = null;
        }
        return new Scope();
    }

    /** The signal that asked the running transaction to stop, or null. */
    static String abortRequested() {
        synchronized (LOCK) {
            return abort;
        }
    }

    /** How many signals were deferred so far (tests wait on it). */
    public static int received() {
        return RECEIVED.get();
    }

    /** Ends the process for a signal deferred during the transaction that just ended. */
    public static void honour() {
        int code;
        String name;
        synchronized (LOCK) {
            if (depth > 0 || exitWith == null) return;
            code = exitCode;
            name = exitWith;
            exitWith = null;
        }
        PrintWriter w = err;
        if (w != null) {
            w.println("vzbridge: leaving for the " + name + " received during the transaction");
            w.flush();
        }
        System.exit(code);
    }

    /** One deferring stretch; closing it lets signals act again. */
    static final class Scope implements AutoCloseable {
        private boolean closed;

        @Override
        public void close() {
            synchronized (LOCK) {
                if (closed) return;
                closed = true;
                depth--;
            }
        }
    }
}
