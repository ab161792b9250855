package dev.vzbridge.engine;

import dev.vzbridge.api.plan.Action;
import dev.vzbridge.api.plan.Step;
import dev.vzbridge.engine.journal.Journal;
import dev.vzbridge.engine.journal.JournalRecord;
import dev.vzbridge.engine.journal.TxLog;
import dev.vzbridge.exec.RunnerException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Undoes what a journal says ran: every step that began, newest first, each
 * step's undo actions in order. Already recorded undo actions are skipped, so
 * running it again (recover after a crash during rollback) is harmless. A step
 * whose action failed left nothing behind and is skipped; a step that began but
 * never finished (crash, also mid-batch) is undone on a best-effort basis; a batched step
 * that never ran (an earlier line of its batch failed) is skipped. Undo failures do not
 * stop the rollback: the comparison with the snapshot afterwards decides.
 *
 * <p>Consecutive undos that are ip lines for one namespace run as one {@code ip -force -batch}
 * (cut as the apply's batches are): the journal names them before ip starts, then records
 * each one's undo or undo-failed from ip's verdict. A crash in between leaves them uncertain.
 */
final class Rollback {
    private Rollback() {
    }

    /** One undo action still to run; {@code uncertain}: its failure is expected and not reported. */
    private record Pending(TxLog.UndoRef ref, Action undo, boolean uncertain) {
    }

    /**
     * @param batch whether ip undos may share one process (not on the legacy flavour)
     * @return one line per undo action that failed
     */
    static List<String> run(Journal journal, ActionExecutor exec, boolean batch) {
        TxLog log = journal.log();
        List<String> problems = new ArrayList<>();
        for (List<Pending> run : runs(pending(log), batch)) {
            if (run.size() == 1) runAlone(run.get(0), false, journal, exec, log, problems);
            else runBatch(run, journal, exec, log, problems);
        }
        return problems;
    }

    /** The undo actions to run, in rollback order. */
    private static List<Pending> pending(TxLog log) {
        List<Pending> out = new ArrayList<>();
        List<TxLog.StepRef> begun = log.begun();
        for (int i = begun.size() - 1; i >= 0; i--) {
            TxLog.StepRef ref = begun.get(i);
            if (log.isFailed(ref) || log.isNotRun(ref)) continue;
            Step step = log.plan().changes().get(ref.change()).steps().get(ref.step());
            List<Action> undo = step.undo();
            for (int a = 0; a < undo.size(); a++) {
                if (log.isUndone(ref, a)) continue;
                boolean uncertain = !log.isDone(ref) || log.isUndoUncertain(ref, a);
                out.add(new Pending(new TxLog.UndoRef(ref.change(), ref.step(), a), undo.get(a), uncertain));
            }
        }
        return out;
    }

    /** Consecutive ip undos of one namespace go together, as StepRuns cuts the apply; the order never changes. */
    private static List<List<Pending>> runs(List<Pending> todo, boolean batch) {
        List<List<Pending>> runs = new ArrayList<>();
        List<Pending> run = new ArrayList<>();
        IpBatch.Line runLine = null;
        for (Pending p : todo) {
            IpBatch.Line line = batch ? IpBatch.Line.of(p.undo()) : null;
            boolean joins = line != null && runLine != null && runLine.sameNamespace(line) && !runLine.endsBatch()
                && run.size() < StepRuns.MAX_LINES;
            if (!joins && !run.isEmpty()) {
                runs.add(run);
                run = new ArrayList<>();
            }
            run.add(p);
            runLine = line;
        }
        if (!run.isEmpty()) runs.add(run);
        return runs;
    }

    /** @param uncertain also when the undo may have run already (a batch that did not account for it) */
    private static void runAlone(Pending p, boolean uncertain, Journal journal, ActionExecutor exec, TxLog log,
                                 List<String> problems) {
        TxLog.UndoRef u = p.ref();
        try {
            exec.run(p.undo(), log.backup(u.stepRef()));
            journal.append(new JournalRecord.Undo(u.change(), u.step(), u.action()));
        } catch (ActionFailedException e) {
            journal.append(new JournalRecord.UndoFailed(u.change(), u.step(), u.action(), e.getMessage()));
            if (!p.uncertain() && !uncertain) problems.add("undo failed: " + p.undo().render() + ": " + e.getMessage());
        }
    }

    private static void runBatch(List<Pending> run, Journal journal, ActionExecutor exec, TxLog log, List<String> problems) {
        List<IpBatch.Line> lines = run.stream().map(p -> IpBatch.Line.of(p.undo())).toList();
        journal.append(new JournalRecord.UndoBatch(run.stream().map(Pending::ref).toList(), Instant.now().toString()));
        Map<Integer, String> failed;
        boolean started = true;
        try {
            failed = IpBatch.failedLines(exec.runBatch(IpBatch.forcedArgv(lines.get(0).netns()), IpBatch.stdin(lines),
                lines.size()), lines.size());
        } catch (RunnerException e) {
            failed = null; // ip did not start: nothing ran
            started = false;
        } catch (RuntimeException e) {
            failed = null;
        }
        if (failed == null) {
            // ip did not account for every line: each runs again on its own, its failure expected if ip got to it.
            for (Pending p : run) runAlone(p, started, journal, exec, log, problems);
            return;
        }
        List<JournalRecord> verdict = new ArrayList<>();
        for (int i = 0; i < run.size(); i++) {
            TxLog.UndoRef u = run.get(i).ref();
            String problem = failed.get(i);
            verdict.add(problem == null ? new JournalRecord.Undo(u.change(), u.step(), u.action())
                : new JournalRecord.UndoFailed(u.change(), u.step(), u.action(), problem));
            if (problem != null && !run.get(i).uncertain())
                problems.add("undo failed: " + run.get(i).undo().render() + ": " + problem);
        }
        journal.appendAll(verdict);
    }
}
