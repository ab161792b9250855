package dev.vzbridge.api.recipes;

import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Route;
import dev.vzbridge.api.net.Cidr;
import dev.vzbridge.api.plan.Step;
import dev.vzbridge.api.tools.NetTools;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The admin's addresses and routes leaving one interface, with the steps that
 * remove them (routes first, then addresses), and which of those steps would cut
 * an SSH session that runs over the interface.
 */
public final class TakeOff {
    private final String dev;
    private final Map<Route, Step> routes = new LinkedHashMap<>();
    private final Map<Cidr, Step> addresses = new LinkedHashMap<>();

    private TakeOff(String dev) {
        this.dev = dev;
    }

    /** Everything movable on dev. */
    public static TakeOff of(HostState host, NetTools tools, String dev) {
        return of(tools, dev, Moves.adminRoutes(host, dev), Moves.movableAddresses(host, dev));
    }

    public static TakeOff of(NetTools tools, String dev, List<Route> routeList, List<Cidr> addressList) {
        TakeOff t = new TakeOff(dev);
        List<Route> order = new ArrayList<>(routeList);
        order.sort(Moves.ADD_ORDER.reversed());
        for (Route r : order) t.routes.put(r, tools.deleteRoute(r));
        for (int i = addressList.size() - 1; i >= 0; i--) t.addresses.put(addressList.get(i), tools.deleteAddress(dev, addressList.get(i)));
        return t;
    }

    public String dev() {
        return dev;
    }

    /** The routes, in the order they were observed to be added (direct first). */
    public List<Route> routes() {
        List<Route> out = new ArrayList<>(routes.keySet());
        out.sort(Moves.ADD_ORDER);
        return out;
    }

    /** The addresses, primary first. */
    public List<Cidr> addresses() {
        List<Cidr> out = new ArrayList<>(addresses.keySet());
        java.util.Collections.reverse(out);
        return out;
    }

    public List<Step> routeSteps() {
        return List.copyOf(routes.values());
    }

    public List<Step> addressSteps() {
        return List.copyOf(addresses.values());
    }

    public boolean isEmpty() {
        return routes.isEmpty() && addresses.isEmpty();
    }

    /**
     * The first step that cuts the session, when it runs over dev: removing the
     * route its replies take, or the address it arrived on (or whose subnet carries it).
     */
    public Optional<Step> interrupting(HostState host, SshSession session) {
        Optional<Route> carrier = session.routeToClient(host).filter(r -> dev.equals(r.dev()));
        for (Map.Entry<Route, Step> e : routes.entrySet())
            if (carrier.isPresent() && Moves.sameRoute(e.getKey(), carrier.get())) return Optional.of(e.getValue());
        for (Map.Entry<Cidr, Step> e : addresses.entrySet()) {
            Cidr c = e.getKey();
            boolean arrivedHere = c.address().equals(session.server());
            boolean subnetCarries = carrier.isPresent() && carrier.get().isKernel() && c.contains(session.client());
            if (arrivedHere || subnetCarries) return Optional.of(e.getValue());
        }
        return Optional.empty();
    }

    /** The note the plan shows when a step cuts the admin's session. */
    public static String sessionNote(SshSession session, String dev, Step step, String newHome) {
        return "your SSH session (" + session + ") runs over " + dev + ": step '" + step.apply().render()
            + "' interrupts it until " + newHome + " carries it; the change is kept only after you confirm";
    }
}
