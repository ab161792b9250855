package dev.vzbridge.engine;

import dev.vzbridge.api.host.Address;
import dev.vzbridge.api.host.Container;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Link;
import dev.vzbridge.api.host.Route;
import dev.vzbridge.engine.journal.Snapshot;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The exact difference between two snapshots, as lines an admin can read
 * ("- addr 10.0.0.2/24 on eth0" was there and is gone, "+ …" is new, "~ …" changed).
 * Transient facts (interface index, STP port state, address flags such as tentative)
 * are left out; everything the admin or the kernel would keep is compared.
 */
public final class StateDiff {
    private StateDiff() {
    }

    /** Differences over the whole node, the snapshot's containers and files. */
    public static List<String> between(Snapshot before, Snapshot after) {
        return between(before, after, null);
    }

    /**
     * @param links only these node links (and their addresses and routes) when not null
     */
    public static List<String> between(Snapshot before, Snapshot after, Set<String> links) {
        List<String> out = new ArrayList<>();
        Predicate<String> keep = links == null ? d -> true : d -> d != null && links.contains(d);
        node("", before.state(), after.state(), keep, out);
        Map<String, Container> b = containers(before.state());
        Map<String, Container> a = containers(after.state());
        Set<String> ids = new TreeSet<>(b.keySet());
        ids.addAll(a.keySet());
        for (String id : ids) {
            Container cb = b.get(id);
            Container ca = a.get(id);
            String where = "CT " + id + ": ";
            if (cb == null || ca == null) {
                out.add((cb == null ? "+ " : "- ") + where + "container seen");
                continue;
            }
            if (cb.running() != ca.running()) out.add("~ " + where + "running " + cb.running() + " -> " + ca.running());
            compare(where, linkMap(cb.links(), d -> true), linkMap(ca.links(), d -> true), out);
            sets(where, addrs(cb.addresses(), d -> true), addrs(ca.addresses(), d -> true), out);
            sets(where, routes(cb.routes(), d -> true), routes(ca.routes(), d -> true), out);
        }
        for (String f : union(before.files().keySet(), after.files().keySet())) {
            String hb = before.files().getOrDefault(f, Snapshot.ABSENT);
            String ha = after.files().getOrDefault(f, Snapshot.ABSENT);
            if (!hb.equals(ha)) out.add("~ file " + f + ": " + hb + " -> " + ha);
        }
        return out;
    }

    /** Node links whose own facts, addresses or routes differ between two snapshots. */
    public static Set<String> touchedLinks(Snapshot before, Snapshot after) {
        Set<String> out = new TreeSet<>();
        Map<String, String> b = linkMap(before.state().links(), d -> true);
        Map<String, String> a = linkMap(after.state().links(), d -> true);
        for (String n : union(b.keySet(), a.keySet())) if (!Objects.equals(b.get(n), a.get(n))) out.add(n);
        Set<String> ab = new TreeSet<>();
        before.state().addresses().forEach(x -> ab.add(x.dev() + " " + x.cidr()));
        Set<String> aa = new TreeSet<>();
        after.state().addresses().forEach(x -> aa.add(x.dev() + " " + x.cidr()));
        for (String x : union(ab, aa)) if (ab.contains(x) != aa.contains(x)) out.add(x.substring(0, x.indexOf(' ')));
        Set<String> rb = new TreeSet<>();
        before.state().routes().forEach(r -> rb.add(describe(r)));
        for (var r : after.state().routes()) if (!rb.contains(describe(r)) && r.dev() != null) out.add(r.dev());
        Set<String> ra = new TreeSet<>();
        after.state().routes().forEach(r -> ra.add(describe(r)));
        for (var r : before.state().routes()) if (!ra.contains(describe(r)) && r.dev() != null) out.add(r.dev());
        return out;
    }

    private static void node(String where, HostState b, HostState a, Predicate<String> keep, List<String> out) {
        compare(where, linkMap(b.links(), keep), linkMap(a.links(), keep), out);
        sets(where, addrs(b.addresses(), keep), addrs(a.addresses(), keep), out);
        sets(where, routes(b.routes(), keep), routes(a.routes(), keep), out);
    }

    private static Map<String, Container> containers(HostState s) {
        Map<String, Container> m = new TreeMap<>();
        s.containers().forEach(c -> m.put(c.id(), c));
        return m;
    }

    private static Map<String, String> linkMap(List<Link> links, Predicate<String> keep) {
        Map<String, String> m = new TreeMap<>();
        for (Link l : links) if (keep.test(l.name())) m.put(l.name(), describe(l));
        return m;
    }

    static String describe(Link l) {
        StringBuilder sb = new StringBuilder("link ").append(l.name()).append(" (").append(l.kind());
        sb.append(l.up() ? ", up" : ", down");
        if (l.master() != null) sb.append(", master ").append(l.master());
        if (l.mac() != null) sb.append(", mac ").append(l.mac());
        if (l.bridge() != null) {
            sb.append(", stp ").append(l.bridge().stp() ? "on" : "off")
                .append(", forward delay ").append(l.bridge().forwardDelay());
        }
        return sb.append(')').toString();
    }

    private static Set<String> addrs(List<Address> list, Predicate<String> keep) {
        Set<String> s = new TreeSet<>();
        for (Address a : list) {
            if (keep.test(a.dev())) s.add("addr " + a.cidr() + " on " + a.dev() + (a.scope() == null ? "" : " scope " + a.scope()));
        }
        return s;
    }

    private static Set<String> routes(List<Route> list, Predicate<String> keep) {
        Set<String> s = new TreeSet<>();
        for (Route r : list) {
            if (keep.test(r.dev())) s.add(describe(r));
        }
        return s;
    }

    static String describe(Route r) {
        StringBuilder sb = new StringBuilder("route ").append(r.dst());
        if (r.via() != null) sb.append(" via ").append(r.via());
        if (r.dev() != null) sb.append(" dev ").append(r.dev());
        if (r.proto() != null) sb.append(" proto ").append(r.proto());
        if (r.scope() != null && !"global".equals(r.scope())) sb.append(" scope ").append(r.scope());
        if (r.metric() != null) sb.append(" metric ").append(r.metric());
        if (r.src() != null) sb.append(" src ").append(r.src());
        return sb.toString();
    }

    private static void compare(String where, Map<String, String> b, Map<String, String> a, List<String> out) {
        for (String name : union(b.keySet(), a.keySet())) {
            String vb = b.get(name);
            String va = a.get(name);
            if (Objects.equals(vb, va)) continue;
            if (va == null) out.add("- " + where + vb);
            else if (vb == null) out.add("+ " + where + va);
            else out.add("~ " + where + vb + " -> " + va.substring(va.indexOf('(')));
        }
    }

    private static void sets(String where, Set<String> b, Set<String> a, List<String> out) {
        for (String s : b) if (!a.contains(s)) out.add("- " + where + s);
        for (String s : a) if (!b.contains(s)) out.add("+ " + where + s);
    }

    private static Set<String> union(Collection<String> x, Collection<String> y) {
        Set<String> s = new TreeSet<>(x);
        s.addAll(y);
        return s;
    }

}
