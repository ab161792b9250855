package dev.vzbridge.bridge;

import dev.vzbridge.api.command.LiveCandidates;
import dev.vzbridge.api.host.Container;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Link;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** Live completion values specific to these commands. */
public final class Completions {
    private Completions() {
    }

    /** The next free names br0, br1, … (a new bridge needs a name nobody has). */
    public static final class FreeBridgeNames extends LiveCandidates {
        protected Collection<String> candidates(HostState h) {
            List<String> out = new ArrayList<>();
            for (int i = 0; out.size() < 3 && i < 100; i++)
                if (h.link("br" + i).isEmpty()) out.add("br" + i);
            return out;
        }
    }

    /** Interface names seen inside containers, plus the usual first ones. */
    public static final class CtIfnames extends LiveCandidates {
        protected Collection<String> candidates(HostState h) {
            TreeSet<String> out = new TreeSet<>(List.of("eth0", "eth1"));
            for (Container c : h.containers())
                for (Link l : c.links())
                    if (!l.isLoopback()) out.add(l.name());
            return out;
        }
    }

    /** --mac values of 'bridge create'. */
    public static final class BridgeMacs implements Iterable<String> {
        public java.util.Iterator<String> iterator() {
            return List.of("nic", "auto").iterator();
        }
    }

    /** on/off switches. */
    public static final class OnOff implements Iterable<String> {
        public java.util.Iterator<String> iterator() {
            return List.of("on", "off").iterator();
        }
    }
}
