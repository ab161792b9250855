package dev.vzbridge.api.recipes;

import dev.vzbridge.api.command.UsageException;
import dev.vzbridge.api.net.Cidr;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InputsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "10.0.0.0/24|network address",
        "10.0.0.255/24|broadcast address",
        "10.0.0.2|needs a prefix length",
        "10.0.0.2/33|longer than 32 bits",
        "10.0.0.2/255.0.255.0|non-contiguous netmask",
        "10.0.0.256/24|256 > 255",
        "010.0.0.2/24|leading zero",
        "host.example/24|not an IP address",
        "127.0.0.5/8|loopback",
        "224.0.0.5/24|multicast",
        "0.0.0.0/0|network address",
        "ff02::1/64|multicast",
        "::1/128|loopback",
        "10.0.0.2/x|bad prefix length",
        "203.0.113.196/026|leading zero in its prefix length",
        "10.0.0.2/024|leading zero in its prefix length",
        "2001:db8::2/064|leading zero in its prefix length",
    })
    void badAddresses(String text, String problem) {
        UsageException e = assertThrows(UsageException.class, () -> Inputs.hostAddress("--address", text));
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertTrue(e.getMessage().startsWith("--address"), e.getMessage());
    }

    @Test
    void goodAddressesIncludingDottedMasksAndPointToPoint() {
        assertEquals(Cidr.parse("10.0.0.2/24"), Inputs.hostAddress("--address", "10.0.0.2/255.255.255.0"));
        assertEquals(31, Inputs.hostAddress("--address", "192.0.2.0/31").prefix());
        assertEquals(Cidr.parse("2001:db8::2/64"), Inputs.hostAddress("--address", "2001:db8::2/64"));
    }

    @Test
    void sameIpTwiceIsRefusedWhateverThePrefix() {
        UsageException e = assertThrows(UsageException.class,
            () -> Inputs.hostAddresses("--address", List.of("10.0.0.2/24", "10.0.0.2/25")));
        assertEquals("--address 10.0.0.2 is given twice (10.0.0.2/24, 10.0.0.2/25)", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "10.0.1.1|not inside any subnet",
        "10.0.0.0|network address of 10.0.0.0/24",
        "10.0.0.255|broadcast address of 10.0.0.0/24",
        "10.0.0.2|the address being assigned",
        "10.0.0.1/24|without a prefix length",
        "gw.example|not an IP address",
        "224.0.0.1|cannot be a gateway",
        "2001:db8::1|not inside any subnet",
    })
    void badGateways(String text, String problem) {
        UsageException e = assertThrows(UsageException.class,
            () -> Inputs.gateway("--gateway", text, List.of(Cidr.parse("10.0.0.2/24"))));
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    @Test
    void ipv6LinkLocalGatewayNeedsNoSubnet() {
        assertEquals("fe80::1", Inputs.gateway("--gateway", "fe80::1", List.of()).toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "01:00:5e:00:00:01|multicast MAC",
        "00:00:00:00:00:00|all-zero",
        "02:00:00:00:00|not a MAC",
        "02-00-00-00-00-01|not a MAC",
        "zz:00:00:00:00:01|not a MAC",
    })
    void badMacs(String text, String problem) {
        UsageException e = assertThrows(UsageException.class, () -> Inputs.mac("--mac", text));
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    @Test
    void namesFollowTheOneNameRule() {
        assertEquals("veth101.0", Names.ifname("--nic", "veth101.0"));
        assertThrows(UsageException.class, () -> Names.ifname("--nic", "a23456789012345x"));
        assertTrue(assertThrows(UsageException.class, () -> Names.ifname("--nic", "a/b")).getMessage().startsWith("--nic 'a/b' contains '/'"));
        assertTrue(assertThrows(UsageException.class, () -> Names.ifname("--nic", "a\0b")).getMessage().startsWith("--nic 'a\\x00b' contains a NUL byte"));
        assertTrue(assertThrows(UsageException.class, () -> Names.ifname("--nic", "a b")).getMessage().contains("whitespace"));
        assertTrue(assertThrows(UsageException.class, () -> Names.ifname("--nic", "a\nb")).getMessage().contains("'a\\x0ab'"));
        assertTrue(assertThrows(UsageException.class, () -> Names.ifname("--nic", "äääääääää")).getMessage().contains("contains 'ä'"));
        assertThrows(UsageException.class, () -> Names.ifname("--nic", ""));
        assertThrows(UsageException.class, () -> Names.ifname("--nic", ".."));
        assertThrows(UsageException.class, () -> Names.ifname("--nic", "eth0:1"));
    }

    @Test
    void onOffAndSeconds() {
        assertTrue(Inputs.onOff("--stp", "on"));
        assertEquals("--stp 'maybe' must be on or off", assertThrows(UsageException.class, () -> Inputs.onOff("--stp", "maybe")).getMessage());
        assertEquals("--forward-delay 31 is out of range (0..30 seconds)",
            assertThrows(UsageException.class, () -> Inputs.seconds("--forward-delay", 31, 0, 30)).getMessage());
    }
}
