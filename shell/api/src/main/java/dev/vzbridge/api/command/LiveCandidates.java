package dev.vzbridge.api.command;

import dev.vzbridge.api.host.HostState;

import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Completion values read from the host on every TAB. Use a subclass as a picocli
 * {@code completionCandidates}; the shell binds it to the live host.
 */
public abstract class LiveCandidates implements Iterable<String> {
    private Supplier<HostState> host = HostState::empty;

    /** Called by the shell when it builds the command. */
    public final void bind(Supplier<HostState> host) {
        this.host = host;
    }

    @Override
    public final Iterator<String> iterator() {
        HostState state;
        try {
            state = host.get();
        } catch (RuntimeException e) {
            return List.<String>of().iterator();
        }
        return candidates(state).iterator();
    }

    protected abstract Collection<String> candidates(HostState host);
}
