package dev.vzbridge.api.recipes;

import dev.vzbridge.api.net.IpAddress;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one SSH_CONNECTION parser, shared by the engine's guard and the planners' notes. */
class SshSessionTest {
    private static SshSession parsed(String value) {
        return SshSession.parse(Optional.of(value)).orElseThrow(() -> new AssertionError("not parsed: " + value));
    }

    @Test
    void ipv4() {
        SshSession s = parsed("10.0.0.9 51234 10.0.0.2 22");
        assertEquals(IpAddress.parse("10.0.0.9"), s.client());
        assertEquals(IpAddress.parse("10.0.0.2"), s.server());
    }

    @Test
    void ipv6() {
        SshSession s = parsed("2001:db8::9 51234 2001:db8::2 22");
        assertEquals(IpAddress.parse("2001:db8::9"), s.client());
        assertEquals(IpAddress.parse("2001:db8::2"), s.server());
    }

    @Test
    void linkLocalWithZone() {
        SshSession s = parsed("fe80::1%eth0 51234 fe80::2%br0 22");
        assertEquals(IpAddress.parse("fe80::1"), s.client());
        assertEquals(IpAddress.parse("fe80::2"), s.server());
        assertTrue(s.client().isLinkLocal());
    }

    @Test
    void ipv4MappedIsTheIpv4Address() {
        SshSession s = parsed("::ffff:10.0.0.9 51234 ::ffff:10.0.0.2 22");
        assertEquals(IpAddress.parse("10.0.0.9"), s.client());
        assertEquals(IpAddress.parse("10.0.0.2"), s.server());
    }

    @Test
    void extraSpaceIsTolerated() {
        assertEquals(IpAddress.parse("10.0.0.9"), parsed("  10.0.0.9   51234  10.0.0.2 22 ").client());
    }

    @Test
    void missingOrMalformedIsNoSession() {
        assertTrue(SshSession.parse(Optional.empty()).isEmpty());
        assertTrue(SshSession.parse(Optional.of("")).isEmpty());
        assertTrue(SshSession.parse(Optional.of("10.0.0.9 51234")).isEmpty());
        assertTrue(SshSession.parse(Optional.of("host.example 1 10.0.0.2 22")).isEmpty());
    }
}
