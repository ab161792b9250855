package dev.vzbridge.persistence;

import dev.vzbridge.shell.RenderedEngine;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.plan.Change;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.api.plan.Step;
import dev.vzbridge.api.plan.WriteFile;
import dev.vzbridge.engine.Node;
import dev.vzbridge.exec.ProcessRunner;
import dev.vzbridge.shell.GlobalOptions;
import dev.vzbridge.api.tools.OpenVz;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static dev.vzbridge.persistence.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** save's plan through the real transaction engine: atomic writes under --root, journal, rollback. */
class SaveThroughEngineTest {
    @TempDir
    Path root;
    final StringWriter err = new StringWriter();

    private RenderedEngine engine() {
        GlobalOptions o = new GlobalOptions();
        o.root = root;
        o.lockWait = 2;
        Node node = new Node(new ProcessRunner(), root, cts -> HostState.empty(), null);
        return RenderedEngine.of(o.engineSettings(), node, (r, t) -> null, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    }

    private void node() {
        put(root, "/etc/sysconfig/network-scripts/ifcfg-eth0", resource("ifcfg-eth0.before"));
        put(root, "/etc/vz/conf/101.conf", resource("101.conf.before"));
        put(root, "/etc/vz/vz.conf", resource("vz.conf.before"));
        put(root, "/etc/vz/vznet.conf", resource("vznet.conf.before"));
    }

    /** Bytes and permissions of every node file (the engine's own journal, log and lock under var/ and run/ aside). */
    private Map<String, String> files() throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String rel = root.relativize(p).toString();
                if (rel.startsWith("var/") || rel.startsWith("run/")) continue;
                out.put(rel, new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1)
                    + " " + java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
            }
        }
        return out;
    }

    @Test
    void engineWritesTheFilesAndCheckIsCleanAfterwards() throws IOException {
        node();
        assertEquals(0, engine().submit(save().plan(context(bridgedNode(), root)), "save"), err.toString());
        assertTrue(save("--check").plan(context(bridgedNode(), root)).isEmpty());
        assertEquals("rwxr-xr-x", java.nio.file.attribute.PosixFilePermissions.toString(
            Files.getPosixFilePermissions(root.resolve("usr/sbin/vznetcfg.custom"))));
        assertTrue(files().containsKey("etc/sysconfig/network-scripts/ifcfg-br0"));
    }

    /**
     * Writing file k fails (its target's directory is a regular file): the engine
     * undoes the files written before it and every file is byte-identical to before.
     */
    @ParameterizedTest
    @EnumSource(OpenVz.class)
    void failureWhileWritingAnyFileRestoresEveryFile(OpenVz openvz) throws IOException {
        node();
        // NetworkManager runs: on both platforms save also writes NM_CONTROLLED=no.
        put(root, "/run/NetworkManager/NetworkManager.pid", "812\n".getBytes());
        Map<String, String> before = files();
        Plan plan = save().plan(context(bridgedNode(), root, openvz));
        int n = plan.changes().size();
        assertTrue(n >= 6, plan.files().toString());
        for (int k = 0; k < n; k++) {
            List<Change> changes = new ArrayList<>(plan.changes());
            Step s = changes.get(k).steps().get(0);
            WriteFile w = (WriteFile) s.apply();
            WriteFile failing = new WriteFile("/etc/vz/vz.conf/cannot-write-" + w.path().replace('/', '_'), w.content(), w.mode());
            changes.set(k, new Change(changes.get(k).summary(), List.of(new Step(failing, s.undo(), s.links()))));
            Plan.Builder b = Plan.builder("save (failing at file " + k + ")");
            changes.forEach(b::change);
            plan.files().forEach(b::file);
            int code = engine().submit(b.build(), "save");
            assertEquals(1, code, "file " + k + ": " + err);
            assertEquals(before, files(), "after a failure at file " + k + " (" + w.path() + ")");
        }
    }
}
