package dev.vzbridge.host;

import dev.vzbridge.api.command.UsageException;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.exec.ProcessRunner;
import dev.vzbridge.lab.Netns;
import dev.vzbridge.shell.GlobalOptions;
import dev.vzbridge.testkit.LabRequirement;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostAccessFactoryTest {
    private static String usage(GlobalOptions o) {
        return assertThrows(UsageException.class, o::openHost).getMessage();
    }

    @Test
    void impossibleOptionsAreUsageErrors() {
        GlobalOptions o = new GlobalOptions();
        o.lab = true;
        o.netns = "x";
        assertEquals("--lab and --netns cannot be combined", usage(o));
        o = new GlobalOptions();
        o.runtime = "docker";
        assertEquals("--runtime must be vzctl or netns, not 'docker'", usage(o));
        o = new GlobalOptions();
        o.tools = "busybox";
        assertEquals("--tools must be auto, iproute2 or legacy, not 'busybox'", usage(o));
        o = new GlobalOptions();
        o.ctNetns = "container";
        assertEquals("--ct-netns must contain {id}, e.g. ct{id}", usage(o));
        o = new GlobalOptions();
        o.openvz = "8";
        assertEquals("--openvz must be auto, legacy or 7, not '8'", usage(o));
        for (int ms : new int[]{0, -5, 60_001}) {
            o = new GlobalOptions();
            o.dadTimeout = ms;
            assertEquals("--dad-timeout needs a number of milliseconds from 1 to 60000", usage(o));
        }
    }

    @Test
    @Tag("lab")
    void unknownNamespace() {
        LabRequirement.require();
        GlobalOptions o = new GlobalOptions();
        o.netns = "vzbnone-does-not-exist";
        assertEquals("network namespace 'vzbnone-does-not-exist' does not exist (see ip netns list)", usage(o));
    }

    @Test
    @Tag("lab")
    void labOpensOnTheNodeAndCloseRemovesEverything() {
        LabRequirement.require();
        GlobalOptions o = new GlobalOptions();
        o.lab = true;
        HostAccess host = o.openHost();
        NodeAddress address = host.address();
        Path root = address.root();
        String pattern = address.ctNetns();
        try {
            assertTrue(Files.isDirectory(root) && !root.equals(Path.of("/")), "temporary root " + root);
            assertEquals(root, host.root());
            assertTrue(new String(host.files().read("/etc/sysconfig/network-scripts/ifcfg-eth0").orElseThrow())
                .contains("IPADDR=10.0.0.2"), "the recipe's starting point on disk");
            assertTrue(host.files().exists("/etc/vz/conf/101.conf"));
            assertEquals("netns", address.runtime());
            assertTrue(address.netns().matches("vzb[0-9a-z]{6}-hn"), "the lab's node namespace: " + address.netns());
            assertEquals(Path.of("/"), o.root, "the options stay as parsed");
            assertTrue(pattern.matches("vzb[0-9a-z]{6}-ct\\{id}"), pattern);
            String banner = host.banner().orElseThrow();
            assertTrue(banner.contains("bridge create br0 --nic eth0"), banner);
            assertTrue(banner.contains("203.0.113.193/26"), banner);
            HostState h = host.observe(null);
            assertTrue(h.addressesOf("eth0").stream().anyMatch(a -> a.cidr().equals("10.0.0.2/24")), h.addresses().toString());
            assertEquals("10.0.0.1", h.defaultRoute(false).orElseThrow().via());
            assertEquals(List.of("101", "102"), host.runtime().list());
            assertEquals("netns", host.runtime().name());
            assertNotNull(host.probeAddress("eth0", "10.0.0.1", Duration.ofMillis(200)).owner(), "the uplink answers for 10.0.0.1");
            assertEquals(DadAnswer.free(), host.probeAddress("eth0", "10.0.0.77", Duration.ofMillis(200)), "nobody has 10.0.0.77");
            assertTrue(host.probeAddress("nosuch0", "10.0.0.77", Duration.ofMillis(200)).failed(), "a probe on a missing link is no answer");
            assertTrue(host.linkExists("eth0"));
            assertFalse(host.linkExists("nosuch0"));
        } finally {
            host.close();
            host.close();
        }
        assertFalse(Files.exists(root), "temporary root removed");
        String prefix = pattern.substring(0, pattern.indexOf('-'));
        assertTrue(Netns.list(new ProcessRunner()).stream().noneMatch(n -> n.startsWith(prefix)), "lab removed");
    }
}
