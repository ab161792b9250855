package dev.vzbridge.api.persist;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OwnedBlockTest {
    private static final String FILE = "# admin's\r\nKEY=1\n\n  odd   spacing\n";

    @Test
    void aNewBlockGoesAtTheEndAndLeavesTheRestAlone() {
        String out = OwnedBlock.splice(FILE, "vlan", List.of("A=1", "B=2"));
        assertEquals(FILE + OwnedBlock.begin("vlan") + "\nA=1\nB=2\n" + OwnedBlock.end("vlan") + "\n", out);
        assertEquals(List.of("A=1", "B=2"), OwnedBlock.linesIn(out, "vlan"));
    }

    @Test
    void replacingKeepsThePlaceAndRemovingGivesTheOriginalBack() {
        String withBlock = OwnedBlock.splice(FILE, "vlan", List.of("A=1"));
        String moved = withBlock + "TAIL=yes\n";
        String replaced = OwnedBlock.splice(moved, "vlan", List.of("A=2"));
        assertEquals(FILE + OwnedBlock.begin("vlan") + "\nA=2\n" + OwnedBlock.end("vlan") + "\nTAIL=yes\n", replaced);
        assertEquals(FILE + "TAIL=yes\n", OwnedBlock.without(replaced, "vlan"));
        assertEquals(FILE, OwnedBlock.without(FILE, "vlan"), "no block: nothing to remove");
    }

    @Test
    void ownersDoNotTouchEachOthersBlocks() {
        String two = OwnedBlock.splice(OwnedBlock.splice(FILE, "a", List.of("x")), "b", List.of("y"));
        assertEquals(OwnedBlock.splice(FILE, "b", List.of("y")), OwnedBlock.without(two, "a"));
        assertEquals(List.of("y"), OwnedBlock.linesIn(two, "b"));
    }

    @Test
    void aFileWithoutFinalNewlineGetsOneBeforeTheBlock() {
        assertEquals("X=1\n" + OwnedBlock.begin("a") + "\nY\n" + OwnedBlock.end("a") + "\n",
            OwnedBlock.splice("X=1", "a", List.of("Y")));
    }

    @Test
    void damagedBlocksAndBadInputAreRefused() {
        String damaged = "X=1\n" + OwnedBlock.begin("a") + "\nY\n";
        assertThrows(IllegalArgumentException.class, () -> OwnedBlock.splice(damaged, "a", List.of()));
        assertThrows(IllegalArgumentException.class, () -> OwnedBlock.splice("", "Bad Owner", List.of("x")));
        assertThrows(IllegalArgumentException.class, () -> OwnedBlock.splice("", "a", List.of(OwnedBlock.end("a"))));
        assertThrows(IllegalArgumentException.class, () -> new OwnedBlock("etc/relative", List.of()));
        assertThrows(IllegalArgumentException.class, () -> new OwnedBlock("/etc/x", List.of("two\nlines")));
    }
}
