package dev.vzbridge.engine;

import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.engine.journal.Journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Before the first action: can the journal's file system take the whole transaction?
 * What is still to come is about one more snapshot as large as the one written (after,
 * and after-rollback when it fails), a begin, done and undo record per step, copies of
 * the files the plan overwrites, and the closing state records. The 64 KiB reserve
 * beside the journal is not counted: it is for the rollback should this guess be short.
 */
final class JournalRoom {
    /** Begin, done, undo and undo-failed records of one step, generously. */
    private static final long PER_STEP = 1024;
    private static final long CLOSING = 8 * 1024;

    private JournalRoom() {
    }

    /** Why the transaction does not fit, or null when it does. */
    static String shortfall(Journal journal, Plan plan, Node node) {
        try {
            long written = Files.size(journal.file());
            int steps = plan.changes().stream().mapToInt(c -> c.steps().size()).sum();
            long files = 0;
            for (String f : Transaction.files(plan)) {
                Path p = node.underRoot(f);
                if (Files.isRegularFile(p)) files += Files.size(p);
            }
            long needed = 2 * written + steps * PER_STEP + files + CLOSING;
            long free = Files.getFileStore(journal.file()).getUsableSpace();
            if (free >= needed) return null;
            return "the journal's file system (" + journal.file().getParent() + ") has " + kib(free)
                + " free and this transaction needs about " + kib(needed);
        } catch (IOException e) {
            return "cannot tell how much room the journal has (" + e.getMessage() + ")";
        }
    }

    private static String kib(long bytes) {
        return (bytes + 1023) / 1024 + " KiB";
    }
}
