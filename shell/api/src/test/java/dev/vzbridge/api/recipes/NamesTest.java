package dev.vzbridge.api.recipes;

import dev.vzbridge.api.command.UsageException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one interface-name rule every command (and third-party plugin) applies. */
class NamesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "br9;id|contains ';'",
        "br$(id)|contains '$'",
        "br`id`|contains '`'",
        "br*|contains '*'",
        "бр9|contains 'б'",
        "br9🙂|contains '🙂'",
        "br%d|contains '%' (the kernel would pick a different name for it)",
        "br0/x|contains '/'",
        "br:1|contains ':'",
        "br 0|contains whitespace",
        "br\\0|contains '\\'",
        ".|is not a valid interface name",
        "..|is not a valid interface name",
        "abcdefghijklmnop|is 16 bytes long; interface names have at most 15",
    })
    void refused(String name, String problem) {
        String m = assertThrows(UsageException.class, () -> Names.ifname("--nic", name)).getMessage();
        assertTrue(m.startsWith("--nic '"), m);
        assertTrue(m.contains(problem), m);
        assertFalse(m.contains("\n"), m);
    }

    @ParameterizedTest
    @ValueSource(strings = {"br0", "eth0", "eth0.100", "vmbr_1", "bond-0", "a", "abcdefghijklmno", "veth101.0", "..a", ".x"})
    void accepted(String name) {
        assertEquals(name, Names.ifname("bridge name", name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"br9|cat", "br'0", "br\"0", "br\u00000", "br\n0", "br\t0", "br\u00e90", "br#0", "br&0", "br<0", "br>0", "br!0", "br{0}", "br~0", "br=0", "br+0", "br@0", "br,0", "br[0]"})
    void onlyAsciiLettersDigitsUnderscoreDotAndDash(String name) {
        String m = assertThrows(UsageException.class, () -> Names.ifname("bridge name", name)).getMessage();
        assertTrue(m.endsWith("interface names use only ASCII letters, digits, '_', '.' and '-'"), m);
        assertFalse(m.contains("\n"), m);
    }

    @org.junit.jupiter.api.Test
    void emptyIsRefused() {
        assertEquals("--ifname: empty interface name",
            assertThrows(UsageException.class, () -> Names.ifname("--ifname", "")).getMessage());
    }

    @org.junit.jupiter.api.Test
    void anUnknownBridgeNamesTheBridgesThereAre() {
        var host = SimHost.recipe().link("vmbr1", "bridge", true, "52:54:00:00:00:11").link("br0", "bridge", true, "52:54:00:00:00:10").state();
        assertEquals("--bridge: no bridge 'br7' on the node (bridges: br0, vmbr1)",
            assertThrows(UsageException.class, () -> Names.existingBridge(host, "--bridge", "br7")).getMessage());
    }

    @org.junit.jupiter.api.Test
    void withNoBridgeAtAllTheMessageSaysHowToMakeIt() {
        var host = SimHost.recipe().state();
        assertEquals("--bridge: no bridge 'br7' on the node (there is none yet; 'bridge create br7 --nic NIC' makes it)",
            assertThrows(UsageException.class, () -> Names.existingBridge(host, "--bridge", "br7")).getMessage());
    }

    @org.junit.jupiter.api.Test
    void anUnknownNicNamesTheFreeNicsAndNoBridgeOrLoopback() {
        var host = SimHost.recipe().link("eth1", "ether", true, "52:54:00:00:00:03").link("br0", "bridge", true, "52:54:00:00:00:10").state();
        assertEquals("--nic: no interface 'eht0' on the node (NICs not in a bridge: eth0, eth1)",
            assertThrows(UsageException.class, () -> Names.existingNic(host, "--nic", "eht0")).getMessage());
    }

    @org.junit.jupiter.api.Test
    void aLongListStaysOneShortLine() {
        var sim = SimHost.recipe();
        for (int i = 0; i < 40; i++) sim.link("d" + (100 + i), "dummy", true, "52:54:00:00:01:" + Integer.toHexString(16 + i));
        String m = assertThrows(UsageException.class, () -> Names.existingNic(sim.state(), "--nic", "d99")).getMessage();
        assertTrue(m.endsWith("d111 and 29 more)"), m);
        assertFalse(m.contains("\n"), m);
    }

    @org.junit.jupiter.api.Test
    void anUnknownContainerNamesTheKnownOnes() {
        assertEquals("no container 999 on the node (containers: 101, 102)",
            assertThrows(UsageException.class, () -> Names.existingContainer(SimHost.recipe().state(), "999")).getMessage());
    }
}
