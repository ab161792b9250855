package dev.vzbridge.tools;

import dev.vzbridge.api.host.Link;
import dev.vzbridge.api.plan.Effect;
import dev.vzbridge.api.plan.Exec;
import dev.vzbridge.api.plan.Step;
import dev.vzbridge.api.tools.NetTools;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A plugin's raw command runs where the tools run: on the node as given, in a container wrapped and in its view. */
class RawStepTest {
    private static final Link VLAN = new Link("eth0.7", 0, "vlan", null, false, null, null, null);
    private static final List<String> ADD = List.of("ip", "link", "add", "link", "eth0", "name", "eth0.7", "type", "vlan", "id", "7");
    private static final List<List<String>> DEL = List.of(List.of("ip", "link", "del", "eth0.7"));

    @Test
    void onTheNodeTheArgvAndLinksStayAsGiven() {
        NetTools node = ToolFlavours.select("iproute2", null);
        Step s = node.raw(ADD, DEL, Set.of("eth0", "eth0.7"), List.of(new Effect.LinkAdded(null, VLAN)));
        assertEquals(ADD, ((Exec) s.apply()).argv());
        assertEquals(DEL.get(0), ((Exec) s.undo().get(0)).argv());
        assertEquals(Set.of("eth0", "eth0.7"), s.links());
        assertEquals(List.of(new Effect.LinkAdded(null, VLAN)), s.effects());
    }

    @Test
    void insideAContainerTheArgvIsWrappedAndTheEffectIsInItsView() {
        NetTools in = ToolFlavours.inside(ToolFlavours.select("iproute2", null), "101", argv -> {
            List<String> a = new ArrayList<>(List.of("ip", "netns", "exec", "ct101"));
            a.addAll(argv);
            return a;
        });
        Step s = in.raw(ADD, DEL, Set.of("eth0"), List.of(new Effect.LinkAdded(null, VLAN)));
        assertEquals(List.of("ip", "netns", "exec", "ct101"), ((Exec) s.apply()).argv().subList(0, 4));
        assertEquals(List.of("ip", "netns", "exec", "ct101", "ip", "link", "del", "eth0.7"), ((Exec) s.undo().get(0)).argv());
        assertEquals(Set.of(), s.links(), "a container's eth0 is not the node's");
        assertEquals(List.of(new Effect.LinkAdded("101", VLAN)), s.effects());
    }
}
