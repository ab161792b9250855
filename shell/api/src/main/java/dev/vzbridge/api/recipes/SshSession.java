package dev.vzbridge.api.recipes;

import dev.vzbridge.api.host.Address;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Route;
import dev.vzbridge.api.net.Cidr;
import dev.vzbridge.api.net.IpAddress;

import java.util.Optional;

/**
 * The admin's SSH session as SSH_CONNECTION describes it
 * ("CLIENT_IP CLIENT_PORT SERVER_IP SERVER_PORT"), and what on the node carries it.
 */
public record SshSession(IpAddress client, IpAddress server) {
    /** Empty when the variable is missing or not in the expected form. */
    public static Optional<SshSession> parse(Optional<String> sshConnection) {
        if (sshConnection.isEmpty()) return Optional.empty();
        String[] f = sshConnection.get().trim().split("\\s+");
        if (f.length < 3) return Optional.empty();
        try {
            return Optional.of(new SshSession(IpAddress.parse(strip(f[0])), IpAddress.parse(strip(f[2]))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** OpenSSH writes IPv4-mapped clients as ::ffff:a.b.c.d and may add a %zone. */
    private static String strip(String s) {
        int pct = s.indexOf('%');
        if (pct >= 0) s = s.substring(0, pct);
        if (s.startsWith("::ffff:") && s.indexOf('.') > 0) s = s.substring(7);
        return s;
    }

    /** The node address the session arrived on, when it is on dev. */
    public Optional<Cidr> serverAddressOn(HostState host, String dev) {
        return host.addressesOf(dev).stream().map(Address::parsed).filter(c -> c.address().equals(server)).findFirst();
    }

    /**
     * The route replies to the client take (longest prefix among routes and the
     * subnets of addresses). A subnet route is returned as a kernel route.
     */
    public Optional<Route> routeToClient(HostState host) {
        Route best = null;
        int bestLen = -1;
        for (Route r : host.routes()) {
            if (r.isDefault() && r.via() != null && r.isV6() != client.isV6()) continue;
            int len = matchLength(r.dst());
            if (len > bestLen) {
                best = r;
                bestLen = len;
            }
        }
        for (Address a : host.addresses()) {
            Cidr c = a.parsed();
            if (c.contains(client) && c.prefix() > bestLen) {
                best = new Route(c.subnet(), null, a.dev(), "kernel", "link", null, null);
                bestLen = c.prefix();
            }
        }
        return Optional.ofNullable(best);
    }

    private int matchLength(String dst) {
        if (dst.equals("default")) return 0;
        try {
            Cidr c = Cidr.parse(dst, true);
            return c.contains(client) ? c.prefix() : -1;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    @Override
    public String toString() {
        return client + " -> " + server;
    }
}
