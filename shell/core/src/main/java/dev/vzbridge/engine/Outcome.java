package dev.vzbridge.engine;

import dev.vzbridge.engine.journal.TxState;

import java.util.List;

/**
 * How a transaction ended.
 *
 * @param exitCode 0 applied (committed or pending confirm), 1 failed and rolled back (verified),
 *                 3 rolled back but the host differs from its snapshot (or could not be checked)
 * @param txid     null when no transaction was started (nothing to do, lock not taken)
 * @param summary  one line for the admin
 * @param details  further lines: the failed step and the tool's stderr, undo problems, the drift
 */
public record Outcome(int exitCode, String txid, TxState state, String summary, List<String> details) {
    public Outcome {
        details = List.copyOf(details);
    }

    static Outcome failed(String summary) {
        return new Outcome(1, null, null, summary, List.of());
    }
}
