package dev.vzbridge.bridge;

import dev.vzbridge.exec.ProcessRunner;
import dev.vzbridge.lab.Lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stand-in for ip on a shell's PATH that holds the HOLD_AT-th command changing
 * something (counted per GATE directory; a line of an ip -batch counts as a command) until the file GATE/go exists, writing its
 * arguments to GATE/at when it arrives there and creating GATE/ran once it has run.
 * Everything else runs at once. With HOLD_CALL it holds the HOLD_CALL-th ip command of
 * any kind instead (before it runs); with CALL_LOG it appends "N RECORDS ARGS" for every
 * command to that file, RECORDS being how many records the journal in JOURNAL_DIR held.
 */
final class HeldIp {
    /**
     * ip as usual, except that the HOLD_AT-th command that changes something waits for $GATE/go.
     * In an ip -batch each line that changes something counts as one command: the lines before
     * the held one run, then it and the rest wait (ip's "Command failed -:N" still counts from the
     * batch's first line).
     */
    static final String WRAPPER = """
        #!/bin/sh
        case " $* " in *" netns exec "*) exec REAL "$@";; esac
        if [ -n "$HOLD_CALL$CALL_LOG" ]; then
            j=1
            while ! mkdir "$GATE/c.$j" 2>/dev/null; do j=$((j+1)); done
            [ -z "$CALL_LOG" ] || echo "$j $(cat "$JOURNAL_DIR"/*.jsonl 2>/dev/null | grep -c .) $*" >> "$CALL_LOG"
            if [ "$j" = "$HOLD_CALL" ]; then
                echo "$*" > "$GATE/at"
                while [ ! -e "$GATE/go" ]; do sleep 0.02; done
            fi
        fi
        slot() { i=1; while ! mkdir "$GATE/n.$i" 2>/dev/null; do i=$((i+1)); done; echo "$i"; }
        hold() { echo "$1" > "$GATE/at"; while [ ! -e "$GATE/go" ]; do sleep 0.02; done; }
        changing=
        batch=
        for a in "$@"; do case $a in add|del|delete|set|replace|change|flush) changing=1;; -batch|-b) batch=1;; esac; done
        if [ -z "$batch" ]; then
            [ -n "$changing" ] && [ "$(slot)" = "$HOLD_AT" ] || exec REAL "$@"
            hold "$*"
            REAL "$@"
            rc=$?
            : > "$GATE/ran"
            exit $rc
        fi
        input=$(cat)
        n=0
        at=0
        while IFS= read -r line; do
            n=$((n+1))
            if printf '%s\n' "$line" | grep -qwE 'add|del|delete|set|replace|change|flush' && [ "$(slot)" = "$HOLD_AT" ]; then
                at=$n
            fi
        done <<EOF
        $input
        EOF
        [ "$at" -gt 0 ] || { printf '%s\n' "$input" | REAL "$@"; exit $?; }
        if [ "$at" -gt 1 ]; then
            printf '%s\n' "$input" | head -n $((at - 1)) | REAL "$@" || exit $?
        fi
        hold "$(printf '%s\n' "$input" | sed -n "${at}p")"
        printf '%s\n' "$input" | tail -n +"$at" | REAL "$@" 2>"$GATE/batch.err"
        rc=$?
        awk -v off=$((at - 1)) '/^Command failed -:[0-9]+$/ { split($0, a, ":"); print "Command failed -:" a[2] + off; next }
            { print }' "$GATE/batch.err" >&2
        : > "$GATE/ran"
        exit $rc
        """;

    private HeldIp() {
    }

    /** Writes the stand-in into dir; returns dir (to go first on PATH). */
    static Path install(Path dir) throws IOException {
        Files.createDirectories(dir);
        String realIp = new ProcessRunner().run("sh", "-c", "command -v ip").stdout().strip();
        Path ip = dir.resolve("ip");
        Files.writeString(ip, WRAPPER.replace("REAL", realIp));
        Files.setPosixFilePermissions(ip, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }

    /** Starts a shell (own session) running line against the lab node, its k-th change held; 0 holds none. */
    static Process shell(Path bin, Path gate, int k, Path root, Lab lab, String line) throws IOException {
        return start(bin, gate, k, ShellChild.command(root, lab.nodeNetns(), lab.ctNetnsPattern(), line));
    }

    /** The same, but the shell runs inside the lab node's namespace and is given no --netns. */
    static Process shellInside(Path bin, Path gate, int k, Path root, Lab lab, String line) throws IOException {
        return start(bin, gate, k, ShellChild.command(List.of("ip", "netns", "exec", lab.nodeNetns()), root,
            ShellChild.INSIDE, lab.ctNetnsPattern(), line));
    }

    /** Its stdout and stderr go to GATE/out and GATE/err. */
    private static Process start(Path bin, Path gate, int k, List<String> argv) throws IOException {
        Files.createDirectories(gate);
        ProcessBuilder pb = new ProcessBuilder(argv)
            .redirectOutput(gate.resolve("out").toFile()).redirectError(gate.resolve("err").toFile());
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("GATE", gate.toString());
        pb.environment().put("HOLD_AT", String.valueOf(k));
        return pb.start();
    }

    /** Waits until the shell is held at its gate (GATE/at), failing with what it said if it ends first or takes 60 s. */
    static void awaitHeld(Process p, Path gate, String where) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(gate.resolve("at"))) {
            assertTrue(p.isAlive() && System.nanoTime() < deadline, where + ": never got to the held step: " + said(gate));
            Thread.sleep(20);
        }
    }

    /** What the shell at this gate printed: its stdout, then its stderr. */
    static String said(Path gate) {
        return read(gate.resolve("out")) + read(gate.resolve("err"));
    }

    /** A file's text, or "" when it does not exist (yet). */
    static String read(Path f) {
        try {
            return Files.exists(f) ? Files.readString(f) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
