package dev.vzbridge.engine;

import dev.vzbridge.api.host.Address;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.exec.CommandRunner;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts back IPv6 link-local addresses the kernel dropped behind the plan's back.
 * On some kernels a NIC that joins a bridge loses its fe80:: address and does
 * not get it back when released; no undo action removed it, so no undo action
 * restores it. After a rollback the engine re-adds exactly the ones the
 * snapshot had, then compares again.
 */
final class LinkLocalRepair {
    private LinkLocalRepair() {
    }

    /** Link-local addresses on node links that exist in both states but lost them. */
    static List<Address> missing(HostState before, HostState now) {
        List<Address> out = new ArrayList<>();
        for (Address a : before.addresses()) {
            if (!a.isV6() || !a.isLinkLocal() || now.link(a.dev()).isEmpty()) continue;
            boolean present = now.addressesOf(a.dev()).stream().anyMatch(b -> b.cidr().equals(a.cidr()));
            if (!present) out.add(a);
        }
        return out;
    }

    /** @return one line per address put back (a failure is left for the comparison to report) */
    static List<String> restore(CommandRunner runner, List<Address> missing) {
        List<String> done = new ArrayList<>();
        for (Address a : missing) {
            var r = runner.run("ip", "-6", "addr", "add", a.cidr(), "dev", a.dev(), "scope", "link");
            if (r.ok()) done.add("repaired: link-local " + a.cidr() + " put back on " + a.dev());
        }
        return done;
    }
}
