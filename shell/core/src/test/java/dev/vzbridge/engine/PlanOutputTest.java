package dev.vzbridge.engine;

import dev.vzbridge.engine.journal.FileHashes;
import dev.vzbridge.shell.RenderedEngine;
import dev.vzbridge.api.host.Address;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Link;
import dev.vzbridge.api.host.Route;
import dev.vzbridge.api.plan.Change;
import dev.vzbridge.api.plan.Exec;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.api.plan.Step;
import dev.vzbridge.exec.ExecResult;
import dev.vzbridge.exec.ProcessRunner;
import dev.vzbridge.shell.GlobalOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanOutputTest {
    @TempDir
    Path tmp;

    private Plan filePlan(Path marker) {
        byte[] binary = {0, 1, 2, (byte) 0xfe, '\n', 'x'};
        return Plan.builder("save --all")
            .change(Change.of("write ifcfg-br0", Step.writeFile("/etc/sysconfig/ifcfg-br0",
                "DEVICE=br0\nTYPE=Bridge\nVZBRIDGE_EOF\n".getBytes(StandardCharsets.UTF_8), 0644)))
            .change(Change.of("write a binary blob", Step.writeFile("/etc/blob", binary, 0600)))
            .change(Change.of("mark", new Step(Exec.of("sh", "-c", "printf '%s' \"$0\" > \"$1\"", "a b $(y) ;'x'",
                marker.toString()), Exec.of("rm", "-f", marker.toString()))))
            .change(Change.of("remove stale file", Step.deleteFile("/etc/stale")))
            .build();
    }

    @Test
    void scriptDoesWhatTheApplyPathDoes() throws Exception {
        Path viaEngine = Files.createDirectories(tmp.resolve("engine"));
        Path viaScript = Files.createDirectories(tmp.resolve("script"));
        for (Path r : List.of(viaEngine, viaScript)) {
            Files.createDirectories(r.resolve("etc"));
            Files.writeString(r.resolve("etc/stale"), "old");
        }
        GlobalOptions o = new GlobalOptions();
        o.root = viaEngine;
        RenderedEngine e = RenderedEngine.of(o.engineSettings(), new Node(new ProcessRunner(), viaEngine, cts -> HostState.empty(), null), (r, t) -> null,
            new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true));
        assertEquals(0, e.submit(filePlan(viaEngine.resolve("marker")), "save --all"));

        Plan forScript = filePlan(viaScript.resolve("marker"));
        String script = PlanPrinter.script(forScript, List.of(), p -> viaScript.resolve(p.substring(1)));
        assertTrue(script.startsWith("#!/bin/bash\n"));
        assertTrue(script.contains("\nset -e\n"));
        assertTrue(script.contains("# 1. write ifcfg-br0"));
        Path file = tmp.resolve("plan.sh");
        Files.writeString(file, script);
        ExecResult r = new ProcessRunner().run(List.of("bash", file.toString()), null, Duration.ofSeconds(20));
        assertTrue(r.ok(), r.problem() + "\n" + script);
        for (String f : List.of("etc/sysconfig/ifcfg-br0", "etc/blob", "marker", "etc/stale")) {
            assertEquals(FileHashes.hash(viaEngine.resolve(f)), FileHashes.hash(viaScript.resolve(f)), f + "\n" + script);
        }
        assertEquals("a b $(y) ;'x'", Files.readString(viaScript.resolve("marker")));
    }

    @Test
    void scriptStopsAtTheFirstFailingCommand() throws Exception {
        Plan plan = Plan.builder("x").change(Change.of("fail", new Step(Exec.of("false"), Exec.of("true"))))
            .change(Change.of("never", new Step(Exec.of("touch", tmp.resolve("never").toString()), Exec.of("true")))).build();
        Path file = tmp.resolve("f.sh");
        Files.writeString(file, PlanPrinter.script(plan, List.of(), p -> tmp.resolve(p.substring(1))));
        assertEquals(1, new ProcessRunner().run(List.of("bash", file.toString()), null, Duration.ofSeconds(10)).exitCode());
        assertTrue(Files.notExists(tmp.resolve("never")));
    }

    @Test
    void prefixReachesTheNode() {
        Plan plan = Plan.builder("x").change(Change.of("c", new Step(Exec.of("ip", "link", "add", "br0", "type", "bridge"),
            Exec.of("ip", "link", "del", "br0")))).build();
        String s = PlanPrinter.script(plan, List.of("ip", "netns", "exec", "vzbX-hn"), p -> Path.of(p));
        assertTrue(s.contains("\nip -n vzbX-hn link add br0 type bridge\n"), s);
        String text = PlanPrinter.text(plan);
        assertTrue(text.contains("apply:  ip link add br0 type bridge"), text);
        assertTrue(text.contains("revert: ip link del br0"), text);
    }

    @Test
    void sshSessionLinkIsFound() {
        HostState s = new HostState(
            List.of(new Link("eth0", 2, "ether", null, true, null, null, null),
                new Link("eth1", 3, "ether", null, true, null, null, null)),
            List.of(new Address("eth0", "10.0.0.2/24", "global"), new Address("eth1", "192.0.2.5/24", "global")),
            List.of(new Route("default", "10.0.0.1", "eth0", null, null, null, null),
                new Route("192.0.2.0/24", null, "eth1", "kernel", "link", null, "192.0.2.5")),
            List.of());
        assertEquals(Set.of("eth0"), SshGuard.carrying(s, "10.0.0.9 50000 10.0.0.2 22"));
        assertEquals(Set.of("eth0", "eth1"), SshGuard.carrying(s, "192.0.2.77 50000 10.0.0.2 22"));
        Plan touchesEth0 = Plan.builder("b").change(Change.of("c", new Step(Exec.of("true"), List.of(), Set.of("eth0", "br0"))))
            .build();
        Plan touchesEth1 = Plan.builder("b").change(Change.of("c", new Step(Exec.of("true"), List.of(), Set.of("eth1"))))
            .build();
        assertEquals(Optional.of("eth0"), SshGuard.touched(touchesEth0, s, "10.0.0.9 50000 10.0.0.2 22"));
        assertEquals(Optional.empty(), SshGuard.touched(touchesEth1, s, "10.0.0.9 50000 10.0.0.2 22"));
        assertEquals(Optional.empty(), SshGuard.touched(touchesEth0, s, null));
    }

    @Test
    void sshSessionOverLinkLocalWithZoneOrIpv4MappedArmsTheGuard() {
        HostState s = new HostState(
            List.of(new Link("eth0", 2, "ether", null, true, null, null, null),
                new Link("eth1", 3, "ether", null, true, null, null, null)),
            List.of(new Address("eth0", "10.0.0.2/24", "global"), new Address("eth1", "fe80::2/64", "link")),
            List.of(new Route("default", "10.0.0.1", "eth0", null, null, null, null),
                new Route("fe80::/64", null, "eth1", "kernel", "link", null, null)),
            List.of());
        assertEquals(Set.of("eth1"), SshGuard.carrying(s, "fe80::1%eth1 50000 fe80::2%eth1 22"));
        assertEquals(Set.of("eth0"), SshGuard.carrying(s, "::ffff:10.0.0.9 50000 ::ffff:10.0.0.2 22"));
    }
}
