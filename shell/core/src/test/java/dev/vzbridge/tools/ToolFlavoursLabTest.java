package dev.vzbridge.tools;

import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Link;
import dev.vzbridge.api.host.Route;
import dev.vzbridge.api.net.Cidr;
import dev.vzbridge.api.plan.Step;
import dev.vzbridge.api.tools.NetTools;
import dev.vzbridge.host.HostProbe;
import dev.vzbridge.lab.Lab;
import dev.vzbridge.testkit.LabActions;
import dev.vzbridge.testkit.LabTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both flavours build the recipe's bridge over eth0 in the lab and their undo puts the node back exactly. */
@LabTest
class ToolFlavoursLabTest {
    @ParameterizedTest
    @ValueSource(strings = {"iproute2", "legacy"})
    void bridgeWithPortCarriesTheNodeAndUndoRestoresIt(String flavour, Lab lab) {
        NetTools tools = ToolFlavours.select(flavour, lab.nodeRunner());
        assertEquals(flavour, tools.flavour());
        HostProbe probe = new HostProbe(lab.nodeRunner(), null);
        HostState before = probe.observe(List.of());
        Link eth0 = before.link("eth0").orElseThrow();
        Route def = before.defaultRoute(false).orElseThrow();
        Cidr addr = Cidr.parse("10.0.0.2/24");

        List<Step> steps = List.of(
            tools.addBridge("br0"),
            tools.setStp("br0", false, false),
            tools.setForwardDelay("br0", 0, 15),
            tools.setMac("br0", eth0.mac(), "02:00:00:00:00:99"),
            tools.enslave("eth0", "br0"),
            tools.deleteRoute(def),
            tools.deleteAddress("eth0", addr),
            tools.addAddress("br0", addr),
            tools.up("br0", false),
            tools.addRoute(def.onDev("br0")));
        LabActions.apply(lab.nodeRunner(), steps);

        HostState after = probe.observe(List.of());
        Link br = after.link("br0").orElseThrow();
        assertEquals("bridge", br.kind());
        assertFalse(br.bridge().stp());
        assertEquals(0, br.bridge().forwardDelay());
        assertEquals(eth0.mac(), br.mac());
        assertEquals("br0", after.link("eth0").orElseThrow().master());
        assertTrue(after.addressesOf("br0").stream().anyMatch(a -> a.cidr().equals("10.0.0.2/24")));
        assertEquals("br0", after.defaultRoute(false).orElseThrow().dev());
        assertTrue(lab.ping(lab.nodeNetns(), Lab.LAN_GATEWAY), "node reaches 10.0.0.1 through br0");
        assertEquals("forwarding", after.link("eth0").orElseThrow().portState());

        LabActions.undo(lab.nodeRunner(), steps);
        HostState restored = probe.observe(List.of());
        assertTrue(restored.link("br0").isEmpty(), "bridge removed");
        assertEquals(before.links(), restored.links());
        assertEquals(new HashSet<>(before.routes()), new HashSet<>(restored.routes()));
        assertEquals(v4(before), v4(restored));
        assertTrue(lab.ping(lab.nodeNetns(), Lab.LAN_GATEWAY), "node reaches 10.0.0.1 through eth0 again");
    }

    private static HashSet<String> v4(HostState h) {
        HashSet<String> s = new HashSet<>();
        h.addresses().stream().filter(a -> !a.isV6()).forEach(a -> s.add(a.dev() + " " + a.cidr()));
        return s;
    }
}
