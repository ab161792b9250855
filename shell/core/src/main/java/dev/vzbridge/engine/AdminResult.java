package dev.vzbridge.engine;

import dev.vzbridge.engine.journal.TxState;

import java.util.List;

/** What confirm, recover, undo and history did: the shell renders it. */
public sealed interface AdminResult {
    int exitCode();

    /** Where one transaction stands now (confirm); {@code line} says it for a person. */
    record Status(String txid, TxState state, int exitCode, String line) implements AdminResult {
    }

    /** Transactions rolled back (recover, undo), each with the exit code it counts for. */
    record Reverted(List<Entry> entries) implements AdminResult {
        public Reverted {
            entries = List.copyOf(entries);
        }

        public record Entry(Outcome outcome, int exitCode) {
        }

        public int exitCode() {
            return entries.stream().mapToInt(Entry::exitCode).max().orElse(0);
        }
    }

    /** Nothing needed doing, e.g. "nothing to recover". */
    record Nothing(String line) implements AdminResult {
        public int exitCode() {
            return 0;
        }
    }

    /** Refused or blocked (host locked, cannot undo, too late): why, and further lines (the drift), exit 1. */
    record Refused(String message, List<String> details) implements AdminResult {
        public Refused {
            details = List.copyOf(details);
        }

        public Refused(String message) {
            this(message, List.of());
        }

        public int exitCode() {
            return 1;
        }
    }

    /** The transactions of 'history', oldest first. */
    record History(List<TxSummary> transactions) implements AdminResult {
        public History {
            transactions = List.copyOf(transactions);
        }

        public int exitCode() {
            return 0;
        }
    }

    /**
     * What recover did, after damaged journals it skipped (each named by the problem found);
     * the others still recover.
     */
    record Skipping(List<String> damaged, AdminResult result) implements AdminResult {
        public Skipping {
            damaged = List.copyOf(damaged);
        }

        public int exitCode() {
            return result.exitCode();
        }
    }
}
