package dev.vzbridge.shell;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiffsTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void equalContentHasNoDiff() {
        assertEquals("", Diffs.unified("/etc/x", b("A=1\n"), b("A=1\n")));
    }

    @Test
    void changedLineWithContextAndPaths() {
        String d = Diffs.unified("/etc/vz/vz.conf", b("a\nb\nc\nd\ne\nf\ng\n"), b("a\nb\nc\nD\ne\nf\ng\n"));
        assertEquals("""
            --- a/etc/vz/vz.conf
            +++ b/etc/vz/vz.conf
            @@ -1,7 +1,7 @@
             a
             b
             c
            -d
            +D
             e
             f
             g
            """, d);
    }

    @Test
    void newFileComesFromDevNull() {
        String d = Diffs.unified("/usr/sbin/x", null, b("#!/bin/bash\nexit 0\n"));
        assertTrue(d.startsWith("--- /dev/null\n+++ b/usr/sbin/x\n@@ -0,0 +1,2 @@\n+#!/bin/bash\n+exit 0\n"), d);
    }

    @Test
    void missingFinalNewlineIsADifference() {
        String d = Diffs.unified("/etc/x", b("A=1"), b("A=1\n"));
        assertEquals("--- a/etc/x\n+++ b/etc/x\n@@ -1,1 +1,1 @@\n-A=1\n\\ No newline at end of file\n+A=1\n", d);
    }

    /** The output is a real patch: git apply turns the old file into the new one. */
    @Test
    void patchAppliesTheDiff(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException, InterruptedException {
        String before = "# c\nA=1\nB=2\nC=3\nD=4\nE=5\nF=6\nG=7\nH=8\nlast";
        String after = "# c\nA=1\nB=two\nC=3\nD=4\nE=5\nF=6\nG=7\nH=8\nI=9\nlast\n";
        Files.createDirectories(dir.resolve("etc"));
        Files.writeString(dir.resolve("etc/f"), before);
        Files.writeString(dir.resolve("p.diff"), Diffs.unified("/etc/f", b(before), b(after)));
        Process p = new ProcessBuilder(List.of("git", "apply", "p.diff")).directory(dir.toFile())
            .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertEquals(after, Files.readString(dir.resolve("etc/f")));
    }
}
