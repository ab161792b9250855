package dev.vzbridge.persistence;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NetifTest {
    private static RunningConfig.CtIface iface(String ifname, String bridge) {
        return new RunningConfig.CtIface(ifname, "veth101." + ifname.substring(3), bridge, "00:18:51:c0:ff:e" + ifname.substring(3),
            "00:18:51:aa:bb:0" + ifname.substring(3), List.of());
    }

    @Test
    void bridgeGoesAfterIfnameAndOtherFieldsStay() {
        assertEquals("ifname=eth0,bridge=br0,mac=00:18:51:C0:FF:EE,host_ifname=veth101.0,host_mac=00:18:51:AA:BB:01",
            Netif.merge("ifname=eth0,mac=00:18:51:C0:FF:EE,host_ifname=veth101.0,host_mac=00:18:51:AA:BB:01",
                List.of(iface("eth0", "br0"))));
    }

    @Test
    void existingBridgeIsReplacedAndOtherInterfacesStay() {
        assertEquals("ifname=eth0,bridge=br1,mac=A;ifname=eth2,mac=B;",
            Netif.merge("ifname=eth0,bridge=br0,mac=A;ifname=eth2,mac=B;", List.of(iface("eth0", "br1"))));
    }

    @Test
    void missingInterfaceIsAddedInVzctlOrder() {
        assertEquals("ifname=eth0,bridge=br0,mac=A;ifname=eth1,bridge=br1,mac=00:18:51:C0:FF:E1,host_ifname=veth101.1,host_mac=00:18:51:AA:BB:01",
            Netif.merge("ifname=eth0,bridge=br0,mac=A", List.of(iface("eth0", "br0"), iface("eth1", "br1"))));
    }
}
