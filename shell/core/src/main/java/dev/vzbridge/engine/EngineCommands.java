package dev.vzbridge.engine;

import dev.vzbridge.api.command.CommandFailedException;
import dev.vzbridge.api.command.CommandProvider;
import dev.vzbridge.api.command.Report;
import dev.vzbridge.api.command.UsageException;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.shell.BuiltinCommand;
import dev.vzbridge.shell.Session;
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
            UndoCommand.class, BeginCommand.class, CommitCommand.class, AbortCommand.class, PendingCommand.class);
    }

    static Engine engine(Session session) {
        if (session.engine() instanceof Engine e) return e;
        throw new CommandFailedException("this shell has no transaction engine", null);
    }

    @Command(name = "plan", description = {"Print what a command would do, each change with its apply and revert lines; run nothing.",
        "With --script, print a standalone bash script (set -e) doing the apply path."})
    public static final class PlanCommand implements BuiltinCommand {
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

        @Override
        public int run(Session session) {
            if (command == null) throw new UsageException("plan what? e.g. 'plan bridge create br0 --nic eth0'");
            List<String> words = words();
            Plan plan = session.planOf(words);
            Engine e = engine(session);
            if (script) {
                String text = PlanPrinter.script(plan, e.node().prefix(), e.node()::underRoot);
                session.report(new Report(text, Map.of("script", text)));
            } else {
                e.show(plan);
            }
            return 0;
        }
    }

    @Command(name = "confirm", description = "Keep a change applied with a confirm deadline (from any shell or script).")
    public static final class ConfirmCommand implements BuiltinCommand {
        @Parameters(arity = "0..1", paramLabel = "TXID", description = "The transaction (default: the one awaiting confirm).")
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

    @Command(name = "undo", description = "Revert a committed transaction, if what it touched is still as it left it.")
    public static final class UndoCommand implements BuiltinCommand {
        @Parameters(arity = "0..1", paramLabel = "TXID", description = "The transaction (default: the newest committed).")
        String txid;

        @Override
        public int run(Session session) {
            return engine(session).admin().undo(txid);
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
            Engine e = engine(session);
            if (!e.inTransaction()) {
                session.report(new Report("no open transaction", Map.of("transaction", "none")));
                return 0;
            }
            e.pendingPlan().ifPresentOrElse(e::show, () ->
                session.report(new Report("transaction open, nothing planned yet", Map.of("transaction", "open"))));
            return 0;
        }
    }
}
