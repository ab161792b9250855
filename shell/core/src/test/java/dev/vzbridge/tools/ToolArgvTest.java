package dev.vzbridge.tools;

import dev.vzbridge.api.command.UsageException;
import dev.vzbridge.api.host.Route;
import dev.vzbridge.api.net.Cidr;
import dev.vzbridge.api.plan.Exec;
import dev.vzbridge.api.plan.Step;
import dev.vzbridge.exec.ExecResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Exact argv and exact undo of every intent, in both flavours. */
class ToolArgvTest {
    private static final Iproute2Tools IP = new Iproute2Tools();
    private static final LegacyTools OLD = new LegacyTools();

    private static List<String> apply(Step s) {
        return ((Exec) s.apply()).argv();
    }

    private static List<List<String>> undo(Step s) {
        return s.undo().stream().map(a -> ((Exec) a).argv()).toList();
    }

    private static List<String> w(String line) {
        return List.of(line.split(" "));
    }

    @Test
    void iproute2Bridges() {
        Step add = IP.addBridge("br0");
        assertEquals(w("ip link add br0 type bridge"), apply(add));
        assertEquals(List.of(w("ip link del br0")), undo(add));
        assertEquals(Set.of("br0"), add.links());
        Step del = IP.deleteBridge("br0", true, 4, "02:00:00:00:00:01");
        assertEquals(w("ip link del br0"), apply(del));
        assertEquals(List.of(w("ip link add br0 type bridge stp_state 1 forward_delay 400"),
            w("ip link set dev br0 address 02:00:00:00:00:01")), undo(del));
        assertEquals(w("ip link set dev br0 type bridge forward_delay 0"), apply(IP.setForwardDelay("br0", 0, 15)));
        assertEquals(List.of(w("ip link set dev br0 type bridge forward_delay 1500")), undo(IP.setForwardDelay("br0", 0, 15)));
        assertEquals(List.of(w("ip link set dev br0 type bridge stp_state 0")), undo(IP.setStp("br0", true, false)));
        Step enslave = IP.enslave("eth0", "br0");
        assertEquals(w("ip link set dev eth0 master br0"), apply(enslave));
        assertEquals(List.of(w("ip link set dev eth0 nomaster")), undo(enslave));
        assertEquals(Set.of("eth0", "br0"), enslave.links());
        assertEquals(List.of(w("ip link set dev eth0 master br0")), undo(IP.release("eth0", "br0")));
        assertEquals(List.of(w("ip link set dev eth0 address 02:00:00:00:00:09")),
            undo(IP.setMac("eth0", "02:00:00:00:00:01", "02:00:00:00:00:09")));
    }

    @Test
    void upAndDownUndoOnlyWhatChanged() {
        assertEquals(List.of(w("ip link set dev br0 down")), undo(IP.up("br0", false)));
        assertEquals(List.of(), undo(IP.up("br0", true)));
        assertEquals(List.of(w("ip link set dev br0 up")), undo(IP.down("br0", true)));
        assertEquals(List.of(), undo(IP.down("br0", false)));
        assertEquals(List.of(w("ifconfig br0 down")), undo(OLD.up("br0", false)));
        assertEquals(List.of(w("ifconfig br0 up")), undo(OLD.down("br0", true)));
    }

    @Test
    void addressesAndRoutes() {
        Cidr v4 = Cidr.parse("10.0.0.2/24");
        Cidr v6 = Cidr.parse("2001:db8::2/64");
        assertEquals(w("ip addr add 10.0.0.2/24 dev br0"), apply(IP.addAddress("br0", v4)));
        assertEquals(List.of(w("ip addr del 10.0.0.2/24 dev br0")), undo(IP.addAddress("br0", v4)));
        assertEquals(w("ip -6 addr del 2001:db8::2/64 dev eth0"), apply(IP.deleteAddress("eth0", v6)));
        Route def = Route.of("default", "10.0.0.1", "eth0");
        assertEquals(w("ip route del default via 10.0.0.1 dev eth0"), apply(IP.deleteRoute(def)));
        Route full = new Route("192.0.2.0/24", "10.0.0.1", "eth0", "static", null, 7, "10.0.0.2");
        assertEquals(List.of(w("ip route add 192.0.2.0/24 via 10.0.0.1 dev eth0 proto static metric 7 src 10.0.0.2")),
            undo(IP.deleteRoute(full)));
        assertEquals(List.of(w("ip route del 192.0.2.0/24 via 10.0.0.1 dev eth0 metric 7")), undo(IP.addRoute(full)));
        assertEquals(w("ip -6 route add default via 2001:db8::1 dev br0"), apply(IP.addRoute(Route.of("default", "2001:db8::1", "br0"))));
        assertEquals(w("ip route add 203.0.113.195/32 dev br0 scope link"),
            apply(IP.addRoute(new Route("203.0.113.195/32", null, "br0", null, "link", null, null))));
    }

    @Test
    void legacyIsTheRecipesCommands() {
        assertEquals(w("brctl addbr br0"), apply(OLD.addBridge("br0")));
        assertEquals(List.of(w("ifconfig br0 down"), w("brctl delbr br0")), undo(OLD.addBridge("br0")));
        assertEquals(List.of(w("brctl addbr br0"), w("brctl stp br0 off"), w("brctl setfd br0 15"),
            w("ifconfig br0 hw ether 02:00:00:00:00:01")), undo(OLD.deleteBridge("br0", false, 15, "02:00:00:00:00:01")));
        assertEquals(w("brctl stp br0 on"), apply(OLD.setStp("br0", true, false)));
        assertEquals(w("brctl setfd br0 0"), apply(OLD.setForwardDelay("br0", 0, 15)));
        assertEquals(w("brctl addif br0 eth0"), apply(OLD.enslave("eth0", "br0")));
        assertEquals(List.of(w("brctl delif br0 eth0")), undo(OLD.enslave("eth0", "br0")));
        assertEquals(w("brctl delif br0 eth0"), apply(OLD.release("eth0", "br0")));
        assertEquals(w("ifconfig br0 hw ether 02:00:00:00:00:01"), apply(OLD.setMac("br0", "02:00:00:00:00:01", "x")));
        assertEquals(w("ifconfig br0 10.0.0.2 netmask 255.255.255.0"), apply(OLD.addAddress("br0", Cidr.parse("10.0.0.2/24"))));
        assertEquals(List.of(w("ifconfig br0 0.0.0.0")), undo(OLD.addAddress("br0", Cidr.parse("10.0.0.2/24"))));
        assertEquals(w("ifconfig br0 inet6 add 2001:db8::2/64"), apply(OLD.addAddress("br0", Cidr.parse("2001:db8::2/64"))));
        assertEquals(List.of(w("ifconfig br0 inet6 del 2001:db8::2/64")), undo(OLD.addAddress("br0", Cidr.parse("2001:db8::2/64"))));
    }

    @Test
    void legacyRoutes() {
        assertEquals(w("route add default gw 10.0.0.1 dev br0"), apply(OLD.addRoute(Route.of("default", "10.0.0.1", "br0"))));
        assertEquals(w("route add -host 203.0.113.195 dev br0"), apply(OLD.addRoute(Route.of("203.0.113.195/32", null, "br0"))));
        Route net = new Route("192.0.2.0/24", "10.0.0.1", "eth0", null, null, 7, null);
        assertEquals(w("route del -net 192.0.2.0 netmask 255.255.255.0 gw 10.0.0.1 metric 7 dev eth0"), apply(OLD.deleteRoute(net)));
        assertEquals(List.of(w("route add -net 192.0.2.0 netmask 255.255.255.0 gw 10.0.0.1 metric 7 dev eth0")), undo(OLD.deleteRoute(net)));
        assertEquals(w("route -A inet6 add 2001:db8:1::/64 gw 2001:db8::1 dev br0"),
            apply(OLD.addRoute(Route.of("2001:db8:1::/64", "2001:db8::1", "br0"))));
    }

    @Test
    void insideAContainerEveryArgvIsWrappedAndNamesNoNodeLink() {
        PrefixedTools in = new PrefixedTools(IP, argv -> {
            var a = new java.util.ArrayList<>(List.of("vzctl", "exec2", "101"));
            a.addAll(argv);
            return a;
        });
        Step s = in.addAddress("eth0", Cidr.parse("203.0.113.195/26"));
        assertEquals(w("vzctl exec2 101 ip addr add 203.0.113.195/26 dev eth0"), apply(s));
        assertEquals(List.of(w("vzctl exec2 101 ip addr del 203.0.113.195/26 dev eth0")), undo(s));
        assertEquals(Set.of(), s.links());
        assertEquals("iproute2", in.flavour());
    }

    @Test
    void flavourSelection() {
        assertEquals("legacy", ToolFlavours.select("legacy", null).flavour());
        assertEquals("iproute2", ToolFlavours.select("iproute2", null).flavour());
        assertThrows(UsageException.class, () -> ToolFlavours.select("busybox", null));
        String modern = "Usage: ip link add [link DEV] ...\nTYPE := { amt | bareudp | bond | bridge | can | veth }\n";
        String old = "Usage: ip link set DEVICE { up | down | arp { on | off } }\n";
        assertEquals("iproute2", ToolFlavours.detect((argv, in, t) -> new ExecResult(argv, 255, "", modern, false)).flavour());
        assertEquals("legacy", ToolFlavours.detect((argv, in, t) -> new ExecResult(argv, 255, "", old, false)).flavour());
        assertEquals("legacy", ToolFlavours.detect((argv, in, t) -> {
            throw new dev.vzbridge.exec.RunnerException("cannot run ip", null);
        }).flavour());
    }

    @Test
    void autoAsksTheNodesIpOnlyWhenAStepIsSpelledAndOnce() {
        String old = "Usage: ip link set DEVICE { up | down | arp { on | off } }\n";
        List<List<String>> ran = new java.util.ArrayList<>();
        var tools = ToolFlavours.select("auto", (argv, in, t) -> {
            ran.add(argv);
            return new ExecResult(argv, 255, "", old, false);
        });
        assertEquals(List.of(), ran, "choosing auto runs nothing");
        assertEquals(w("brctl addbr br0"), apply(tools.addBridge("br0")));
        assertEquals("legacy", tools.flavour());
        tools.up("br0", false);
        assertEquals(List.of(List.of("ip", "link", "help")), ran);
    }

    @Test
    void askedAheadTheFlavourIsAskedOnceInTheBackgroundAndTheFirstStepWaitsForIt() throws Exception {
        String modern = "Usage: ip link add [link DEV] ...\nTYPE := { bond | bridge | veth }\n";
        java.util.concurrent.CountDownLatch answer = new java.util.concurrent.CountDownLatch(1);
        List<String> askedOn = new java.util.concurrent.CopyOnWriteArrayList<>();
        var tools = ToolFlavours.select("auto", (argv, in, t) -> {
            askedOn.add(Thread.currentThread().getName() + ": " + String.join(" ", argv));
            try {
                // the node's ip is slow: the caller of askAhead must not wait for it
                assertEquals(true, answer.await(10, java.util.concurrent.TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            return new ExecResult(argv, 255, "", modern, false);
        });
        ToolFlavours.askAhead(tools);
        ToolFlavours.askAhead(tools);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (askedOn.isEmpty() && System.nanoTime() < deadline) Thread.sleep(5);
        assertEquals(List.of("vzbridge-tools-flavour: ip link help"), askedOn, "asked once, on a thread of its own");
        answer.countDown();
        assertEquals(w("ip link add br0 type bridge"), apply(tools.addBridge("br0")));
        assertEquals("iproute2", tools.flavour());
        assertEquals(1, askedOn.size(), "the step used the answer asked ahead");
    }

    @Test
    void askingAheadAsksNothingWhenTheFlavourIsChosen() {
        List<List<String>> ran = new java.util.ArrayList<>();
        var tools = ToolFlavours.select("legacy", (argv, in, t) -> {
            ran.add(argv);
            return new ExecResult(argv, 0, "", "", false);
        });
        ToolFlavours.askAhead(tools);
        ToolFlavours.askAhead(null);
        assertEquals(w("brctl addbr br0"), apply(tools.addBridge("br0")));
        assertEquals(List.of(), ran);
    }
}
