package dev.vzbridge.persistence;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static dev.vzbridge.persistence.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InterfacesFileTest {
    @Test
    void optionOutsideAStanzaIsRefused() {
        var e = assertThrows(ConfigSyntaxException.class, () -> InterfacesFile.parse("/etc/network/interfaces",
            "auto lo\n    address 10.0.0.2\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("/etc/network/interfaces:2: option 'address' outside an iface or mapping stanza", e.getMessage());
    }

    @Test
    void shortIfaceLineIsRefused() {
        var e = assertThrows(ConfigSyntaxException.class, () -> InterfacesFile.parse("/etc/network/interfaces",
            "# x\niface eth0 inet\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("/etc/network/interfaces:2: iface needs NAME FAMILY METHOD: iface eth0 inet", e.getMessage());
    }

    /** An existing bridge stanza is updated in place: its own extra options and comments stay. */
    @Test
    void existingBridgeStanzaKeepsForeignOptions(@org.junit.jupiter.api.io.TempDir Path root) {
        String before = """
            iface eth0 inet manual

            # the bridge
            iface br0 inet static
              address 10.0.0.9
              netmask 255.255.255.0
              # wait less at boot
              bridge-maxwait 5
              bridge-ports eth0
              bridge-ports eth9
              up echo hi
            """;
        put(root, "/etc/network/interfaces", before.getBytes(StandardCharsets.UTF_8));
        apply(root, save().plan(context(bridgedNode(), root)));
        assertEquals("""
            iface eth0 inet manual

            # the bridge
            auto br0
            iface br0 inet static
              address 10.0.0.2
              netmask 255.255.255.0
              # wait less at boot
              bridge-maxwait 5
              bridge-ports eth0
              up echo hi
              gateway 10.0.0.1
              bridge_stp off
              bridge_fd 0
              bridge_hw 52:54:00:12:34:56
            """, new String(read(root, "/etc/network/interfaces"), StandardCharsets.UTF_8));
    }

    @Test
    void linesReadAndLinesInsertedAreClassifiedAlike() {
        InterfacesFile read = InterfacesFile.parse("/etc/network/interfaces",
            "allow-auto br0\niface br0 inet manual\n".getBytes(StandardCharsets.UTF_8));
        assertTrue(read.isAuto("br0"), "allow-auto read from the file");
        InterfacesFile inserted = InterfacesFile.parse("/etc/network/interfaces",
            "iface br0 inet manual\n".getBytes(StandardCharsets.UTF_8));
        inserted.insert(0, java.util.List.of("allow-auto br0\n"));
        assertTrue(inserted.isAuto("br0"), "allow-auto inserted is a stanza too, not an option");
    }
}
