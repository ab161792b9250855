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
}
