package dev.vzbridge.persistence;

import dev.vzbridge.api.plan.Plan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import static dev.vzbridge.persistence.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * save against realistic existing files: the result must equal the reviewed
 * golden file, and every line vzbridge does not own must be there unchanged, in order.
 */
class GoldenFilesTest {
    @TempDir
    Path root;

    private String saved(String path) {
        return new String(read(root, path), StandardCharsets.UTF_8);
    }

    private void golden(String name, String path) {
        String actual = saved(path);
        Path update = Path.of("src/test/resources/golden", name);
        if (Boolean.getBoolean("golden.update")) {
            try {
                Files.writeString(update, actual);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        }
        assertEquals(new String(resource(name), StandardCharsets.UTF_8), actual, path);
    }

    /** The lines of before that owned() does not claim appear in after, unchanged and in order, and nothing else of before is lost. */
    private static void unrelatedKept(String before, String after, Predicate<String> owned) {
        List<String> kept = before.lines().filter(owned.negate()).toList();
        List<String> now = after.lines().filter(owned.negate()).filter(l -> !l.contains("vzbridge")).toList();
        assertEquals(kept, now);
    }

    private static Predicate<String> keys(String... keys) {
        Set<String> owned = Set.of(keys);
        return l -> owned.contains(l.split("=", 2)[0].strip());
    }

    private Plan saveRhel() {
        put(root, "/etc/sysconfig/network-scripts/ifcfg-eth0", resource("ifcfg-eth0.before"));
        put(root, "/etc/sysconfig/network-scripts/ifcfg-lo", "DEVICE=lo\nIPADDR=127.0.0.1\n".getBytes());
        put(root, "/etc/vz/conf/101.conf", resource("101.conf.before"));
        put(root, "/etc/vz/vznet.conf", resource("vznet.conf.before"));
        put(root, "/etc/vz/vz.conf", resource("vz.conf.before"));
        Plan plan = save().plan(context(bridgedNode(), root));
        apply(root, plan);
        return plan;
    }

    @Test
    void rhelPortKeepsHardwareKeysAndLosesItsAddress() {
        saveRhel();
        golden("ifcfg-eth0.after", "/etc/sysconfig/network-scripts/ifcfg-eth0");
        unrelatedKept(new String(resource("ifcfg-eth0.before")), saved("/etc/sysconfig/network-scripts/ifcfg-eth0"),
            keys("BOOTPROTO", "IPADDR", "NETMASK", "GATEWAY", "BRIDGE"));
    }

    @Test
    void rhelBridgeFileIsNew() {
        Plan plan = saveRhel();
        golden("ifcfg-br0.after", "/etc/sysconfig/network-scripts/ifcfg-br0");
        assertTrue(plan.files().contains("/etc/sysconfig/network-scripts/ifcfg-br0"));
        assertTrue(plan.files().stream().noneMatch(f -> f.contains("veth")), "container veths never get ifcfg files");
    }

    @Test
    void containerConfigKeepsVzctlKeys() {
        saveRhel();
        golden("101.conf.after", "/etc/vz/conf/101.conf");
        unrelatedKept(new String(resource("101.conf.before")), saved("/etc/vz/conf/101.conf"),
            keys("NETIF", "CONFIG_CUSTOMIZED", "VETH_IP_ADDRESS", "VE_DEFAULT_GATEWAY", "BRIDGEDEV", "VZBRIDGE_HOST_ROUTES"));
    }

    @Test
    void vzGlobalFilesGetScriptAndNodeAddress() {
        saveRhel();
        golden("vznet.conf.after", "/etc/vz/vznet.conf");
        golden("vz.conf.after", "/etc/vz/vz.conf");
        unrelatedKept(new String(resource("vz.conf.before")), saved("/etc/vz/vz.conf"), keys("CT0_IP"));
        unrelatedKept(new String(resource("vznet.conf.before")), saved("/etc/vz/vznet.conf"), keys("EXTERNAL_SCRIPT"));
    }

    @Test
    void debianKeepsOtherStanzasAndSourceLines() {
        put(root, "/etc/network/interfaces", resource("interfaces.before"));
        apply(root, save().plan(context(bridgedNode(), root)));
        golden("interfaces.after", "/etc/network/interfaces");
        String before = new String(resource("interfaces.before"), StandardCharsets.UTF_8);
        String after = saved("/etc/network/interfaces");
        // everything before the bridged NIC's stanza, and from the next stanza on, is byte-identical
        int eth0 = before.indexOf("iface eth0 inet static");
        assertEquals(before.substring(0, eth0), after.substring(0, eth0));
        String tail = before.substring(before.indexOf("\n# Storage network"));
        assertTrue(after.endsWith(tail), "stanzas after the bridge block are unchanged, without a final newline as before");
        assertTrue(!after.contains("veth"), "container veths never go into interfaces");
    }
}
