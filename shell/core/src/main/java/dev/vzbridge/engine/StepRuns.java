package dev.vzbridge.engine;

import dev.vzbridge.api.plan.Change;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.engine.journal.TxLog;

import java.util.ArrayList;
import java.util.List;

/**
 * A plan's steps in order, cut into runs that start one process each: consecutive
 * ip steps for the same namespace go together (one ip -batch), every other step
 * alone. The order of the steps never changes.
 */
final class StepRuns {
    /** Longest batch: ip reads at most this many lines before the journal hears of them again. */
    static final int MAX_LINES = 512;

    private StepRuns() {
    }

    /** iproute2 nodes batch; the legacy flavour runs one process per step, and -Dvzbridge.ipBatch=false turns it off. */
    static boolean enabled(String tools) {
        return !"legacy".equals(tools) && Boolean.parseBoolean(System.getProperty("vzbridge.ipBatch", "true"));
    }

    static List<List<TxLog.StepRef>> of(Plan plan, boolean batch) {
        List<List<TxLog.StepRef>> runs = new ArrayList<>();
        List<TxLog.StepRef> run = new ArrayList<>();
        IpBatch.Line runLine = null;
        for (int ci = 0; ci < plan.changes().size(); ci++) {
            Change c = plan.changes().get(ci);
            for (int si = 0; si < c.steps().size(); si++) {
                TxLog.StepRef ref = new TxLog.StepRef(ci, si);
                IpBatch.Line line = batch ? IpBatch.Line.of(c.steps().get(si).apply()) : null;
                boolean joins = line != null && runLine != null && runLine.sameNamespace(line) && !runLine.endsBatch()
                    && run.size() < MAX_LINES;
                if (!joins && !run.isEmpty()) {
                    runs.add(run);
                    run = new ArrayList<>();
                }
                run.add(ref);
                runLine = line;
            }
        }
        if (!run.isEmpty()) runs.add(run);
        return runs;
    }
}
