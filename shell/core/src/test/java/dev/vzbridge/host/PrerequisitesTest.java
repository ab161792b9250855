package dev.vzbridge.host;

import dev.vzbridge.api.command.UsageException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrerequisitesTest {
    private static String refusal(List<HostTool> needed, Set<String> installed, Distribution.Family family) {
        return assertThrows(UsageException.class,
            () -> Prerequisites.require(needed, installed::contains, family)).getMessage();
    }

    @Test
    void whatEachChoiceNeeds() {
        assertEquals(List.of(HostTool.SETSID, HostTool.IP, HostTool.PING, HostTool.ARPING, HostTool.STDBUF), Prerequisites.needed(false, true, true, false));
        assertEquals(List.of(HostTool.SETSID, HostTool.IP), Prerequisites.needed(false, false, false, false));
        assertEquals(List.of(HostTool.SETSID, HostTool.IP, HostTool.BRCTL, HostTool.IFCONFIG, HostTool.ROUTE, HostTool.ARPING, HostTool.STDBUF),
            Prerequisites.needed(true, false, true, false));
        assertEquals(List.of(HostTool.SETSID, HostTool.IP, HostTool.VZCTL, HostTool.VZLIST), Prerequisites.needed(false, false, false, true));
    }

    @Test
    void aMissingToolIsNamedWithItsPackageOnThisDistribution() {
        List<HostTool> all = Prerequisites.needed(false, true, true, false);
        assertEquals("ping is not installed (it verifies that the node still reaches its gateway after a change); "
                + "apt-get install iputils-ping (or --no-verify skips the checks that need ping)",
            refusal(all, Set.of("setsid", "ip", "arping", "stdbuf"), Distribution.Family.DEB));
        assertEquals("ping is not installed (it verifies that the node still reaches its gateway after a change); "
                + "dnf install iputils (or --no-verify skips the checks that need ping)",
            refusal(all, Set.of("setsid", "ip", "arping", "stdbuf"), Distribution.Family.RPM));
        assertEquals("missing tools: ping, arping; dnf install iputils (or --no-verify skips the checks that need ping; "
                + "--no-dad skips the probes that need arping)", refusal(all, Set.of("setsid", "ip", "stdbuf"), Distribution.Family.RPM));
        String legacy = refusal(Prerequisites.needed(true, false, false, false), Set.of("setsid", "ip", "brctl"), Distribution.Family.DEB);
        assertEquals("missing tools: ifconfig, route; apt-get install net-tools (or --tools iproute2 needs only ip)", legacy);
        String unknown = refusal(List.of(HostTool.IP), Set.of(), Distribution.Family.UNKNOWN);
        assertTrue(unknown.contains("iproute2 (Debian/Ubuntu) or iproute (RHEL family)"), unknown);
        String vz = refusal(Prerequisites.needed(false, false, false, true), Set.of("setsid", "ip"), Distribution.Family.DEB);
        assertTrue(vz.endsWith("apt-get install vzctl (or --runtime netns works without OpenVZ)"), vz);
        assertDoesNotThrow(() -> Prerequisites.require(all, Set.of("setsid", "ip", "ping", "arping", "stdbuf")::contains, Distribution.Family.DEB));
    }

    @Test
    void setsidIsNamedWithUtilLinux() {
        assertEquals("setsid is not installed (it starts every tool in a session of its own, so a Ctrl-C or hang-up at "
                + "the terminal never reaches it); apt-get install util-linux",
            refusal(Prerequisites.needed(false, false, false, false), Set.of("ip"), Distribution.Family.DEB));
        assertTrue(refusal(List.of(HostTool.SETSID), Set.of(), Distribution.Family.RPM).endsWith("dnf install util-linux"));
    }

    @Test
    void everyRefusalIsOneLine() {
        for (HostTool t : HostTool.values())
            for (Distribution.Family f : Distribution.Family.values())
                assertTrue(!refusal(List.of(t), Set.of(), f).contains("\n"));
    }

    @Test
    void distributionFamilyFromOsRelease() {
        assertEquals(Distribution.Family.DEB, Distribution.fromOsRelease("PRETTY_NAME=\"Debian GNU/Linux 12\"\nID=debian\n"));
        assertEquals(Distribution.Family.DEB, Distribution.fromOsRelease("ID=linuxmint\nID_LIKE=\"ubuntu debian\"\n"));
        assertEquals(Distribution.Family.RPM, Distribution.fromOsRelease("ID=\"almalinux\"\nID_LIKE=\"rhel centos fedora\"\n"));
        assertEquals(Distribution.Family.RPM, Distribution.fromOsRelease("ID=fedora\n"));
        assertEquals(Distribution.Family.UNKNOWN, Distribution.fromOsRelease("ID=alpine\n"));
        assertEquals(Distribution.Family.UNKNOWN, Distribution.fromOsRelease(""));
    }

    @Test
    void lookupFindsOnlyExecutableRegularFilesOnPath() {
        assertTrue(Prerequisites.onPath("sh"));
        assertTrue(!Prerequisites.onPath("vzbridge-no-such-program"));
    }
}
