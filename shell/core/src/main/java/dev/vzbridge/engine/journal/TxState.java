package dev.vzbridge.engine.journal;

/** Where a transaction stands, as written in its journal. */
public enum TxState {
    APPLYING("applying"),
    ROLLING_BACK("rolling-back"),
    PENDING_CONFIRM("pending-confirm"),
    COMMITTED("committed"),
    ROLLED_BACK("rolled-back"),
    /** Rolled back, but the host differs from the snapshot taken before. */
    DRIFT("drift"),
    /** A committed transaction reverted later by 'undo'. */
    UNDONE("undone");

    private final String word;

    TxState(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    /** Nothing more will happen to it. */
    public boolean isFinal() {
        return this == COMMITTED || this == ROLLED_BACK || this == DRIFT || this == UNDONE;
    }

    public static TxState of(String word) {
        for (TxState s : values()) if (s.word.equals(word)) return s;
        throw new IllegalArgumentException("unknown transaction state " + word);
    }
}
