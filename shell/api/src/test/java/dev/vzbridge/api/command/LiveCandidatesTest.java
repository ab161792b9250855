package dev.vzbridge.api.command;

import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Link;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LiveCandidatesTest {
    /** The links in the host's order (not sorted), counting how often it is asked. */
    static final class InHostOrder extends LiveCandidates {
        final AtomicInteger asked = new AtomicInteger();

        protected Collection<String> candidates(HostState h) {
            asked.incrementAndGet();
            return h.links().stream().map(Link::name).toList();
        }
    }

    private static HostState links(String... names) {
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < names.length; i++) links.add(new Link(names[i], i + 1, "veth", null, true, null, null, null));
        return new HostState(links, List.of(), List.of(), List.of());
    }

    private static List<String> all(Iterable<String> values) {
        List<String> out = new ArrayList<>();
        values.forEach(out::add);
        return out;
    }

    @Test
    void oneStatesValuesAreWorkedOutOnce() {
        InHostOrder source = new InHostOrder();
        AtomicReference<HostState> host = new AtomicReference<>(links("d2", "d10", "d1"));
        source.bind(host::get);
        assertEquals(List.of("d2", "d10", "d1"), source.valuesFor(host.get()));
        assertEquals(List.of("d2", "d10", "d1"), all(source));
        assertEquals(1, source.asked.get());
        host.set(links("e0"));
        assertEquals(List.of("e0"), all(source));
        assertEquals(2, source.asked.get());
    }

    @Test
    void aTabGetsOnlyTheValuesStartingWithWhatWasTypedInTheirOwnOrder() {
        InHostOrder source = new InHostOrder();
        HostState state = links("d40", "d4", "d400", "d41", "c40", "d40x", "d3");
        source.bind(() -> state);
        assertEquals(List.of("d40", "d400", "d40x"), LiveCandidates.startingWith("d40", () -> all(source)));
        assertEquals(List.of("d40", "d4", "d400", "d41", "d40x"), LiveCandidates.startingWith("d4", () -> all(source)));
        assertEquals(List.of(), LiveCandidates.startingWith("d5", () -> all(source)));
        assertEquals(List.of(), LiveCandidates.startingWith("zz", () -> all(source)));
        assertEquals(state.links().stream().map(Link::name).toList(), LiveCandidates.startingWith("", () -> all(source)));
        // outside a completion every value is offered again
        assertEquals(7, all(source).size());
        assertEquals(1, source.asked.get());
    }
}
