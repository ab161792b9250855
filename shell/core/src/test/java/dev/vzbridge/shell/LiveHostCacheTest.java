package dev.vzbridge.shell;

import dev.vzbridge.api.host.HostState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LiveHostCacheTest {
    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger probes = new AtomicInteger();

    @Test
    void probesOncePerFreshnessWindow() {
        LiveHostCache cache = new LiveHostCache(() -> {
            probes.incrementAndGet();
            return HostState.empty();
        }, Duration.ofSeconds(1), now::get, Runnable::run);
        cache.get();
        now.addAndGet(Duration.ofMillis(900).toNanos());
        cache.get();
        assertEquals(1, probes.get());
        now.addAndGet(Duration.ofMillis(200).toNanos());
        cache.get();
        assertEquals(2, probes.get());
        cache.invalidate();
        cache.get();
        assertEquals(3, probes.get());
    }

    @Test
    void aFailedProbeIsRememberedForTheWindowToo() {
        LiveHostCache cache = new LiveHostCache(() -> {
            probes.incrementAndGet();
            throw new IllegalStateException("ip not found");
        }, Duration.ofSeconds(1), now::get, Runnable::run);
        assertThrows(IllegalStateException.class, cache::get);
        assertThrows(IllegalStateException.class, cache::get);
        assertEquals(1, probes.get());
    }

    @Test
    void whatCompletionDerivesFromAReadIsDoneBeforeTheStateIsServed() {
        HostState read = HostState.empty();
        java.util.List<HostState> derived = new java.util.ArrayList<>();
        LiveHostCache cache = new LiveHostCache(() -> read, Duration.ofSeconds(1), now::get, Runnable::run);
        cache.afterRead(state -> {
            assertEquals(0, probes.getAndIncrement(), "done once, before anyone got the state");
            derived.add(state);
        });
        cache.prefetch();
        assertEquals(java.util.List.of(read), derived);
        cache.afterRead(state -> {
            throw new IllegalStateException("a source that fails");
        });
        cache.invalidate();
        assertEquals(read, cache.get(), "a failure there costs the TAB nothing");
    }
}
