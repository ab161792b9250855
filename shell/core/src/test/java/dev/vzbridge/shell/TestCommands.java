package dev.vzbridge.shell;

import dev.vzbridge.api.command.Candidates;
import dev.vzbridge.api.command.CommandContext;
import dev.vzbridge.api.command.CommandFailedException;
import dev.vzbridge.api.command.CommandProvider;
import dev.vzbridge.api.command.PlanningCommand;
import dev.vzbridge.api.command.QueryCommand;
import dev.vzbridge.api.command.Report;
import dev.vzbridge.api.command.UsageException;
import dev.vzbridge.api.plan.Exec;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.api.plan.Step;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Commands a plugin could contribute, for exercising the shell. */
public final class TestCommands implements CommandProvider {
    @Override
    public List<Class<?>> commands() {
        return List.of(Bridge.class, Hello.class, Fail.class, Crash.class, Touch.class);
    }

    @Command(name = "bridge", description = "Bridges.", subcommands = {Bridge.Add.class, Bridge.ListBridges.class})
    public static final class Bridge {
        @Command(name = "add", description = "Add a bridge over a NIC.")
        public static final class Add implements PlanningCommand {
            @Parameters(index = "0", paramLabel = "NAME")
            String name;

            @Option(names = "--nic", completionCandidates = Candidates.Nics.class, description = "Uplink NIC.")
            String nic;

            @Option(names = "--stp", description = "Enable STP.")
            boolean stp;

            @Override
            public Plan plan(CommandContext ctx) {
                if (ctx.host().link(name).isPresent()) return Plan.builder("bridge add " + name).note(name + " exists").build();
                return Plan.builder("bridge add " + name)
                    .change("add " + name, List.of(new Step(Exec.of("ip", "link", "add", name, "type", "bridge"),
                        Exec.of("ip", "link", "del", name), name)))
                    .build();
            }
        }

        @Command(name = "list", description = "List bridges.")
        public static final class ListBridges implements QueryCommand {
            @Override
            public Report run(CommandContext ctx) {
                List<String> names = ctx.host().bridges().stream().map(l -> l.name()).toList();
                return new Report(String.join("\n", names), Map.of("bridges", names));
            }
        }
    }

    @Command(name = "hello", description = "Greets.")
    public static final class Hello implements QueryCommand {
        @Parameters(arity = "0..*")
        List<String> words = new ArrayList<>();

        @Override
        public Report run(CommandContext ctx) {
            return Report.text("hello " + String.join(" ", words));
        }
    }

    @Command(name = "fail", description = "Always fails.")
    public static final class Fail implements QueryCommand {
        @Parameters(arity = "0..*")
        List<String> words = new ArrayList<>();

        @Override
        public Report run(CommandContext ctx) {
            if (words.contains("usage")) throw new UsageException("fail: bad input " + words);
            throw new CommandFailedException("failed: " + String.join(" ", words));
        }
    }

    @Command(name = "crash", description = "Throws an unexpected exception.")
    public static final class Crash implements QueryCommand {
        @Override
        public Report run(CommandContext ctx) {
            throw new IllegalStateException("internal bug");
        }
    }

    @Command(name = "touch", description = "Plans a file write through the host runner.")
    public static final class Touch implements PlanningCommand {
        @Parameters(index = "0")
        String name;

        @Override
        public Plan plan(CommandContext ctx) {
            return Plan.builder(ctx.commandLine())
                .change("make " + name, List.of(new Step(Exec.of("touch", name), Exec.of("rm", name))))
                .build();
        }
    }
}
