package dev.vzbridge.api.recipes;

import dev.vzbridge.api.host.Container;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Link;
import dev.vzbridge.api.host.Route;
import dev.vzbridge.api.net.Cidr;
import dev.vzbridge.api.net.Destination;
import dev.vzbridge.api.net.IpAddress;
import dev.vzbridge.api.plan.Change;
import dev.vzbridge.api.plan.Check;
import dev.vzbridge.api.plan.Effect;
import dev.vzbridge.api.plan.Step;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * "What the plan touched holds": for every link, address and route a step's
 * effect names, a check that it is in the predicted state (with its master) or
 * gone from it. Facts no effect implies (pings, STP forwarding) the recipe adds.
 */
public final class DerivedChecks {
    private DerivedChecks() {
    }

    public static List<Check> of(HostState after, List<Change> changes) {
        Set<Check> out = new LinkedHashSet<>();
        for (Change c : changes)
            for (Step s : c.steps())
                for (Effect e : s.effects()) check(after, e).ifPresent(out::add);
        return List.copyOf(out);
    }

    private static Optional<Check> check(HostState after, Effect e) {
        String ct = e.ct();
        if (e instanceof Effect.LinkAdded a) return Optional.of(link(after, ct, a.link().name()));
        if (e instanceof Effect.LinkRemoved r) return Optional.of(link(after, ct, r.name()));
        if (e instanceof Effect.Enslaved en) return Optional.of(link(after, ct, en.port()));
        if (e instanceof Effect.Released r) return Optional.of(link(after, ct, r.port()));
        if (e instanceof Effect.LinkSet s) return Optional.of(link(after, ct, s.name()));
        if (e instanceof Effect.AddressAdded a) return Optional.of(address(after, ct, a.dev(), a.cidr()));
        if (e instanceof Effect.AddressRemoved r) return Optional.of(address(after, ct, r.dev(), r.cidr()));
        if (e instanceof Effect.RouteAdded r) return Optional.of(route(after, ct, r.route()));
        if (e instanceof Effect.RouteRemoved r) return Optional.of(route(after, ct, r.route()));
        return Optional.empty(); // bridge settings and MACs: the recipe checks what it relies on
    }

    private static Check link(HostState after, String ct, String name) {
        Optional<Link> l = view(after, ct).link(name);
        if (l.isEmpty()) return Check.Link.absent(ct, name);
        return l.get().master() == null ? Check.Link.noMaster(ct, name) : Check.Link.portOf(ct, name, l.get().master());
    }

    private static Check address(HostState after, String ct, String dev, Cidr cidr) {
        boolean present = Moves.hasAddress(view(after, ct).addresses(), dev, cidr);
        return new Check.Address(ct, dev, cidr, present);
    }

    private static Check route(HostState after, String ct, Route r) {
        boolean present = Moves.hasRoute(view(after, ct).routes(), r);
        return new Check.Route(ct, Destination.parse(r.dst()), r.via() == null ? null : IpAddress.parse(r.via()), r.dev(), present);
    }

    private static HostState view(HostState s, String ct) {
        if (ct == null) return s;
        Optional<Container> c = s.container(ct);
        return c.map(ContainerVeth::ctView).orElse(HostState.empty());
    }
}
