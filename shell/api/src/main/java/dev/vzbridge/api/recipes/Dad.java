package dev.vzbridge.api.recipes;

import dev.vzbridge.api.command.CommandContext;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Link;
import dev.vzbridge.api.net.Cidr;

import java.util.Comparator;
import java.util.List;

/** Duplicate-address detection before an address is claimed on a segment. */
public final class Dad {
    private Dad() {
    }

    /**
     * Probes each IPv4 address the node does not already hold (moving one's own
     * address is no new claim) and refuses one another MAC answers for, or one that
     * could not be probed. IPv6 has its own duplicate detection in the kernel.
     * When {@code dev} is a bridge planned in the same transaction, its segment is
     * carried now by the NICs it takes over: those are probed instead.
     */
    public static void requireUnused(CommandContext ctx, HostState host, String dev, List<Cidr> addresses) {
        List<String> ips = addresses.stream()
            .filter(c -> !c.isV6())
            .filter(c -> host.addresses().stream().noneMatch(a -> a.parsed().address().equals(c.address())))
            .map(c -> c.address().toString())
            .distinct()
            .toList();
        if (ips.isEmpty()) return;
        // a NIC first; a veth port (as in a lab) carries the segment just as well if it exists now
        List<String> carriers = host.portsOf(dev).stream().sorted(Comparator.comparing(Link::isVeth)).map(Link::name).toList();
        ctx.requireUnused(dev, carriers, ips);
    }
}
