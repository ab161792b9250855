package dev.vzbridge.shell;

import dev.vzbridge.api.command.CommandFailedException;
import dev.vzbridge.api.command.CommandProvider;
import dev.vzbridge.api.command.Report;
import dev.vzbridge.api.command.UsageException;
import dev.vzbridge.api.command.Table;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.engine.Reachability;
import dev.vzbridge.engine.TxAdmin.UndoPreview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Built-in commands of the engine: plan, confirm, recover, history, undo, begin/commit/abort, pending. */
public final class EngineCommands implements CommandProvider {
    @Override
    public List<Class<?>> commands() {
        return List.of(PlanCommand.class, ConfirmCommand.class, RecoverCommand.class, HistoryCommand.class,
            UndoCommand.class, BeginCommand.class, CommitCommand.class, AbortCommand.class, PendingCommand.class,
            CheckCommand.class);
    }

    static RenderedEngine engine(Session session) {
        if (session.engine() instanceof RenderedEngine e) return e;
        throw new CommandFailedException("this shell has no transaction engine", null);
    }

    /** Not run itself: the dispatcher plans the words in plan mode (see Dispatcher). */
    @Command(name = "plan", description = {"Print what a command would do, each change with its apply and revert lines; run nothing.",
        "With --script, print a standalone bash script (set -e) doing the apply path."})
    public static final class PlanCommand {
        @Option(names = "--script", description = "Print a bash script instead of the plan.")
        boolean script;

        @Parameters(index = "0", arity = "0..1", paramLabel = "COMMAND ARGS...",
            description = "The planning command to preview, with its arguments, e.g. bridge create br0 --nic eth0.")
        String command;

        /** The command's own arguments and options, in the order typed. */
        @Unmatched
        List<String> rest = new ArrayList<>();

        /** The command to plan, as typed. */
        List<String> words() {
            List<String> words = new ArrayList<>();
            if (command != null) words.add(command);
            words.addAll(rest);
            return words;
        }
    }

    @Command(name = "check", description = {
        "Try the paths the node relies on, now: the node to its gateway, each container to its gateway, and node and "
            + "container both ways where host routes join them.",
        "Each path gets a verdict and, when it fails, the likely cause. Exit 1 when a path fails."})
    public static final class CheckCommand implements BuiltinCommand {
        @Override
        public int run(Session session) {
            RenderedEngine e = engine(session);
            HostState host = session.newContext().host();
            List<Reachability.Path> paths = new Reachability(e.node()).check(host);
            long failed = paths.stream().filter(p -> !p.ok()).count();
            String text;
            if (paths.isEmpty()) {
                text = "nothing to check: no default route, no container with a gateway, no host routes\n";
            } else {
                Table t = Table.of("FROM", "TO", "RESULT");
                for (Reachability.Path p : paths) t.row(p.from(), p.to(), p.ok() ? "ok" : "FAILED: " + p.cause());
                text = t.render() + (failed == 0 ? "all " + paths.size() + " paths work\n"
                    : failed + " of " + paths.size() + " paths fail\n");
            }
            Map<String, Object> data = new java.util.LinkedHashMap<>();
            data.put("paths", paths);
            data.put("failed", failed);
            session.report(new Report(text, data, failed == 0 ? 0 : 1));
            return failed == 0 ? 0 : 1;
        }
    }

    @Command(name = "confirm", description = "Keep a change applied with a confirm deadline (from any shell or script).")
    public static final class ConfirmCommand implements BuiltinCommand {
        @Parameters(arity = "0..1", paramLabel = "TXID", completionCandidates = TransactionCandidates.class,
            description = "The transaction: number in 'history', ID or unique prefix (default: the one awaiting confirm).")
        String txid;

        @Override
        public int run(Session session) {
            return engine(session).admin().confirm(txid);
        }
    }

    @Command(name = "recover", description = "Roll back transactions left unfinished by a crash, kill or power loss.")
    public static final class RecoverCommand implements BuiltinCommand {
        @Override
        public int run(Session session) {
            return engine(session).admin().recover();
        }
    }

    @Command(name = "history", description = "List transactions: id, time, user, SSH client, result, command.")
    public static final class HistoryCommand implements BuiltinCommand {
        @Override
        public int run(Session session) {
            return engine(session).admin().history();
        }
    }

    @Command(name = "undo", description = {"Revert a committed transaction, if what it touched is still as it left it.",
        "Shows what it will run and asks first, unless --yes."})
    public static final class UndoCommand implements BuiltinCommand {
        @Parameters(arity = "0..1", paramLabel = "TXID", completionCandidates = TransactionCandidates.class,
            description = "The transaction: its number in 'history', its ID or a unique prefix of it (default: the newest committed).")
        String txid;

        @Option(names = {"-y", "--yes"}, description = "Do not ask.")
        boolean yes;

        @Override
        public int run(Session session) {
            RenderedEngine.Admin admin = engine(session).admin();
            if (yes) return admin.undo(txid);
            UndoPreview preview = admin.undoPreview(txid);
            StringBuilder text = new StringBuilder("undo " + preview.txid() + " (" + preview.command() + ") runs:\n");
            preview.actions().forEach(a -> text.append("  ").append(a).append('\n'));
            if (!session.options().json) {
                session.out().print(text);
                session.out().flush();
            }
            java.util.Optional<Boolean> answer = session.ask("undo " + preview.txid() + "?");
            if (answer.isEmpty())
                throw new UsageException("undo " + preview.txid() + " asks first: add --yes to run it (nothing was run)");
            if (!answer.get()) {
                session.report(new Report("nothing undone", Map.of("undone", false, "txid", preview.txid())));
                return 0;
            }
            return admin.undo(preview.txid());
        }
    }

    @Command(name = "begin", description = "Group the following commands into one transaction, applied by 'commit'.")
    public static final class BeginCommand implements BuiltinCommand {
        @Parameters(arity = "0..*", paramLabel = "LABEL", description = "A name for the transaction.")
        List<String> label = new ArrayList<>();

        @Override
        public int run(Session session) {
            session.engine().begin(String.join(" ", label));
            session.report(new Report("transaction open: commands are planned now and applied by 'commit' ('abort' drops them)",
                Map.of("transaction", "open")));
            return 0;
        }
    }

    @Command(name = "commit", description = "Apply everything planned since 'begin' as one transaction.")
    public static final class CommitCommand implements BuiltinCommand {
        @Override
        public int run(Session session) {
            if (session.engine().inTransaction()) session.settleProbes();
            return session.engine().commit();
        }
    }

    @Command(name = "abort", description = "Drop everything planned since 'begin'; nothing was run.")
    public static final class AbortCommand implements BuiltinCommand {
        @Override
        public int run(Session session) {
            if (!session.engine().inTransaction()) throw new UsageException("no open transaction");
            session.forgetTransaction();
            session.engine().abort();
            session.report(new Report("transaction dropped; the host was not touched", Map.of("transaction", "dropped")));
            return 0;
        }
    }

    @Command(name = "pending", description = "Print the plan gathered since 'begin' (also: show pending).")
    public static final class PendingCommand implements BuiltinCommand {
        @Override
        public int run(Session session) {
            RenderedEngine e = engine(session);
            if (!e.inTransaction()) {
                session.report(new Report("no open transaction", Map.of("transaction", "none")));
                return 0;
            }
            e.engine().pendingPlan().ifPresentOrElse(session.printer()::plan, () ->
                session.report(new Report("transaction open, nothing planned yet", Map.of("transaction", "open"))));
            return 0;
        }
    }
}
