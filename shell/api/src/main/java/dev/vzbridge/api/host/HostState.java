package dev.vzbridge.api.host;

import java.util.List;
import java.util.Optional;

/** One observation of the node: links, addresses, routes and containers. */
public record HostState(List<Link> links, List<Address> addresses, List<Route> routes, List<Container> containers) {
    public HostState {
        links = List.copyOf(links);
        addresses = List.copyOf(addresses);
        routes = List.copyOf(routes);
        containers = List.copyOf(containers);
    }

    public static HostState empty() {
        return new HostState(List.of(), List.of(), List.of(), List.of());
    }

    public Optional<Link> link(String name) {
        return links.stream().filter(l -> l.name().equals(name)).findFirst();
    }

    public List<Link> bridges() {
        return links.stream().filter(Link::isBridge).toList();
    }

    public List<Link> portsOf(String bridge) {
        return links.stream().filter(l -> bridge.equals(l.master())).toList();
    }

    public List<Address> addressesOf(String dev) {
        return addresses.stream().filter(a -> a.dev().equals(dev)).toList();
    }

    /** Routes through dev that the admin made (kernel subnet routes follow their address). */
    public List<Route> routesVia(String dev) {
        return routes.stream().filter(r -> dev.equals(r.dev())).toList();
    }

    public Optional<Route> defaultRoute(boolean v6) {
        return routes.stream().filter(r -> r.isDefault() && r.isV6() == v6).findFirst();
    }

    public Optional<Container> container(String id) {
        return containers.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
