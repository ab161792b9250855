package dev.vzbridge.engine.journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * {@code /var/log/vzbridge.log} under --root: one line per transaction outcome,
 * {@code TIME user=U ssh=CLIENT result=R [by=ACTOR] tx=TXID command='…'}.
 */
public final class AuditLog {
    public static final String PATH = "/var/log/vzbridge.log";

    private AuditLog() {
    }

    public static void append(Path root, JournalRecord.Header h, String result) {
        append(root, h, result, null);
    }

    /** @param actor who acted when not the shell itself (e.g. "guardian"): adds {@code by=ACTOR} */
    public static void append(Path root, JournalRecord.Header h, String result, String actor) {
        String line = Instant.now().truncatedTo(ChronoUnit.SECONDS) + " user=" + word(h.user())
            + " ssh=" + word(h.sshClient()) + " result=" + result + (actor == null ? "" : " by=" + word(actor))
            + " tx=" + h.txid()
            + " command=" + dev.vzbridge.api.plan.Exec.quote(h.command() == null ? "" : h.command()) + "\n";
        Path file = root.resolve(PATH.substring(1));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // The journal is the record that matters; a missing log line must not undo a change.
            System.err.println("vzbridge: cannot write " + file + ": " + e.getMessage());
        }
    }

    private static String word(String s) {
        return s == null || s.isBlank() ? "-" : s.replaceAll("\\s+", "_");
    }
}
