package dev.vzbridge.shell;

import dev.vzbridge.api.host.HostState;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The host state for completion, kept off the keystroke path: the shell asks for
 * a read when it shows the prompt ({@link #prefetch}), and a TAB gets the last
 * state at once; if that is older than a moment, a fresh read starts in the
 * background for the next TAB. Only a first read (of the shell, or after a command
 * changed the host) is waited for, and the prompt has usually started it already.
 * A failed read is remembered just as long, so a broken host does not stall typing.
 */
public final class LiveHostCache implements Supplier<HostState> {
    public static final Duration DEFAULT_TTL = Duration.ofMillis(1500);

    private final Supplier<HostState> probe;
    private final long ttlNanos;
    private final LongSupplier clock;
    private final Executor refresher;
    private HostState state;
    private RuntimeException failure;
    private long takenAt;
    private boolean valid;
    private boolean refreshing;
    /** Counts invalidations, so a read that straddles one is not taken for current. */
    private long generation;
    /** Runs after each read that became current, still in the background: what TAB derives from it. */
    private volatile java.util.function.Consumer<HostState> afterRead = state -> { };

    public LiveHostCache(Supplier<HostState> probe) {
        this(probe, DEFAULT_TTL, System::nanoTime, LiveHostCache::inBackground);
    }

    /** @param refresher runs the reads ({@code Runnable::run} reads in the caller, as tests like) */
    LiveHostCache(Supplier<HostState> probe, Duration ttl, LongSupplier clock, Executor refresher) {
        this.probe = probe;
        this.ttlNanos = ttl.toNanos();
        this.clock = clock;
        this.refresher = refresher;
    }

    @Override
    public synchronized HostState get() {
        prefetch();
        while (state == null && failure == null) {
            prefetch();
            try {
                wait(); // a first read: there is nothing older to give
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return HostState.empty();
            }
        }
        if (state == null && failure != null) throw failure;
        return state;
    }

    /** Starts a read in the background unless the state is fresh or one is running. */
    public synchronized void prefetch() {
        boolean fresh = valid && clock.getAsLong() - takenAt <= ttlNanos;
        if (fresh || refreshing) return;
        refreshing = true;
        takenAt = clock.getAsLong();
        valid = true;
        long started = generation;
        refresher.execute(() -> read(started));
    }

    /** Work to do with each state read, off the keystroke path (e.g. working out completion values). */
    public void afterRead(java.util.function.Consumer<HostState> work) {
        this.afterRead = work;
    }

    private void read(long started) {
        HostState read = null;
        RuntimeException failed = null;
        try {
            read = probe.get();
        } catch (RuntimeException e) {
            failed = e;
        }
        if (read != null) {
            try {
                afterRead.accept(read);
            } catch (RuntimeException e) {
                // only a head start: the TAB works it out itself
            }
        }
        synchronized (this) {
            if (started != generation) {
                // the host changed while this read ran: it may show what is gone
                state = null;
                failure = null;
                valid = false;
            } else if (failed == null) {
                state = read;
                failure = null;
            } else {
                state = null;
                failure = failed;
            }
            refreshing = false;
            notifyAll();
        }
    }

    /**
     * The state is wrong now (a command may have changed the host): it is dropped,
     * and the next prefetch (the prompt) or TAB reads again; a TAB that comes before
     * that read ends waits for it rather than completing what may be gone.
     */
    public synchronized void invalidate() {
        generation++;
        valid = false;
        state = null;
        failure = null;
    }

    private static void inBackground(Runnable read) {
        Thread t = new Thread(read, "completion-refresh");
        t.setDaemon(true);
        t.start();
    }
}
