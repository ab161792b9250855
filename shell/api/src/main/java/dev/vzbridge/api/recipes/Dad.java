package dev.vzbridge.api.recipes;

import dev.vzbridge.api.command.CommandContext;
import dev.vzbridge.api.command.UsageException;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.net.Cidr;

import java.util.List;
import java.util.Optional;

/** Duplicate-address detection before an address is claimed on a segment. */
public final class Dad {
    private Dad() {
    }

    /**
     * Probes each IPv4 address the node does not already hold (moving one's own
     * address is no new claim) and refuses the first one another MAC answers for.
     * IPv6 has its own duplicate detection in the kernel.
     */
    public static void requireUnused(CommandContext ctx, HostState host, String dev, List<Cidr> addresses) {
        for (Cidr c : addresses) {
            if (c.isV6()) continue;
            boolean own = host.addresses().stream().anyMatch(a -> a.parsed().address().equals(c.address()));
            if (own) continue;
            Optional<String> owner = ctx.duplicateAddressOwner(dev, c.address().toString());
            if (owner.isPresent())
                throw new UsageException(c.address() + " is already in use on " + dev + "'s segment (answered by "
                    + owner.get() + "); pick another address, or --no-dad to skip this probe");
        }
    }
}
