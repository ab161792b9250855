package dev.vzbridge.engine.journal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Transactions waiting for 'confirm', journals left unfinished, and journals that cannot be read. */
public final class Pending {
    private Pending() {
    }

    /** The journals under root read once: transactions, and why others could not be read. */
    public record Scan(List<TxLog> logs, List<String> damaged) {
        public static Scan of(Path root) {
            return of(root, false);
        }

        /**
         * @param openOnly skip journals whose last line is a closing state (committed, rolled back …):
         *                 they are neither unfinished nor awaiting confirm, and need not be read whole
         */
        public static Scan of(Path root, boolean openOnly) {
            List<TxLog> logs = new ArrayList<>();
            List<String> damaged = new ArrayList<>();
            for (Journal j : Journal.all(root)) {
                if (openOnly && j.endsClosed()) continue;
                try {
                    TxLog l = j.log();
                    if (l.header() != null) logs.add(l); // a crash before the header: not a transaction
                } catch (Journal.DamagedException e) {
                    damaged.add(e.getMessage());
                }
            }
            return new Scan(logs, damaged);
        }

        public List<TxLog> unfinished() {
            return logs.stream().filter(TxLog::isUnfinished).toList();
        }

        public List<TxLog> awaitingConfirm() {
            return logs.stream().filter(l -> l.state() == TxState.PENDING_CONFIRM).toList();
        }
    }

    public static List<TxLog> awaitingConfirm(Path root) {
        return Scan.of(root).awaitingConfirm();
    }

    static List<TxLog> unfinished(Path root) {
        return Scan.of(root).unfinished();
    }

    public static Optional<Long> deadline(TxLog log) {
        return log.stateRecord().map(JournalRecord.State::deadline);
    }

    /** Why a new transaction must wait, or null. */
    public static String describe(Path root) {
        // Asked before every transaction: reading every old journal whole made a long run of them quadratic.
        Scan scan = Scan.of(root, true);
        for (TxLog l : scan.awaitingConfirm()) {
            long left = Math.max(0, (deadline(l).orElse(0L) - System.currentTimeMillis() + 999) / 1000);
            return "transaction " + l.txid() + " awaits confirm (" + left + " s left): run 'confirm' or let it roll back first";
        }
        List<TxLog> open = scan.unfinished();
        if (!open.isEmpty()) {
            return "transaction " + open.get(0).txid() + " was left unfinished: run 'recover' first";
        }
        return null;
    }

    /**
     * One line for every invocation while a transaction is unfinished (or the journals
     * cannot be read), naming 'recover'; empty when all is well.
     */
    public static Optional<String> warning(Path root) {
        Scan scan;
        try {
            // Every invocation asks: a closed journal is read no further than its last line,
            // or a node's growing history would be parsed whole at each start.
            scan = Scan.of(root, true);
        } catch (RuntimeException e) {
            return Optional.of(e.getMessage());
        }
        List<String> open = scan.unfinished().stream().map(TxLog::txid).toList();
        String line = null;
        if (open.size() == 1) {
            line = "unfinished transaction " + open.get(0) + " (" + scan.unfinished().get(0).header().command()
                + "): run 'recover' to roll it back";
        } else if (open.size() > 1) {
            line = open.size() + " unfinished transactions (" + String.join(", ", open)
                + "): run 'recover' to roll them back";
        }
        if (!scan.damaged().isEmpty()) {
            String damaged = scan.damaged().size() == 1 ? scan.damaged().get(0)
                : scan.damaged().size() + " journals are damaged (" + scan.damaged().get(0) + ", …)";
            line = line == null ? damaged + "; 'recover' skips it" : line + "; " + damaged;
        }
        return Optional.ofNullable(line);
    }
}
