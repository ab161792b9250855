package dev.vzbridge.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Transactions waiting for 'confirm', and journals left unfinished. */
final class Pending {
    private Pending() {
    }

    static List<TxLog> awaitingConfirm(Path root) {
        return Journal.all(root).stream().map(Journal::log).filter(l -> l.state() == TxState.PENDING_CONFIRM).toList();
    }

    static List<TxLog> unfinished(Path root) {
        return Journal.all(root).stream().map(Journal::log).filter(TxLog::isUnfinished).toList();
    }

    static Optional<Long> deadline(TxLog log) {
        return log.stateRecord().map(JournalRecord.State::deadline);
    }

    /** Why a new transaction must wait, or null. */
    static String describe(Path root) {
        for (TxLog l : awaitingConfirm(root)) {
            long left = Math.max(0, (deadline(l).orElse(0L) - System.currentTimeMillis() + 999) / 1000);
            return "transaction " + l.txid() + " awaits confirm (" + left + " s left): run 'confirm' or let it roll back first";
        }
        List<TxLog> open = unfinished(root);
        if (!open.isEmpty()) {
            return "transaction " + open.get(0).txid() + " was left unfinished: run 'recover' first";
        }
        return null;
    }
}
