package dev.vzbridge.api.command;

import dev.vzbridge.api.host.HostState;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Completion values read from the host on every TAB. Use a subclass as a picocli
 * {@code completionCandidates}; the shell binds it to the live host. The values of
 * one host state are worked out once, and the shell does that off the keystroke
 * path, as soon as it has read the host ({@link #valuesFor}); a TAB then only looks
 * up the values that start with what was typed ({@link #startingWith}).
 */
public abstract class LiveCandidates implements Iterable<String> {
    private static final ThreadLocal<String> TYPED = new ThreadLocal<>();

    private Supplier<HostState> host = HostState::empty;
    private volatile Computed computed;

    /** One state's values, and their positions in text order for prefix look-ups. */
    private record Computed(HostState state, List<String> values, Integer[] byText) {
        static Computed of(HostState state, Collection<String> candidates) {
            List<String> values = Collections.unmodifiableList(new ArrayList<>(candidates));
            Integer[] byText = new Integer[values.size()];
            for (int i = 0; i < byText.length; i++) byText[i] = i;
            Arrays.sort(byText, Comparator.comparing(values::get));
            return new Computed(state, values, byText);
        }

        /** The values that start with {@code prefix}, in their own order. */
        List<String> startingWith(String prefix) {
            int lo = 0;
            int hi = byText.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (values.get(byText[mid]).compareTo(prefix) < 0) lo = mid + 1;
                else hi = mid;
            }
            List<Integer> hits = new ArrayList<>();
            for (int i = lo; i < byText.length && values.get(byText[i]).startsWith(prefix); i++) hits.add(byText[i]);
            Collections.sort(hits);
            List<String> out = new ArrayList<>(hits.size());
            for (int i : hits) out.add(values.get(i));
            return out;
        }
    }

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
        String typed = TYPED.get();
        return typed == null ? valuesFor(state).iterator() : computed(state).startingWith(typed).iterator();
    }

    /** The values for {@code state}; the same state a second time costs nothing. */
    public final List<String> valuesFor(HostState state) {
        return computed(state).values();
    }

    private Computed computed(HostState state) {
        Computed c = computed;
        if (c != null && c.state() == state) return c;
        c = Computed.of(state, candidates(state));
        computed = c;
        return c;
    }

    /**
     * Runs {@code completion} with every live source of this thread offering only the
     * values that start with {@code typed}: what a completer keeps of them anyway, found
     * without going through all of them (a node may have thousands of links).
     */
    public static <T> T startingWith(String typed, Supplier<T> completion) {
        String before = TYPED.get();
        TYPED.set(typed);
        try {
            return completion.get();
        } finally {
            if (before == null) TYPED.remove();
            else TYPED.set(before);
        }
    }

    protected abstract Collection<String> candidates(HostState host);
}
