package dev.vzbridge.persistence;

import dev.vzbridge.api.command.Report;
import dev.vzbridge.api.host.BridgeInfo;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Link;
import dev.vzbridge.api.command.UsageException;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.api.tools.OpenVz;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static dev.vzbridge.persistence.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * save on an OpenVZ 7 node: NETIF in libvzctl's form (network=, type=, ip=, gw=,
 * configure=, no bridge=), other interfaces and keys byte for byte, the one
 * script for both hooks, the installer's bridge kept, the bridge on the NIC's MAC,
 * and NetworkManager's answer in both directions.
 */
class SaveOpenVz7Test {
    /** ifcfg-br0 and ifcfg-eth0 as OpenVZ 7's installer (create_bridges.py) leaves them. */
    static final String INSTALLER_BR0 = "DEVICE=br0\nTYPE=Bridge\nONBOOT=yes\nBOOTPROTO=none\nIPADDR=10.0.0.2\nPREFIX=24\n"
        + "GATEWAY=10.0.0.1\nDELAY=2\nSTP=off\nNAME=br0\n";
    static final String INSTALLER_ETH0 = "TYPE=Ethernet\nBOOTPROTO=none\nNAME=eth0\nDEVICE=eth0\nONBOOT=yes\nBRIDGE=br0\n"
        + "HWADDR=52:54:00:12:34:56\n";
    static final String CT_CONF = "# CT made by vzctl 7\nONBOOT=\"yes\"\nVE_ROOT=\"/vz/root/$VEID\"\n"
        + "NETIF=\"ifname=eth0,mac=00:18:51:C0:FF:EE,host_ifname=veth101.0,host_mac=00:18:51:AA:BB:01,bridge=br0;"
        + "ifname=eth1,mac=00:18:51:00:00:09,host_ifname=veth101.1,host_mac=00:18:51:00:00:0A,network=Host-Only\"\n"
        + "HOSTNAME=\"ct101\"\n";

    @TempDir
    Path root;

    private String saved(String path) {
        return new String(read(root, path), StandardCharsets.UTF_8);
    }

    private Plan save7(String... args) {
        Plan plan = save(args).plan(context(bridgedNode(), root, OpenVz.SEVEN, String.join(" ", java.util.stream.Stream.concat(java.util.stream.Stream.of("save"), java.util.Arrays.stream(args)).toList())));
        apply(root, plan);
        return plan;
    }

    private void node() {
        put(root, "/etc/sysconfig/network-scripts/ifcfg-eth0", INSTALLER_ETH0.getBytes());
        put(root, "/etc/sysconfig/network-scripts/ifcfg-br0", INSTALLER_BR0.getBytes());
        put(root, "/etc/vz/conf/101.conf", CT_CONF.getBytes());
        put(root, "/etc/vz/vz.conf", "VIRTUOZZO=yes\n".getBytes());
    }

    @Test
    void netifInLibvzctlFormOtherInterfacesAndKeysUntouched() {
        node();
        save7();
        assertEquals("# CT made by vzctl 7\nONBOOT=\"yes\"\nVE_ROOT=\"/vz/root/$VEID\"\n"
            + "NETIF=\"ifname=eth0,mac=00:18:51:C0:FF:EE,host_ifname=veth101.0,host_mac=00:18:51:AA:BB:01,"
            + "network=br0,type=bridge,ip=203.0.113.195/26,gw=203.0.113.193,configure=all;"
            + "ifname=eth1,mac=00:18:51:00:00:09,host_ifname=veth101.1,host_mac=00:18:51:00:00:0A,network=Host-Only\"\n"
            + "HOSTNAME=\"ct101\"\n"
            + "# Network of CT 101, written by vzbridge 0.1.0-test; edit via \"vzbridge save\".\n"
            + "VZBRIDGE_HOST_ROUTES=\"203.0.113.195\"\n", saved("/etc/vz/conf/101.conf"));
        // the same script, vznet.conf, the umount script and CT0_IP as on legacy
        assertTrue(saved("/etc/vz/vznet.conf").contains("EXTERNAL_SCRIPT=\"/usr/sbin/vznetcfg.custom\""));
        assertTrue(saved("/usr/sbin/vznetcfg.custom").contains("addif HOST_IFNAME NETWORK"));
        assertTrue(saved("/etc/vz/conf/vps.umount").contains("network="));
        assertTrue(saved("/etc/vz/vz.conf").startsWith("VIRTUOZZO=yes\n") && saved("/etc/vz/vz.conf").contains("CT0_IP=\"10.0.0.2\""));
    }

    /**
     * br0 as the installer runs it (forward delay 2), whose MAC moved to the CT's veth
     * (lower than the NIC's) as a Linux bridge's does unless it is set.
     */
    private static HostState installerNode() {
        HostState h = bridgedNode();
        List<Link> links = h.links().stream().map(l -> !l.name().equals("br0") ? l
            : new Link("br0", 3, "bridge", null, true, "00:18:51:aa:bb:01", new BridgeInfo(false, 2), null)).toList();
        return new HostState(links, h.addresses(), h.routes(), h.containers());
    }

    @Test
    void theInstallersBridgeIsKeptOnTheNicsMac() {
        node();
        apply(root, save().plan(context(installerNode(), root, OpenVz.SEVEN)));
        // Only the NIC's MAC joins: the installer's keys, order and values stay.
        assertEquals(INSTALLER_BR0 + "# Bridge br0, written by vzbridge 0.1.0-test; edit via \"vzbridge save\".\n"
            + "MACADDR=52:54:00:12:34:56\n", saved("/etc/sysconfig/network-scripts/ifcfg-br0"));
        assertEquals(INSTALLER_ETH0, saved("/etc/sysconfig/network-scripts/ifcfg-eth0"));
        try (var files = java.nio.file.Files.list(root.resolve("etc/sysconfig/network-scripts"))) {
            assertEquals(2, files.count(), "no second bridge file");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // save --check and --diff: in sync now
        SaveCommand check = save("--check");
        Plan again = check.plan(context(installerNode(), root, OpenVz.SEVEN));
        Report r = check.instead(context(installerNode(), root, OpenVz.SEVEN), again);
        assertEquals(0, r.exitCode(), r.text());
        assertTrue(save("--diff").plan(context(installerNode(), root, OpenVz.SEVEN)).isEmpty());
    }

    @Test
    void aNicTheFilesPutOnAnotherBridgeIsRefused() {
        node();
        put(root, "/etc/sysconfig/network-scripts/ifcfg-eth0", INSTALLER_ETH0.replace("BRIDGE=br0", "BRIDGE=br9").getBytes());
        put(root, "/etc/sysconfig/network-scripts/ifcfg-br9", INSTALLER_BR0.replace("br0", "br9").getBytes());
        String msg = assertThrows(UsageException.class, () -> save().plan(context(bridgedNode(), root, OpenVz.SEVEN))).getMessage();
        assertTrue(msg.startsWith("save: /etc/sysconfig/network-scripts/ifcfg-eth0 puts eth0 on bridge br9"), msg);
    }

    @Test
    void legacyStillWritesBridgeEqualsAndTheBridgesOwnMac() {
        node();
        apply(root, save().plan(context(bridgedNode(), root, OpenVz.LEGACY)));
        assertTrue(saved("/etc/vz/conf/101.conf").contains("host_mac=00:18:51:AA:BB:01,bridge=br0;"), saved("/etc/vz/conf/101.conf"));
        assertFalse(saved("/etc/vz/conf/101.conf").contains("network=br0"));
    }

    // NetworkManager: fixtures for both answers.

    @Test
    void networkManagerRunningAndManagingTheNicIsReleased() {
        node();
        put(root, "/run/NetworkManager/NetworkManager.pid", "812\n".getBytes());
        Plan plan = save7();
        assertTrue(saved("/etc/sysconfig/network-scripts/ifcfg-br0").endsWith("NM_CONTROLLED=no\n"));
        assertTrue(saved("/etc/sysconfig/network-scripts/ifcfg-eth0").endsWith("NM_CONTROLLED=no\n"));
        assertTrue(plan.notes().stream().anyMatch(n -> n.startsWith("NetworkManager runs and manages eth0: br0 and eth0 get NM_CONTROLLED=no")),
            plan.notes().toString());
    }

    @Test
    void networkManagerKeptInChargeOnRequest() {
        node();
        put(root, "/run/NetworkManager/NetworkManager.pid", "812\n".getBytes());
        Plan plan = save7("--networkmanager", "keep");
        assertFalse(saved("/etc/sysconfig/network-scripts/ifcfg-br0").contains("NM_CONTROLLED"));
        assertEquals(INSTALLER_ETH0, saved("/etc/sysconfig/network-scripts/ifcfg-eth0"));
        assertTrue(plan.notes().stream().anyMatch(n -> n.contains("kept in charge of br0 and eth0")), plan.notes().toString());
        assertEquals("save --networkmanager keep", plan.command());
    }

    @Test
    void networkManagerNotRunningLeavesTheFilesAlone() {
        node();
        Plan plan = save7();
        assertFalse(saved("/etc/sysconfig/network-scripts/ifcfg-br0").contains("NM_CONTROLLED"));
        assertTrue(plan.notes().contains("NetworkManager is not running: the network service brings up br0 and eth0 from these files"),
            plan.notes().toString());
    }

    @Test
    void theNicsNmControlledNoIsCarriedOverEvenWithNetworkManagerRunning() {
        node();
        put(root, "/etc/sysconfig/network-scripts/ifcfg-eth0", (INSTALLER_ETH0 + "NM_CONTROLLED=no\n").getBytes());
        put(root, "/run/NetworkManager/NetworkManager.pid", "812\n".getBytes());
        Plan plan = save7("--networkmanager", "keep");
        assertTrue(saved("/etc/sysconfig/network-scripts/ifcfg-br0").endsWith("NM_CONTROLLED=no\n"));
        assertTrue(plan.notes().stream().anyMatch(n -> n.contains("carried over to br0")), plan.notes().toString());
    }

    @Test
    void aBadNetworkManagerModeIsAUsageError() {
        node();
        assertEquals("save: --networkmanager must be release or keep, not 'maybe'",
            assertThrows(UsageException.class, () -> save("--networkmanager", "maybe").plan(context(bridgedNode(), root, OpenVz.SEVEN))).getMessage());
    }
}
