package dev.vzbridge.persistence;

import dev.vzbridge.api.command.Report;
import dev.vzbridge.api.command.UsageException;
import dev.vzbridge.api.host.Address;
import dev.vzbridge.api.host.Container;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Link;
import dev.vzbridge.api.host.Route;
import dev.vzbridge.api.persist.BootConfig;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.api.plan.Step;
import dev.vzbridge.api.plan.WriteFile;
import dev.vzbridge.api.recipes.Converters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static dev.vzbridge.persistence.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

class SaveCommandTest {
    @TempDir
    Path root;

    private void rhelNode() {
        put(root, "/etc/sysconfig/network-scripts/ifcfg-eth0", resource("ifcfg-eth0.before"));
        put(root, "/etc/vz/conf/101.conf", resource("101.conf.before"));
        put(root, "/etc/vz/vz.conf", resource("vz.conf.before"));
    }

    private Map<String, String> snapshot() throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList())
                out.put(root.relativize(p).toString(), Files.readString(p) + " mode "
                    + Files.getPosixFilePermissions(p));
        }
        return out;
    }

    @Test
    void roundTripThenCheckIsClean() {
        rhelNode();
        Plan first = save().plan(context(bridgedNode(), root));
        assertFalse(first.isEmpty());
        apply(root, first);
        Plan again = save("--check").plan(context(bridgedNode(), root));
        assertTrue(again.isEmpty(), "a second save has nothing to do: " + again.changes());
        Report r = save("--check").instead(context(bridgedNode(), root), again);
        assertEquals(0, r.exitCode());
    }

    @Test
    void debianRoundTripAndDrift() {
        put(root, "/etc/network/interfaces", resource("interfaces.before"));
        apply(root, save().plan(context(bridgedNode(), root)));
        assertTrue(save("--check").plan(context(bridgedNode(), root)).isEmpty());
        // STP switched on with a 4 s forward delay since the save
        HostState h = bridgedNode();
        List<Link> links = h.links().stream().map(l -> l.name().equals("br0")
            ? new Link("br0", 3, "bridge", null, true, l.mac(), new dev.vzbridge.api.host.BridgeInfo(true, 4), null) : l).toList();
        HostState stp = new HostState(links, h.addresses(), h.routes(), h.containers());
        SaveCommand check = save("--check");
        Report r = check.instead(context(stp, root), check.plan(context(stp, root)));
        assertEquals(1, r.exitCode());
        assertTrue(r.text().contains("-\tbridge_stp off\n-\tbridge_fd 0\n+\tbridge_stp on\n+\tbridge_fd 4\n"), r.text());
    }

    @Test
    void checkReportsDriftWithTheDiff() {
        rhelNode();
        apply(root, save().plan(context(bridgedNode(), root)));
        // the CT moved to another address and lost its host route
        HostState changed = bridgedNode("203.0.113.196/26", false);
        SaveCommand check = save("--check");
        Plan plan = check.plan(context(changed, root));
        Report r = check.instead(context(changed, root), plan);
        assertEquals(1, r.exitCode());
        assertTrue(r.text().contains("-VETH_IP_ADDRESS=\"203.0.113.195/26\"\n+VETH_IP_ADDRESS=\"203.0.113.196/26\""), r.text());
        assertTrue(r.text().contains("-VZBRIDGE_HOST_ROUTES=\"203.0.113.195\""), r.text());
        assertTrue(r.text().startsWith("--- a/etc/vz/conf/101.conf\n+++ b/etc/vz/conf/101.conf\n"), r.text());
    }

    @Test
    void diffShowsEveryFileAndWritesNothing() throws IOException {
        rhelNode();
        Map<String, String> before = snapshot();
        SaveCommand diff = save("--diff");
        Plan plan = diff.plan(context(bridgedNode(), root));
        Report r = diff.instead(context(bridgedNode(), root), plan);
        assertEquals(0, r.exitCode());
        for (String f : plan.files()) assertTrue(r.text().contains("+++ b" + f + "\n"), f + " in\n" + r.text());
        assertTrue(r.text().contains("--- /dev/null\n+++ b/usr/sbin/vznetcfg.custom\n"));
        assertEquals(before, snapshot(), "--diff writes nothing");
        assertNull(save().instead(context(bridgedNode(), root), plan), "plain save applies");
    }

    @Test
    void statSummarisesEveryFileAndWritesNothing() throws IOException {
        rhelNode();
        Map<String, String> before = snapshot();
        SaveCommand stat = save("--stat");
        Plan plan = stat.plan(context(bridgedNode(), root));
        Report r = stat.instead(context(bridgedNode(), root), plan);
        assertEquals(0, r.exitCode());
        assertEquals(before, snapshot(), "--stat writes nothing");
        assertFalse(r.text().contains("+++ "), "no diff without --diff:\n" + r.text());
        String[] lines = r.text().split("\n");
        int files = plan.files().size();
        // one line per file, then the totals, then the notes
        for (int i = 0; i < files; i++) assertTrue(lines[i].matches(" /\\S+ +\\| +\\d+ \\+*-*"), lines[i]);
        assertTrue(lines[files].matches(" " + files + " files changed, \\d+ insertions\\(\\+\\), \\d+ deletions?\\(-\\)"), lines[files]);
        // the counts are the diff's own: + and - lines without the headers
        Report diff = save("--diff").instead(context(bridgedNode(), root), plan);
        long plus = diff.text().lines().filter(l -> l.startsWith("+") && !l.startsWith("+++ ")).count();
        assertTrue(lines[files].contains(", " + plus + " insertion"), lines[files] + " vs " + plus);
        String conf = java.util.Arrays.stream(lines).filter(l -> l.startsWith(" /etc/vz/conf/101.conf ")).findFirst().orElseThrow();
        // the longest diff (the new network script) fills the bar; a small one keeps a mark of each kind
        String script = java.util.Arrays.stream(lines).filter(l -> l.startsWith(" /usr/sbin/vznetcfg.custom ")).findFirst().orElseThrow();
        assertTrue(script.endsWith(" " + "+".repeat(DiffStat.BAR)), script);
        assertTrue(conf.matches(" /etc/vz/conf/101\\.conf +\\| +8 \\+-"), conf);
    }

    @Test
    void statWithDiffPrintsTheSummaryFirst() throws IOException {
        rhelNode();
        SaveCommand both = save("--stat", "--diff");
        Plan plan = both.plan(context(bridgedNode(), root));
        String text = both.instead(context(bridgedNode(), root), plan).text();
        assertTrue(text.indexOf(" files changed, ") < text.indexOf("+++ b/etc/vz/conf/101.conf"), text);
        assertThrows(UsageException.class, () -> save("--stat", "--check").plan(context(bridgedNode(), root)));
    }

    /** Each step's undo is the exact previous content, or a delete for a file that was not there. */
    @Test
    void undoRestoresEveryFileByteForByte() throws IOException {
        rhelNode();
        Map<String, String> before = snapshot();
        Plan plan = save().plan(context(bridgedNode(), root));
        apply(root, plan);
        assertNotEquals(before, snapshot());
        List<Step> steps = new ArrayList<>();
        plan.changes().forEach(c -> steps.addAll(c.steps()));
        for (int i = steps.size() - 1; i >= 0; i--) steps.get(i).undo().forEach(a -> perform(root, a));
        assertEquals(before, snapshot());
    }

    /** A failure while writing file k: the files written before it are undone, newest first; all are as before. */
    @Test
    void failureAtAnyFileLeavesEveryFileAsItWas() throws IOException {
        rhelNode();
        Map<String, String> before = snapshot();
        int files = save().plan(context(bridgedNode(), root)).changes().size();
        assertTrue(files >= 6, "ifcfg-br0, ifcfg-eth0, 101.conf, vznet.conf, the script, vps.umount, vz.conf");
        for (int k = 0; k < files; k++) {
            Plan plan = save().plan(context(bridgedNode(), root));
            List<Step> done = new ArrayList<>();
            for (var change : plan.changes()) {
                if (done.size() == k) break; // writing file k fails before its rename: nothing of it lands
                change.steps().forEach(s -> perform(root, s.apply()));
                done.addAll(change.steps());
            }
            for (int i = done.size() - 1; i >= 0; i--) done.get(i).undo().forEach(a -> perform(root, a));
            assertEquals(before, snapshot(), "after a failure at file " + k);
        }
    }

    @Test
    void generatedScriptsAreExecutableAndPassBashAndShellcheck() throws Exception {
        rhelNode();
        Plan plan = save().plan(context(bridgedNode(), root));
        List<String> scripts = List.of(VzFiles.NET_SCRIPT, VzFiles.UMOUNT_SCRIPT);
        for (var change : plan.changes()) {
            for (Step s : change.steps()) {
                WriteFile w = (WriteFile) s.apply();
                if (!scripts.contains(w.path())) continue;
                assertEquals(0755, w.mode(), w.path());
                assertTrue(new String(w.content(), StandardCharsets.UTF_8).startsWith("#!/bin/bash\n# Generated by vzbridge " + VERSION));
            }
        }
        apply(root, plan);
        for (String s : scripts) {
            String file = root.resolve(s.substring(1)).toString();
            assertEquals("", run("bash", "-n", file), s);
            assertEquals("", run("shellcheck", "-s", "bash", file), s);
        }
    }

    private static String run(String... argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return p.exitValue() == 0 ? out : "exit " + p.exitValue() + ": " + out;
    }

    @Test
    void formatIsChosenByWhatExistsUnderTheRoot() {
        var ctx = context(bridgedNode(), root);
        assertEquals("save: neither /etc/sysconfig/network-scripts nor /etc/network/interfaces exists under the root; choose --format rhel or debian",
            assertThrows(UsageException.class, () -> save().plan(ctx)).getMessage());
        put(root, "/etc/network/interfaces", "auto lo\niface lo inet loopback\n".getBytes());
        assertTrue(save().plan(ctx).files().contains("/etc/network/interfaces"));
        put(root, "/etc/sysconfig/network-scripts/ifcfg-lo", "DEVICE=lo\n".getBytes());
        assertThrows(UsageException.class, () -> save().plan(ctx));
        assertTrue(save("--format", "rhel").plan(ctx).files().contains("/etc/sysconfig/network-scripts/ifcfg-br0"));
        // an unknown format is refused as the line is read, before anything is planned
        assertEquals("unknown --format 'suse' (auto, rhel or debian)",
            Converters.message(assertThrows(CommandLine.ParameterException.class, () -> save("--format", "suse"))));
        assertThrows(UsageException.class, () -> save("--diff", "--check").plan(ctx));
    }

    @Test
    void unknownOrUnbridgedContainerIsAUsageError() {
        rhelNode();
        var ctx = context(bridgedNode(), root);
        assertEquals("no container 999", assertThrows(UsageException.class, () -> save("--ct", "999").plan(ctx)).getMessage());
    }

    @Test
    void unparseableFileIsRefusedAndNothingIsPlanned() {
        rhelNode();
        put(root, "/etc/vz/conf/101.conf", "ONBOOT=\"yes\"\nHOSTNAME=\"ct101\n".getBytes());
        var e = assertThrows(ConfigSyntaxException.class, () -> save().plan(context(bridgedNode(), root)));
        assertEquals("/etc/vz/conf/101.conf:2: unbalanced \" quote in HOSTNAME", e.getMessage());
    }

    /** A plugin's failing boot configuration is named as the admin sees it, never by its Java class. */
    @Test
    void aFailingPluginBlockIsNamedWithoutAJavaClassName() {
        rhelNode();
        java.util.regex.Pattern javaName = java.util.regex.Pattern.compile(
            "\\b[A-Z][A-Za-z]*(Exception|Error)\\b|\\b[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*\\.[A-Z]\\w*|\\$|SaveCommandTest");
        Map<BootConfig, String> said = new java.util.LinkedHashMap<>();
        said.put(bootConfig(() -> "broken", () -> {
            throw new IllegalStateException("cannot read its settings");
        }), "save: the boot configuration of 'broken' failed: cannot read its settings");
        said.put(bootConfig(() -> "broken", () -> {
            throw new NullPointerException();
        }), "save: the boot configuration of 'broken' failed: internal error (--debug prints the details)");
        said.put(bootConfig(() -> "Not Valid!", List::of),
            "save: a plugin's boot configuration failed: block owner 'Not Valid!' must be 1-32 of a-z, 0-9 and '-'");
        said.put(bootConfig(() -> {
            throw new RuntimeException(new IOException("its settings file is gone"));
        }, List::of), "save: a plugin's boot configuration failed: its settings file is gone");
        for (Map.Entry<BootConfig, String> c : said.entrySet()) {
            var ctx = context(bridgedNode(), root, dev.vzbridge.api.tools.OpenVz.LEGACY, List.of(c.getKey()));
            String message = assertThrows(dev.vzbridge.api.command.CommandFailedException.class,
                () -> save().plan(ctx)).getMessage();
            assertEquals(c.getValue(), message);
            assertFalse(javaName.matcher(message).find(), () -> "a Java class name: " + message);
        }
    }

    private static BootConfig bootConfig(java.util.function.Supplier<String> owner,
                                         java.util.function.Supplier<List<dev.vzbridge.api.persist.OwnedBlock>> blocks) {
        return new BootConfig() {
            public String owner() {
                return owner.get();
            }

            public List<dev.vzbridge.api.persist.OwnedBlock> blocks(dev.vzbridge.api.persist.BootFiles node) {
                return blocks.get();
            }
        };
    }

    /** Two bridged interfaces: each gets its own address key and NETIF entry; the script handles any number. */
    @Test
    void containerWithTwoBridgedInterfaces() {
        rhelNode();
        HostState one = bridgedNode();
        List<Link> links = new ArrayList<>(one.links());
        links.add(new Link("br1", 9, "bridge", null, true, "52:54:00:00:00:09", new dev.vzbridge.api.host.BridgeInfo(true, 4), null));
        links.add(new Link("eth1", 4, "ether", "br1", true, "52:54:00:00:00:09", null, "forwarding"));
        links.add(new Link("veth101.1", 10, "veth", "br1", true, "00:18:51:aa:bb:02", null, "forwarding"));
        Container ct = one.containers().get(0);
        List<Link> ctLinks = new ArrayList<>(ct.links());
        ctLinks.add(new Link("eth1", 11, "veth", null, true, "00:18:51:c0:ff:01", null, null));
        List<Address> ctAddrs = new ArrayList<>(ct.addresses());
        ctAddrs.add(new Address("eth1", "10.1.0.5/24", "global"));
        HostState two = new HostState(links, one.addresses(), one.routes(),
            List.of(new Container("101", true, ctLinks, ctAddrs, ct.routes())));
        apply(root, save().plan(context(two, root)));
        String conf = new String(read(root, "/etc/vz/conf/101.conf"), StandardCharsets.UTF_8);
        assertTrue(conf.contains("NETIF=\"ifname=eth0,bridge=br0,mac=00:18:51:C0:FF:EE,host_ifname=veth101.0,host_mac=00:18:51:AA:BB:01;"
            + "ifname=eth1,bridge=br1,mac=00:18:51:C0:FF:01,host_ifname=veth101.1,host_mac=00:18:51:AA:BB:02\"\n"), conf);
        assertTrue(conf.contains("VETH_IP_ADDRESS=\"203.0.113.195/26 10.1.0.5/24\"\n"), conf);
        assertTrue(conf.contains("VZBRIDGE_IP_eth0=\"203.0.113.195/26\"\nVZBRIDGE_IP_eth1=\"10.1.0.5/24\"\n"), conf);
        String br1 = new String(read(root, "/etc/sysconfig/network-scripts/ifcfg-br1"), StandardCharsets.UTF_8);
        assertTrue(br1.contains("STP=on\nDELAY=4\n") && !br1.contains("IPADDR"), br1);
        assertTrue(save("--check").plan(context(two, root)).isEmpty());
    }

    /** A node whose uplink is itself a veth (a nested node, the lab) still saves it as the bridge's NIC. */
    @Test
    void vethUplinkIsANicButContainerEndsAreNot() {
        rhelNode();
        HostState h = bridgedNode();
        List<Link> links = h.links().stream().map(l -> l.name().equals("eth0")
            ? new Link("eth0", 2, "veth", "br0", true, l.mac(), null, "forwarding") : l).toList();
        HostState nested = new HostState(links, h.addresses(), h.routes(), h.containers());
        apply(root, save().plan(context(nested, root)));
        String br0 = new String(read(root, "/etc/sysconfig/network-scripts/ifcfg-br0"), StandardCharsets.UTF_8);
        assertTrue(new String(read(root, "/etc/sysconfig/network-scripts/ifcfg-eth0"), StandardCharsets.UTF_8).contains("BRIDGE=br0\n"));
        assertFalse(Files.exists(root.resolve("etc/sysconfig/network-scripts/ifcfg-veth101.0")), br0);
    }

    @Test
    void addressesThatAreNotSavedAreNamedInNotes() {
        rhelNode();
        HostState h = bridgedNode();
        List<Address> addrs = new ArrayList<>(h.addresses());
        addrs.add(new Address("br0", "10.0.0.3/24", "global"));
        addrs.add(new Address("br0", "2001:db8::2/64", "global"));
        Plan plan = save().plan(context(new HostState(h.links(), addrs, h.routes(), h.containers()), root));
        assertTrue(plan.notes().contains("br0: extra address 10.0.0.3/24 is not saved"), plan.notes().toString());
        assertTrue(plan.notes().contains("br0: IPv6 address 2001:db8::2/64 is not saved"), plan.notes().toString());
    }

    @Test
    void nodeWithoutBridgesHasNothingToSave() {
        rhelNode();
        HostState plain = new HostState(List.of(new Link("eth0", 2, "ether", null, true, "52:54:00:12:34:56", null, null)),
            List.of(new Address("eth0", "10.0.0.2/24", "global")), List.of(Route.of("default", "10.0.0.1", "eth0")), List.of());
        Plan plan = save().plan(context(plain, root));
        assertTrue(plan.isEmpty());
        assertEquals(List.of("no bridge with ports: nothing to save"), plan.notes());
    }
}
