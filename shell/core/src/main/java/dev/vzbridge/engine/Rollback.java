package dev.vzbridge.engine;

import dev.vzbridge.api.plan.Action;
import dev.vzbridge.api.plan.Step;
import dev.vzbridge.engine.journal.Journal;
import dev.vzbridge.engine.journal.JournalRecord;
import dev.vzbridge.engine.journal.TxLog;

import java.util.ArrayList;
import java.util.List;

/**
 * Undoes what a journal says ran: every step that began, newest first, each
 * step's undo actions in order. Already recorded undo actions are skipped, so
 * running it again (recover after a crash during rollback) is harmless. A step
 * whose action failed left nothing behind and is skipped; a step that began but
 * never finished (crash, also mid-batch) is undone on a best-effort basis; a batched step
 * that never ran (an earlier line of its batch failed) is skipped. Undo failures do not
 * stop the rollback: the comparison with the snapshot afterwards decides.
 */
final class Rollback {
    private Rollback() {
    }

    /** @return one line per undo action that failed */
    static List<String> run(Journal journal, ActionExecutor exec) {
        TxLog log = journal.log();
        List<String> problems = new ArrayList<>();
        List<TxLog.StepRef> begun = new ArrayList<>(log.begun());
        for (int i = begun.size() - 1; i >= 0; i--) {
            TxLog.StepRef ref = begun.get(i);
            if (log.isFailed(ref) || log.isNotRun(ref)) continue;
            Step step = log.plan().changes().get(ref.change()).steps().get(ref.step());
            boolean uncertain = !log.isDone(ref);
            List<Action> undo = step.undo();
            for (int a = 0; a < undo.size(); a++) {
                if (log.isUndone(ref, a)) continue;
                try {
                    exec.run(undo.get(a), log.backup(ref));
                    journal.append(new JournalRecord.Undo(ref.change(), ref.step(), a));
                } catch (ActionFailedException e) {
                    journal.append(new JournalRecord.UndoFailed(ref.change(), ref.step(), a, e.getMessage()));
                    if (!uncertain) problems.add("undo failed: " + undo.get(a).render() + ": " + e.getMessage());
                }
            }
        }
        return problems;
    }
}
