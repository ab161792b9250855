package dev.vzbridge.exec;

import dev.vzbridge.testkit.FailureInjectingRunner;
import dev.vzbridge.testkit.RecordingRunner;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArgvLiteralTest {
    @Test
    void metacharactersReachTheProgramLiterally() {
        List<String> words = List.of("a b", "'x'", "$(y)", ";", "\"q\"", "`z`", "*", "&& false", "", "\\n");
        List<String> argv = new java.util.ArrayList<>(List.of("printf", "[%s]\\n"));
        argv.addAll(words);
        ExecResult r = new ProcessRunner().run(argv, null, Duration.ofSeconds(10));
        assertTrue(r.ok(), r.problem());
        StringBuilder want = new StringBuilder();
        for (String w : words) want.append('[').append(w).append("]\n");
        assertEquals(want.toString(), r.stdout());
    }

    @Test
    void prefixRunnerKeepsArgumentsIntact() {
        CommandRunner r = new PrefixRunner(List.of("env", "LC_ALL=C"), new ProcessRunner());
        ExecResult res = r.run(List.of("printf", "%s|", "a b", "$(y)"), null, Duration.ofSeconds(10));
        assertEquals("a b|$(y)|", res.stdout());
        assertEquals(List.of("printf", "%s|", "a b", "$(y)"), res.argv());
    }

    @Test
    void nonZeroExitCarriesStderr() {
        ExecResult r = new ProcessRunner().run(List.of("ls", "/nonexistent-vzb-path"), null, Duration.ofSeconds(10));
        assertFalse(r.ok());
        assertTrue(r.problem().contains("nonexistent-vzb-path"), r.problem());
    }

    @Test
    void timeoutIsAFailure() {
        ExecResult r = new ProcessRunner().run(List.of("sleep", "5"), null, Duration.ofMillis(300));
        assertFalse(r.ok());
        assertTrue(r.timedOut());
    }

    @Test
    void failureInjectionFailsTheKthCommandOnly() {
        RecordingRunner rec = new RecordingRunner(new ProcessRunner());
        FailureInjectingRunner f = FailureInjectingRunner.failingNth(2, rec);
        assertTrue(f.run("true").ok());
        ExecResult second = f.run("true");
        assertFalse(second.ok());
        assertTrue(second.problem().startsWith(FailureInjectingRunner.INJECTED));
        assertTrue(f.run("true").ok());
        assertEquals(2, rec.commands().size(), "the injected one never ran");
        assertEquals(1, f.injected());
    }

    @Test
    void underANamespaceAnIpCommandIsOneProcessWithDashN() {
        List<String> ns = List.of("ip", "netns", "exec", "NS");
        assertEquals(List.of("ip", "-n", "NS", "link", "set", "dev", "eth0", "up"),
            PrefixRunner.through(ns, List.of("ip", "link", "set", "dev", "eth0", "up")));
        assertEquals(List.of("ip", "-n", "CT", "addr", "show"), PrefixRunner.through(ns, List.of("ip", "-n", "CT", "addr", "show")),
            "a command naming its own namespace runs as it is");
        assertEquals(List.of("ip", "netns", "exec", "NS", "arping", "-D", "10.0.0.5"),
            PrefixRunner.through(ns, List.of("arping", "-D", "10.0.0.5")), "other tools keep the prefix");
        assertEquals(List.of("sudo", "ip", "link"), PrefixRunner.through(List.of("sudo"), List.of("ip", "link")),
            "only ip netns exec is folded");
        assertEquals(List.of("ip", "link"), PrefixRunner.through(List.of(), List.of("ip", "link")));
    }
}
