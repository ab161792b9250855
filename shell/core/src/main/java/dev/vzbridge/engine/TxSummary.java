package dev.vzbridge.engine;

/**
 * One transaction for 'history': its number there, id, when, who, from where, what, and how
 * it ended. Unknown fields are null; a damaged journal has only its id and "damaged".
 */
public record TxSummary(Integer number, String txid, String time, String user, String ssh, String command,
                        String result) {
    static TxSummary damaged(String txid) {
        return new TxSummary(null, txid, null, null, null, null, "damaged");
    }

    /** A journal that could not be read: no number, no header. */
    public boolean isDamaged() {
        return number == null;
    }
}
