package dev.vzbridge.persistence;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ShellVarsFileTest {
    private static ShellVarsFile parse(String text) {
        return ShellVarsFile.parse("/etc/vz/conf/101.conf", text.getBytes(StandardCharsets.UTF_8), true);
    }

    private static String render(ShellVarsFile f) {
        return new String(f.render(""), StandardCharsets.UTF_8);
    }

    @Test
    void setReplacesOnlyTheValueKeepingCommentAndStyle() {
        ShellVarsFile f = parse("# c\nexport  ONBOOT=no   # boot it\nNAME='x'\nVE_ROOT=/vz/root/$VEID\n");
        f.set("ONBOOT", "yes");
        f.set("NAME", "y z");
        assertEquals("# c\nexport  ONBOOT=yes   # boot it\nNAME='y z'\nVE_ROOT=/vz/root/$VEID\n", render(f));
        assertEquals("/vz/root/$VEID", f.get("VE_ROOT").orElseThrow());
    }

    @Test
    void equalValueLeavesTheBytesAlone() {
        String text = "BRIDGEDEV=\"br0\"\nX= \n";
        ShellVarsFile f = parse(text);
        f.set("BRIDGEDEV", "br0");
        assertEquals(text, render(f));
    }

    /** vzctl keeps the first of two assignments, the shell the last: after saving there is one. */
    @Test
    void duplicatesCollapseAtTheFirstPosition() {
        ShellVarsFile f = parse("NETIF=\"a\"\nONBOOT=\"yes\"\nNETIF=\"b\"\n");
        assertEquals("a", f.get("NETIF").orElseThrow());
        f.set("NETIF", "c");
        assertEquals("NETIF=\"c\"\nONBOOT=\"yes\"\n", render(f));
    }

    @Test
    void newKeysGoAtTheEndAndKeepAMissingFinalNewlineMissing() {
        ShellVarsFile f = parse("ONBOOT=\"yes\"");
        f.set("BRIDGEDEV", "br0");
        f.set("VETH_IP_ADDRESS", "203.0.113.195/26 10.1.0.5/24");
        assertEquals("ONBOOT=\"yes\"\n# hdr\nBRIDGEDEV=\"br0\"\nVETH_IP_ADDRESS=\"203.0.113.195/26 10.1.0.5/24\"",
            new String(f.render("# hdr\n"), StandardCharsets.UTF_8));
    }

    @Test
    void valuesAreQuotedForTheShell() {
        ShellVarsFile f = parse("");
        f.set("A", "x\"$`\\y");
        assertEquals("A=\"x\\\"\\$\\`\\\\y\"\n", render(f));
        assertEquals("x\"$`\\y", parse(render(f)).get("A").orElseThrow());
    }

    @Test
    void removeDropsEveryAssignment() {
        ShellVarsFile f = parse("IPADDR=1\n#IPADDR=2\nIPADDR=3\nB=4\n");
        f.remove("IPADDR");
        assertEquals("#IPADDR=2\nB=4\n", render(f));
    }

    @Test
    void unbalancedQuoteIsRefusedWithFileAndLine() {
        var e = assertThrows(ConfigSyntaxException.class, () -> parse("ONBOOT=\"yes\"\n\nNETIF=\"ifname=eth0\n"));
        assertEquals("/etc/vz/conf/101.conf:3: unbalanced \" quote in NETIF", e.getMessage());
    }

    @Test
    void commandsAndTrailingWordsAreRefused() {
        assertEquals("/etc/vz/conf/101.conf:2: not a KEY=VALUE line: echo hi",
            assertThrows(ConfigSyntaxException.class, () -> parse("A=1\necho hi\n")).getMessage());
        assertEquals("/etc/vz/conf/101.conf:1: unexpected text after the value of A: b",
            assertThrows(ConfigSyntaxException.class, () -> parse("A=a b\n")).getMessage());
        assertEquals("/etc/vz/conf/101.conf:1: shell syntax '`' in the value of A",
            assertThrows(ConfigSyntaxException.class, () -> parse("A=`id`\n")).getMessage());
    }
}
