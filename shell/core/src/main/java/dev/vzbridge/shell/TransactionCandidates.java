package dev.vzbridge.shell;

import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/** TAB candidates for a TXID operand: the node's transactions, newest first (bound by the catalog). */
public final class TransactionCandidates implements Iterable<String> {
    private Supplier<List<String>> transactions = List::of;

    void bind(Supplier<List<String>> transactions) {
        this.transactions = transactions;
    }

    @Override
    public Iterator<String> iterator() {
        try {
            return transactions.get().iterator();
        } catch (RuntimeException e) {
            return List.<String>of().iterator(); // completion must never fail the line being typed
        }
    }
}
