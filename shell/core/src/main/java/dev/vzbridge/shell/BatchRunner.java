package dev.vzbridge.shell;

import dev.vzbridge.api.command.CommandFailedException;
import dev.vzbridge.api.command.UsageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Runs a batch: line after line, stopping at the first failure with
 * {@code FILE:LINE: message}. When the batch changes the host it is one transaction
 * (begin … commit, abort on error), unless --per-command or --dry-run.
 */
public final class BatchRunner {
    private static final Logger LOG = LoggerFactory.getLogger(BatchRunner.class);

    private final Session session;
    private final Dispatcher dispatcher;

    public BatchRunner(Session session, Dispatcher dispatcher) {
        this.session = session;
        this.dispatcher = dispatcher;
    }

    /**
     * @param name shown in messages: the file as given, or {@code <stdin>}
     * @return the exit code of the failing command, or of the commit, or 0
     */
    public int run(String name, String content) {
        List<BatchScript.Line> lines = BatchScript.parse(content);
        boolean transaction = !session.options().perCommand && !session.options().dryRun
            && lines.stream().anyMatch(l -> l.words() != null && dispatcher.isPlanning(l.words()));
        PlanExecutor engine = session.engine();
        session.forgetTransaction();
        if (transaction) {
            try {
                engine.beginQuietly(name);
            } catch (RuntimeException e) {
                LOG.error("cannot begin transaction for {}", name, e);
                session.error(name + ": cannot start the batch's transaction: " + describe(e), 1);
                return 1;
            }
        }
        session.deferProbes(session.options().dryRun);
        // --per-command: each command's transaction reads again the containers it touches; the others once.
        boolean perCommand = session.options().perCommand && !session.options().dryRun;
        if (perCommand) session.host().keepContainerViews(true);
        try {
            return runLines(name, lines, transaction);
        } finally {
            session.deferProbes(false);
            if (perCommand) session.host().keepContainerViews(false);
        }
    }

    private int runLines(String name, List<BatchScript.Line> lines, boolean transaction) {
        PlanExecutor engine = session.engine();
        for (BatchScript.Line line : lines) {
            String where = name + ":" + line.number();
            int code;
            if (line.error() != null) {
                session.error(where + ": " + line.error().getMessage(), 2);
                code = 2;
            } else if (line.isSet() || line.words().isEmpty()) {
                continue;
            } else {
                code = dispatcher.execute(line.words(), where);
            }
            if (code != 0) {
                session.forgetTransaction();
                if (transaction) {
                    abort(engine);
                    // a usage error stops the batch before its transaction ran: say so
                    if (code == 2) session.err().println("vzbridge: " + name + ": nothing was applied (the batch is one transaction)");
                    session.err().flush();
                }
                return code;
            }
            if (session.exitRequested()) break;
        }
        // The duplicate-address probes of all lines ran side by side; now they answer.
        int refused = settleProbes();
        if (refused != 0) {
            if (transaction) abort(engine);
            return refused;
        }
        if (!transaction) return 0;
        try {
            return engine.commit();
        } catch (RuntimeException e) {
            LOG.error("commit of {} failed", name, e);
            session.error(name + ": commit failed: " + describe(e), 1);
            abort(engine);
            return 1;
        }
    }

    private int settleProbes() {
        try {
            session.settleProbes();
            return 0;
        } catch (UsageException e) {
            session.error(e.getMessage(), 2);
            return 2;
        } catch (CommandFailedException e) {
            session.error(e.getMessage(), 1);
            return 1;
        }
    }

    private void abort(PlanExecutor engine) {
        session.forgetTransaction();
        try {
            engine.abort();
        } catch (RuntimeException e) {
            LOG.error("abort failed", e);
            session.error("abort failed: " + describe(e), 1);
        }
    }

    private static String describe(Throwable e) {
        return dev.vzbridge.api.command.ErrorText.of(e);
    }
}
