package dev.vzbridge.shell;

import dev.vzbridge.api.host.HostState;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The host state for completion: observed when first asked, then reused for a
 * moment so that one TAB, which may consult several sources, probes the host once.
 * A failed probe is remembered just as long, so a broken host does not stall typing.
 */
public final class LiveHostCache implements Supplier<HostState> {
    public static final Duration DEFAULT_TTL = Duration.ofMillis(1500);

    private final Supplier<HostState> probe;
    private final long ttlNanos;
    private final LongSupplier clock;
    private HostState state;
    private RuntimeException failure;
    private long takenAt;
    private boolean valid;

    public LiveHostCache(Supplier<HostState> probe) {
        this(probe, DEFAULT_TTL, System::nanoTime);
    }

    LiveHostCache(Supplier<HostState> probe, Duration ttl, LongSupplier clock) {
        this.probe = probe;
        this.ttlNanos = ttl.toNanos();
        this.clock = clock;
    }

    @Override
    public synchronized HostState get() {
        long now = clock.getAsLong();
        if (!valid || now - takenAt > ttlNanos) {
            takenAt = now;
            valid = true;
            try {
                state = probe.get();
                failure = null;
            } catch (RuntimeException e) {
                state = null;
                failure = e;
            }
        }
        if (failure != null) throw failure;
        return state;
    }

    /** Forget the cached state, e.g. after a command changed the host. */
    public synchronized void invalidate() {
        valid = false;
    }
}
