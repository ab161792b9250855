package dev.vzbridge.api.recipes;

import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Link;
import dev.vzbridge.api.host.Route;
import dev.vzbridge.api.net.Cidr;
import dev.vzbridge.api.plan.Change;
import dev.vzbridge.api.plan.Check;
import dev.vzbridge.api.plan.Effect;
import dev.vzbridge.api.plan.Step;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The state after a plan is the observed state with the effects applied, kernel rules included. */
class EffectPredictionTest {
    private static final FakeTools NODE = new FakeTools("node");

    @Test
    void everyIntentCarriesItsEffectInItsView() {
        assertEquals(List.of(new Effect.AddressAdded(null, "eth0", Cidr.parse("10.0.0.9/24"))),
            NODE.addAddress("eth0", Cidr.parse("10.0.0.9/24")).effects());
        assertEquals(List.of(new Effect.Enslaved("101", "eth1", "br9")),
            new FakeTools.Runtime().inside("101").enslave("eth1", "br9").effects());
        Step veth = new FakeTools.Runtime().addVeth("101", "eth0", "br0", "02:00:00:00:00:01");
        assertEquals(List.of(Effect.LinkAdded.veth(null, "veth101.0", null), Effect.LinkAdded.veth("101", "eth0", "02:00:00:00:00:01")),
            veth.effects());
    }

    @Test
    void addressOnADownLinkBringsItsSubnetRouteOnlyOnceUp() {
        HostState host = SimHost.recipe().state();
        List<Change> changes = List.of(Change.of("bridge", NODE.addBridge("br9"), NODE.addAddress("br9", Cidr.parse("192.0.2.1/24"))));
        HostState mid = HostEdit.after(host, changes);
        assertFalse(mid.routes().stream().anyMatch(r -> "br9".equals(r.dev())), "no subnet route on a down bridge");
        HostState up = HostEdit.after(mid, List.of(Change.of("up", NODE.up("br9", false))));
        assertTrue(up.routes().stream().anyMatch(r -> r.isKernel() && "192.0.2.0/24".equals(r.dst()) && "br9".equals(r.dev())));
        HostState down = HostEdit.after(up, List.of(Change.of("down", NODE.down("br9", true))));
        assertTrue(down.routesVia("br9").isEmpty(), "down drops every route through the link");
    }

    @Test
    void removingABridgeReleasesItsPortsAndABridgeWithoutMacTakesItsPorts() {
        HostState host = SimHost.recipe().state();
        HostState bridged = HostEdit.after(host, List.of(Change.of("b", NODE.addBridge("br9"), NODE.enslave("eth0", "br9"))));
        assertEquals("52:54:00:00:00:02", bridged.link("br9").map(Link::mac).orElseThrow());
        assertEquals("br9", bridged.link("eth0").map(Link::master).orElseThrow());
        HostState gone = HostEdit.after(bridged, List.of(Change.of("d", NODE.deleteBridge("br9", false, 15, null))));
        assertTrue(gone.link("br9").isEmpty());
        assertEquals(null, gone.link("eth0").map(Link::master).orElse(null));
    }

    @Test
    void defaultChecksAreWhatTheEffectsTouchedAsPredicted() {
        HostState host = SimHost.recipe().state();
        Route def = Moves.defaultVia("10.0.0.1", "eth0");
        Step raw = Step.raw(List.of("ip", "link", "add", "link", "eth0", "name", "eth0.7", "type", "vlan", "id", "7"),
            List.of(List.of("ip", "link", "del", "eth0.7")), Set.of("eth0"),
            new Effect.LinkAdded(null, new Link("eth0.7", 0, "vlan", null, false, null, null, null)));
        Recipe r = Recipe.of(host, List.of(Change.of("move", NODE.deleteRoute(def), raw, NODE.up("eth0.7", false),
            NODE.addAddress("eth0.7", Cidr.parse("192.0.2.1/24")))), List.of(Check.Ping.of(null, "192.0.2.9")), List.of());
        assertEquals(List.of(
            new Check.Route(null, dev.vzbridge.api.net.Destination.DEFAULT, dev.vzbridge.api.net.IpAddress.parse("10.0.0.1"), "eth0", false),
            Check.Link.noMaster(null, "eth0.7"),
            new Check.Address(null, "eth0.7", Cidr.parse("192.0.2.1/24"), true),
            Check.Ping.of(null, "192.0.2.9")), r.checks());
        assertTrue(r.after().link("eth0.7").map(Link::up).orElse(false), "a raw step predicts like an intent");
        for (Check c : r.checks()) if (c instanceof Check.OfState s) assertTrue(s.holds(r.after()), c.describe());
    }

    @Test
    void aRawStepInsideAContainerHasItsEffectsInTheContainersView() {
        Link dummy = new Link("dummy0", 0, "dummy", null, false, null, null, null);
        Step s = new FakeTools.Runtime().inside("101").raw(List.of("ip", "link", "add", "dummy0", "type", "dummy"),
            List.of(List.of("ip", "link", "del", "dummy0")), Set.of(), List.of(new Effect.LinkAdded(null, dummy)));
        assertEquals(List.of(new Effect.LinkAdded("101", dummy)), s.effects());
        HostState after = HostEdit.after(SimHost.recipe().state(), List.of(Change.of("raw", s)));
        assertTrue(after.container("101").orElseThrow().link("dummy0").isPresent());
        assertTrue(after.link("dummy0").isEmpty(), "not on the node");
    }
}
