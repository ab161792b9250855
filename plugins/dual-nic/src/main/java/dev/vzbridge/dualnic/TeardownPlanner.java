package dev.vzbridge.dualnic;

import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Link;
import dev.vzbridge.api.host.Route;
import dev.vzbridge.api.net.Cidr;
import dev.vzbridge.api.plan.Change;
import dev.vzbridge.api.plan.Check;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.api.plan.Step;
import dev.vzbridge.api.recipes.BridgeRemoval;
import dev.vzbridge.api.recipes.DerivedChecks;
import dev.vzbridge.api.recipes.HostEdit;
import dev.vzbridge.api.recipes.Moves;
import dev.vzbridge.api.recipes.Recipe;
import dev.vzbridge.api.recipes.SshSession;
import dev.vzbridge.api.recipes.TakeOff;
import dev.vzbridge.api.tools.NetTools;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The exact inverse of every setup since the record was written: the bridge goes
 * (with whatever address it was given), what setup added to the local NIC comes
 * off, the external NIC gets back the addresses and routes it had, both NICs
 * return to their up/down state, and the record is removed. Only what is still
 * there is planned, so a second teardown plans nothing.
 */
public final class TeardownPlanner {
    private TeardownPlanner() {
    }

    /**
     * @param command        the command line as the shell read it: the plan's title
     * @param stored         the record as read (empty: no setup recorded, nothing to do)
     * @param containerPorts host ends of container interfaces, mapped to their CT ID
     * @param recordShown    where the record really is, for messages (under --root: a lab's temporary directory)
     */
    public static Plan plan(String command, HostState host, NetTools tools, Optional<StoredRecord> stored,
                            boolean force, Map<String, String> containerPorts, Optional<SshSession> ssh,
                            Consumer<HostState> expect, String recordShown) {
        Plan.Builder b = Plan.builder(command);
        if (stored.isEmpty()) {
            return b.note("nothing to do").note("no dual-NIC setup is recorded in " + recordShown).build();
        }
        SetupRecord r = stored.get().record();
        Recipe bridge = BridgeRemoval.plan(host, tools, r.bridge(), force, containerPorts, true, Optional.empty());

        List<Step> offLocal = new ArrayList<>();
        List<Route> localRoutes = r.localAddedRoutes().stream().filter(x -> Moves.hasRoute(host.routes(), x)).toList();
        List<Cidr> localAddresses = r.localAddedAddresses().stream()
            .filter(c -> Moves.hasAddress(host.addresses(), r.local(), c)).toList();
        offLocal.addAll(Moves.deleteRoutes(tools, localRoutes));
        offLocal.addAll(Moves.deleteAddresses(tools, r.local(), localAddresses));
        Optional<Link> local = host.link(r.local());
        if (!r.localWasUp() && local.map(Link::up).orElse(false)) offLocal.add(tools.down(r.local(), true));

        List<Step> backToExternal = new ArrayList<>();
        List<Cidr> give = r.externalAddresses().stream()
            .filter(c -> !Moves.hasAddress(host.addresses(), r.external(), c)).toList();
        List<Route> routes = r.externalRoutes().stream().filter(x -> !Moves.hasRoute(host.routes(), x)).toList();
        backToExternal.addAll(Moves.addAddresses(tools, r.external(), give));
        backToExternal.addAll(Moves.addRoutes(tools, routes));
        Optional<Link> ext = host.link(r.external());
        if (!r.externalWasUp() && ext.map(Link::up).orElse(false)) backToExternal.add(tools.down(r.external(), true));

        // Off the local NIC before the external one takes them back: the same address and
        // default route cannot be added twice.
        Change offLocalChange = new Change("take the node's address and routes off " + r.local(), offLocal);
        Change backChange = new Change("give " + r.external() + " back its addresses and routes", backToExternal);
        bridge.changes().forEach(b::change);
        b.change(offLocalChange);
        b.change(backChange);
        b.change(new Change("remove the record " + recordShown, List.of(RecordFile.delete(stored.get()))));
        b.file(SetupRecord.PATH);

        // The state after and the checks come from the steps' effects; only the ping is extra.
        HostState after = HostEdit.after(bridge.after() != null ? bridge.after() : host, List.of(offLocalChange, backChange));
        bridge.checks().forEach(b::check);
        DerivedChecks.of(after, List.of(offLocalChange, backChange)).forEach(b::check);
        checks(r).forEach(b::check);
        bridge.notes().forEach(b::note);
        b.note("afterwards: node → " + r.asked().gateway() + " via " + r.external() + " again; no bridge for containers");
        ssh.flatMap(s -> TakeOff.of(tools, r.local(), localRoutes, localAddresses).interrupting(host, s)
                .map(step -> TakeOff.sessionNote(s, r.local(), step, r.external())))
            .ifPresent(b::note);
        expect.accept(after);
        return b.build();
    }

    /** What no effect implies: the gateway answers over the external NIC again. */
    private static List<Check> checks(SetupRecord r) {
        return r.externalRoutes().stream().filter(Route::isDefault).findFirst()
            .filter(d -> d.via() != null && r.externalWasUp())
            .map(d -> List.<Check>of(Check.Ping.of(null, d.via()))).orElse(List.of());
    }
}
