package dev.vzbridge.host;

import dev.vzbridge.api.host.Address;
import dev.vzbridge.api.host.Link;
import dev.vzbridge.api.host.Route;

import java.util.List;

/** What one network namespace looks like: its links, addresses and main-table routes. */
public record NetView(List<Link> links, List<Address> addresses, List<Route> routes) {
    public NetView {
        links = List.copyOf(links);
        addresses = List.copyOf(addresses);
        routes = List.copyOf(routes);
    }
}
