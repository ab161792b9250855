package dev.vzbridge.dualnic;

import dev.vzbridge.api.command.UsageException;
import dev.vzbridge.api.host.Address;
import dev.vzbridge.api.host.Container;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Link;
import dev.vzbridge.api.host.Route;
import dev.vzbridge.api.net.Cidr;
import dev.vzbridge.api.recipes.Moves;
import dev.vzbridge.api.recipes.Names;

import java.util.Optional;

/** What {@code dualnic setup} refuses after looking at the node, each with one line naming the problem. */
final class SetupChecks {
    private SetupChecks() {
    }

    static void require(HostState host, SetupRequest req, Optional<SetupRecord> record, String recordShown) {
        Link ext = Names.existingNic(host, "--external", req.external());
        Link local = Names.existingNic(host, "--local", req.local());
        if (local.master() != null)
            throw new UsageException("--local " + local.name() + " is a port of " + local.master()
                + "; the node's own address needs a NIC of its own");
        if (ext.master() != null && !ext.master().equals(req.bridge()))
            throw new UsageException("--external " + ext.name() + " is already a port of " + ext.master());
        record.ifPresent(r -> sameSetup(r, req));
        host.link(req.bridge()).ifPresent(br -> {
            if (!br.isBridge()) throw new UsageException("--bridge " + br.name() + " exists and is not a bridge");
            if (record.isEmpty())
                throw new UsageException("--bridge " + br.name() + " already exists and no dual-NIC setup is recorded in "
                    + recordShown + "; choose another name or remove " + br.name() + " first (bridge delete " + br.name() + ")");
        });
        Cidr localAddress = req.localAddress();
        for (Container ct : host.containers())
            for (Address a : ct.addresses()) {
                if (a.isLinkLocal()) continue;
                Cidr c = a.parsed();
                if (c.overlaps(localAddress))
                    throw new UsageException("--local-address " + localAddress + " is in a container subnet (CT " + ct.id()
                        + " has " + c + " on " + a.dev() + "); the node's local address must be outside the CTs' subnets");
                if (req.bridgeAddress() != null && c.address().equals(req.bridgeAddress().address()))
                    throw new UsageException("--bridge-address " + req.bridgeAddress().address() + " is CT " + ct.id() + "'s address");
            }
        for (Address a : host.addresses()) {
            if (a.isLinkLocal() || a.dev().equals(req.external())) continue;
            Cidr c = a.parsed();
            if (a.dev().equals(req.local())) {
                if (c.address().equals(localAddress.address()) && c.prefix() != localAddress.prefix())
                    throw new UsageException(req.local() + " already has " + c + "; --local-address " + localAddress + " differs in prefix length");
                continue;
            }
            if (c.address().equals(localAddress.address()))
                throw new UsageException("--local-address " + localAddress.address() + " is already on " + a.dev());
            if (c.overlaps(localAddress))
                throw new UsageException(a.dev() + " has " + c + " in the local subnet " + localAddress.subnet()
                    + "; the route to the gateway must use " + req.local() + " alone");
        }
        boolean v6 = localAddress.isV6();
        for (Route r : host.routes()) {
            if (!r.isDefault() || r.isV6() != v6) continue;
            if (req.external().equals(r.dev())) continue; // taken off with the external NIC's routes
            if (Moves.sameRoute(r, Moves.defaultVia(req.gateway(), req.local()))) continue;
            throw new UsageException("a default route already exists (via " + r.via() + " dev " + r.dev()
                + "); the node's default route would go via " + req.gateway() + " on " + req.local() + ": remove that one first");
        }
    }

    private static void sameSetup(SetupRecord r, SetupRequest req) {
        if (r.external().equals(req.external()) && r.local().equals(req.local()) && r.bridge().equals(req.bridge())) return;
        throw new UsageException("a dual-NIC setup is already in place (external " + r.external() + ", local " + r.local()
            + ", bridge " + r.bridge() + "); run 'dualnic teardown' before setting up another");
    }
}
