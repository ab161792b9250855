package dev.vzbridge.api.host;

import java.util.List;
import java.util.Optional;

/** A container and, when it runs, its network view from inside. */
public record Container(String id, boolean running, List<Link> links, List<Address> addresses, List<Route> routes) {
    public Container {
        links = List.copyOf(links);
        addresses = List.copyOf(addresses);
        routes = List.copyOf(routes);
    }

    public Optional<Link> link(String name) {
        return links.stream().filter(l -> l.name().equals(name)).findFirst();
    }

    public List<Address> addressesOf(String dev) {
        return addresses.stream().filter(a -> a.dev().equals(dev)).toList();
    }
}
