package dev.vzbridge.host;

import dev.vzbridge.api.command.UsageException;
import dev.vzbridge.api.plan.Exec;
import dev.vzbridge.api.plan.Step;
import dev.vzbridge.exec.CommandRunner;
import dev.vzbridge.exec.ExecResult;
import dev.vzbridge.lab.Netns;
import dev.vzbridge.tools.Iproute2Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Runtime argv, config parsing and listing, without a kernel. */
class RuntimeUnitsTest {
    /** Answers `ip netns list` from a fixed text; records nothing else. */
    private static CommandRunner netnsList(String text) {
        return (argv, stdin, timeout) -> new ExecResult(argv, 0, text, "", false);
    }

    @Test
    void hostIfnames() {
        assertEquals("veth101.0", Veths.hostIfname("101", "eth0"));
        assertEquals("veth7.12", Veths.hostIfname("7", "eth12"));
        assertThrows(UsageException.class, () -> Veths.hostIfname("101", "lan"));
        assertThrows(UsageException.class, () -> Veths.hostIfname("1234567890", "eth0"));
    }

    @Test
    void netnsRuntimeArgvAndListing() {
        NetnsRuntime rt = new NetnsRuntime(netnsList("vzbx-ct102 (id: 4)\nvzbx-ct101\nvzbx-hn\nct103\nvzbx-ct1a\n"),
            "vzbx-ct{id}", new Iproute2Tools());
        assertEquals(List.of("101", "102"), rt.list());
        Step add = rt.addVeth("101", "eth0", "br0", "02:00:00:00:00:01");
        assertEquals(List.of("ip", "link", "add", "veth101.0", "type", "veth", "peer", "name", "eth0",
            "address", "02:00:00:00:00:01", "netns", "vzbx-ct101"), ((Exec) add.apply()).argv());
        assertEquals(List.of(Exec.of("ip", "link", "del", "veth101.0")), add.undo());
        Step remove = rt.removeVeth("101", "eth0", "br0", "02:00:00:00:00:01");
        assertEquals(add.apply(), remove.undo().get(0));
        assertEquals(List.of("ip", "-n", "vzbx-ct101", "link", "set", "dev", "eth0", "up"),
            ((Exec) rt.inside("101").up("eth0", false).apply()).argv());
        assertEquals(java.util.Set.of(), rt.inside("101").up("eth0", false).links(), "a CT's eth0 is not the node's");
    }

    @Test
    void vzctlRuntimeArgv(@TempDir Path root) {
        VzctlRuntime rt = new VzctlRuntime(netnsList(""), new RootFileView(root), new Iproute2Tools());
        Step add = rt.addVeth("101", "eth0", "br0", null);
        assertEquals(Exec.of("vzctl", "set", "101", "--netif_add", "eth0,,veth101.0,,br0", "--save"), add.apply());
        assertEquals(List.of(Exec.of("vzctl", "set", "101", "--netif_del", "eth0", "--save")), add.undo());
        Step remove = rt.removeVeth("101", "eth1", "br1", "00:18:51:00:00:01");
        assertEquals(Exec.of("vzctl", "set", "101", "--netif_add", "eth1,00:18:51:00:00:01,veth101.1,,br1", "--save"),
            remove.undo().get(0));
        assertEquals(List.of("vzctl", "exec2", "101", "ip", "addr"), rt.inside("101", List.of("ip", "addr")));
    }

    @Test
    void vzlistAndConfig() throws Exception {
        assertEquals(Map.of("101", true, "102", false),
            VzctlRuntime.parseVzlist("       101 running\n       102 stopped\n"));
        Map<String, String> conf = VzConf.parse("# c\nONBOOT=\"yes\"\nNETIF=\"ifname=eth0,bridge=br0,mac=00:18:51:00:00:01,"
            + "host_ifname=veth101.0,host_mac=00:18:51:00:00:02;ifname=eth1,mac=00:18:51:00:00:03,host_ifname=veth101.1\"\n");
        assertEquals("yes", conf.get("ONBOOT"));
        List<Map<String, String>> netifs = VzConf.netifs(conf.get("NETIF"));
        assertEquals(2, netifs.size());
        assertEquals("br0", netifs.get(0).get("bridge"));
        assertEquals("veth101.1", netifs.get(1).get("host_ifname"));
        assertEquals(List.of(), VzConf.netifs(""));
    }

    @Test
    void namespaceListingAndArpingReplies() {
        assertEquals(List.of("a", "b-c"), Netns.parse("a (id: 0)\n\nb-c\n"));
        assertEquals(Optional.of("02:00:0a:00:00:01"), NodeAccess.ownerIn(
            "ARPING 10.0.0.1 from 0.0.0.0 eth0\nUnicast reply from 10.0.0.1 [02:00:0A:00:00:01]  0.612ms\nSent 1 probes\n"));
        assertEquals(Optional.empty(), NodeAccess.ownerIn("ARPING 10.0.0.9 from 0.0.0.0 eth0\nSent 2 probes (2 broadcast(s))\nReceived 0 response(s)\n"));
    }
}
