package dev.vzbridge.dualnic;

import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Link;
import dev.vzbridge.api.host.Route;
import dev.vzbridge.api.net.Cidr;
import dev.vzbridge.api.net.IpAddress;
import dev.vzbridge.api.plan.Change;
import dev.vzbridge.api.plan.Check;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.api.plan.Step;
import dev.vzbridge.api.recipes.BridgeOverNic;
import dev.vzbridge.api.recipes.BridgeSpec;
import dev.vzbridge.api.recipes.DerivedChecks;
import dev.vzbridge.api.recipes.HostEdit;
import dev.vzbridge.api.net.Destination;
import dev.vzbridge.api.recipes.Moves;
import dev.vzbridge.api.recipes.Recipe;
import dev.vzbridge.api.recipes.SshSession;
import dev.vzbridge.api.recipes.TakeOff;
import dev.vzbridge.api.tools.NetTools;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The recipe's dual-NIC section as a plan: the bridge over the external NIC (its
 * addresses and routes taken off), the node's address and default route on the
 * local NIC ("replace br0 with eth1"), optionally an address on the bridge so the
 * node reaches the containers. The record for teardown is written first, so a
 * node whose disk refuses it is never changed. Only what is missing is planned.
 */
public final class SetupPlanner {
    private SetupPlanner() {
    }

    /**
     * @param command     the command line as the shell read it: the plan's title
     * @param expect      told the state the plan leads to (for later commands of a transaction)
     * @param recordShown where the record really is, for messages (under --root: a lab's temporary directory)
     */
    public static Plan plan(String command, HostState host, NetTools tools, SetupRequest req, Optional<StoredRecord> stored,
                            Optional<SshSession> ssh, Consumer<HostState> expect, String recordShown) {
        Optional<SetupRecord> record = stored.map(StoredRecord::record);
        SetupChecks.require(host, req, record, recordShown);
        Link ext = host.link(req.external()).orElseThrow();
        Link local = host.link(req.local()).orElseThrow();
        List<Cidr> bridgeAddresses = req.bridgeAddress() == null ? List.of() : List.of(req.bridgeAddress());
        BridgeSpec spec = new BridgeSpec(req.bridge(), req.external(), bridgeAddresses, null, false,
            req.stp(), req.forwardDelay(), BridgeSpec.MAC_NIC);
        // The bridge block's notes speak of its own options; this command says it in its own words below.
        Recipe bridge = BridgeOverNic.plan(host, tools, spec, Optional.empty());
        TakeOff takeOff = TakeOff.of(host, tools, req.external());

        Route defaultRoute = Moves.defaultVia(req.gateway(), req.local());
        List<Route> routesToLocal = new ArrayList<>();
        List<Route> dropped = new ArrayList<>();
        for (Route r : takeOff.routes()) {
            if (r.isDefault()) continue;
            if (r.via() != null && req.localAddress().contains(IpAddress.parse(r.via()))) routesToLocal.add(r.onDev(req.local()));
            else dropped.add(r);
        }
        routesToLocal.add(defaultRoute);
        List<Route> addRoutes = routesToLocal.stream().filter(r -> !Moves.hasRoute(host.routes(), r)).toList();
        boolean addAddress = !Moves.hasAddress(host.addresses(), req.local(), req.localAddress());
        List<Cidr> addedAddresses = addAddress ? List.of(req.localAddress()) : List.of();

        List<Step> localSteps = new ArrayList<>();
        if (!local.up()) localSteps.add(tools.up(req.local(), false));
        localSteps.addAll(Moves.addAddresses(tools, req.local(), addedAddresses));
        localSteps.addAll(Moves.addRoutes(tools, addRoutes));
        Change toLocal = new Change("give " + req.local() + " the node's address and default route", localSteps);

        Plan.Builder b = Plan.builder(command);
        boolean changes = !bridge.isEmpty() || !toLocal.steps().isEmpty();
        if (changes) {
            SetupRecord.Asked asked = new SetupRecord.Asked(req.localAddress(), req.gateway(), req.bridgeAddress());
            SetupRecord next = record
                .map(r -> r.plus(takeOff.addresses(), takeOff.routes(), addedAddresses, addRoutes, asked))
                .orElseGet(() -> new SetupRecord(req.external(), ext.up(), req.local(), local.up(), req.bridge(),
                    takeOff.addresses(), takeOff.routes(), addedAddresses, addRoutes, asked));
            b.change(new Change("record the setup for 'dualnic teardown' in " + recordShown,
                List.of(RecordFile.write(next, stored))));
            b.file(SetupRecord.PATH);
        } else {
            b.note("nothing to do");
        }
        bridge.changes().forEach(b::change);
        b.change(toLocal);
        // The state after and the checks come from the steps' effects; only the kernel's routes and the ping are extra.
        HostState after = HostEdit.after(bridge.after() != null ? bridge.after() : host, List.of(toLocal));
        bridge.checks().forEach(b::check);
        DerivedChecks.of(after, List.of(toLocal)).forEach(b::check);
        checks(req).forEach(b::check);
        notes(host, req, takeOff, dropped, ssh).forEach(b::note);
        expect.accept(after);
        return b.build();
    }

    /** What no effect implies: the kernel's subnet route leads the gateway's traffic over the local NIC alone. */
    private static List<Check> checks(SetupRequest req) {
        List<Check> out = new ArrayList<>();
        Destination subnet = Destination.parse(req.localAddress().subnet());
        out.add(Check.Link.noMaster(null, req.local()));
        out.add(new Check.Address(null, req.local(), req.localAddress(), true));
        out.add(new Check.Route(null, subnet, null, req.local(), true));
        out.add(new Check.Route(null, subnet, null, req.external(), false));
        out.add(new Check.Route(null, subnet, null, req.bridge(), false));
        out.add(Check.Route.defaultVia(null, req.gateway(), req.local()));
        out.add(Check.Ping.of(null, req.gateway()));
        return out;
    }

    private static List<String> notes(HostState host, SetupRequest req, TakeOff takeOff, List<Route> dropped,
                                      Optional<SshSession> ssh) {
        List<String> out = new ArrayList<>();
        out.add(TrafficPaths.summary(req.local(), req.gateway(), req.bridge(), req.external()));
        out.add(TrafficPaths.nodeToContainers(req.bridge(), req.local(), req.bridgeAddress()));
        if (!takeOff.isEmpty()) {
            List<String> what = new ArrayList<>();
            takeOff.addresses().forEach(c -> what.add(c.toString()));
            takeOff.routes().forEach(r -> what.add("route " + RouteText.format(r)));
            out.add(req.external() + " gives up " + String.join(", ", what) + " (the node's own traffic moves to " + req.local() + ")");
        }
        if (!dropped.isEmpty())
            out.add("routes not through the local gateway are not kept: "
                + String.join(", ", dropped.stream().map(RouteText::format).toList()) + " ('dualnic teardown' restores them)");
        ssh.flatMap(s -> takeOff.interrupting(host, s).map(step -> TakeOff.sessionNote(s, req.external(), step, req.local())))
            .ifPresent(out::add);
        return out;
    }
}
