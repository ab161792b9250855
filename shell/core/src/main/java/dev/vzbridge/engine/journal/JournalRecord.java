package dev.vzbridge.engine.journal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.host.NodeAddress;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** One line of a transaction journal. Steps are addressed by change and step index (0-based). */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "rec")
@JsonSubTypes({
    @JsonSubTypes.Type(value = JournalRecord.Header.class, name = "header"),
    @JsonSubTypes.Type(value = JournalRecord.PlanRecord.class, name = "plan"),
    @JsonSubTypes.Type(value = JournalRecord.SnapshotRecord.class, name = "snapshot"),
    @JsonSubTypes.Type(value = JournalRecord.Begin.class, name = "begin"),
    @JsonSubTypes.Type(value = JournalRecord.Batch.class, name = "batch"),
    @JsonSubTypes.Type(value = JournalRecord.Done.class, name = "done"),
    @JsonSubTypes.Type(value = JournalRecord.NotRun.class, name = "not-run"),
    @JsonSubTypes.Type(value = JournalRecord.Failed.class, name = "failed"),
    @JsonSubTypes.Type(value = JournalRecord.Undo.class, name = "undo"),
    @JsonSubTypes.Type(value = JournalRecord.UndoFailed.class, name = "undo-failed"),
    @JsonSubTypes.Type(value = JournalRecord.UndoBatch.class, name = "undo-batch"),
    @JsonSubTypes.Type(value = JournalRecord.State.class, name = "state")
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface JournalRecord {
    /**
     * Who did what, and how to reach the node again from another process.
     *
     * @param prefix argv prefix that reaches the node, e.g. [ip, netns, exec, NS]; empty for the local node
     */
    record Header(String txid, String time, String user, String sshClient, String command, List<String> prefix,
                  String root, String netns, String runtime, String ctNetns, String tools, long pid)
        implements JournalRecord {
        /** The node this transaction worked on, as journalled (defaults for fields older journals lack; OpenVZ detected). */
        @JsonIgnore
        public NodeAddress address() {
            // Never reach this machine for a journal written through a prefix it does not name.
            if (netns == null && prefix != null && !prefix.isEmpty())
                throw new IllegalStateException("journal " + txid + " names runner prefix " + prefix + " but no namespace");
            return new NodeAddress(Path.of(root), netns, runtime, ctNetns == null ? NodeAddress.DEFAULT_CT_NETNS : ctNetns, tools,
                null);
        }
    }

    record PlanRecord(Plan plan) implements JournalRecord {
    }

    /** @param when "before" (taken before the first action) or "after" (after apply and verify) */
    record SnapshotRecord(String when, Snapshot snapshot) implements JournalRecord {
    }

    /** A step is about to run; backup is the saved copy of the file it writes or deletes, if any. */
    record Begin(int change, int step, String time, FileBackup backup) implements JournalRecord {
    }

    /**
     * These steps are about to run together, as one {@code ip -batch} process: each has begun.
     * Until their done, failed and not-run records follow, any of them may or may not have run.
     */
    record Batch(List<TxLog.StepRef> steps, String time) implements JournalRecord {
    }

    record Done(int change, int step) implements JournalRecord {
    }

    /** The step was in a batch that stopped at an earlier step's failure: it never ran. */
    record NotRun(int change, int step) implements JournalRecord {
    }

    /** The step's action failed; it is not undone (the tool left nothing behind). */
    record Failed(int change, int step, String problem) implements JournalRecord {
    }

    /** Undo action number {@code action} of the step ran. */
    record Undo(int change, int step, int action) implements JournalRecord {
    }

    record UndoFailed(int change, int step, int action, String problem) implements JournalRecord {
    }

    /**
     * These undo actions are about to run together, as one {@code ip -force -batch} process.
     * Until their undo and undo-failed records follow, any of them may or may not have run:
     * a rollback that takes over runs them again and does not count their failures.
     */
    record UndoBatch(List<TxLog.UndoRef> undos, String time) implements JournalRecord {
    }

    /**
     * @param state    one of {@link TxState}'s names
     * @param deadline epoch millis when a pending transaction is rolled back, else null
     */
    record State(String state, String time, String detail, Long deadline) implements JournalRecord {
        /** The transaction enters state {@code s} now. */
        public static State of(TxState s, String detail, Long deadline) {
            return new State(s.word(), Instant.now().toString(), detail, deadline);
        }
    }
}
