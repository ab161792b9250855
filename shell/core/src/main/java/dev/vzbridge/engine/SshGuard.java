package dev.vzbridge.engine;

import dev.vzbridge.api.host.Address;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Route;
import dev.vzbridge.api.net.Cidr;
import dev.vzbridge.api.net.IpAddress;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.api.recipes.SshSession;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the links that carry the admin's SSH session (SSH_CONNECTION = client
 * address, client port, server address, server port): the link holding the
 * server address and the link of the route back to the client.
 */
final class SshGuard {
    private SshGuard() {
    }

    static Set<String> carrying(HostState state, String sshConnection) {
        Set<String> out = new LinkedHashSet<>();
        // The planners' parser: link-local with a zone and IPv4-mapped forms arm the guard too.
        Optional<SshSession> session = SshSession.parse(Optional.ofNullable(sshConnection));
        if (session.isEmpty()) return out;
        IpAddress client = session.get().client();
        IpAddress server = session.get().server();
        for (Address a : state.addresses()) {
            try {
                if (a.parsed().address().equals(server)) out.add(a.dev());
            } catch (RuntimeException ignored) {
                // an address the probe could not parse cannot be the server's
            }
        }
        routeTo(state, client).map(Route::dev).ifPresent(out::add);
        return out;
    }

    /** The most specific route that matches ip (default last). */
    static Optional<Route> routeTo(HostState state, IpAddress ip) {
        Route best = null;
        int bestLen = -1;
        for (Route r : state.routes()) {
            if (r.dev() == null || r.isV6() != ip.isV6()) continue;
            int len;
            if (r.isDefault()) {
                len = 0;
            } else {
                try {
                    Cidr c = Cidr.parse(r.dst(), true);
                    if (!c.contains(ip)) continue;
                    len = c.prefix();
                } catch (RuntimeException e) {
                    continue;
                }
            }
            if (len > bestLen) {
                best = r;
                bestLen = len;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The link of the SSH session that the plan touches, if any. */
    static Optional<String> touched(Plan plan, HostState state, String sshConnection) {
        Set<String> links = carrying(state, sshConnection);
        return plan.links().stream().filter(links::contains).findFirst();
    }
}
