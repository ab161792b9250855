package com.example.hello;

import dev.vzbridge.api.command.Candidates;
import dev.vzbridge.api.command.CommandContext;
import dev.vzbridge.api.command.PlanningCommand;
import dev.vzbridge.api.command.UsageException;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.net.Cidr;
import dev.vzbridge.api.plan.Change;
import dev.vzbridge.api.plan.Plan;
import dev.vzbridge.api.recipes.Recipe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;

/**
 * {@code hello addr DEV CIDR}: puts an address on an interface. It only plans; the
 * shell shows the plan, applies it, checks the address is there and rolls back on
 * failure. Running it twice is harmless: the second plan is empty.
 */
@Command(name = "addr", description = "Add an address to an interface (an example of a planning command).")
public class HelloAddr implements PlanningCommand {
    // TAB offers the node's interfaces, read from the host on every press.
    @Parameters(index = "0", paramLabel = "DEV", description = "Interface, e.g. eth0.",
        completionCandidates = Candidates.Links.class)
    String dev;

    @Parameters(index = "1", paramLabel = "CIDR", description = "Address with prefix, e.g. 10.0.0.9/24.")
    String cidr;

    @Override
    public Plan plan(CommandContext ctx) {
        HostState host = ctx.host();
        if (host.link(dev).isEmpty()) throw new UsageException("no interface " + dev + " on this node");
        Cidr address;
        try {
            address = Cidr.parse(cidr);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (address.hostProblem() != null) throw new UsageException(address.hostProblem());

        boolean present = host.addressesOf(dev).stream().anyMatch(a -> a.parsed().equals(address));
        // The intent carries its own undo (delete the address again) and its effect (address added):
        // from the effect come the check "the address is on DEV" and the state later commands of a
        // batch (or --dry-run) plan against. No change at all plans "nothing to do".
        List<Change> changes = present ? List.of()
            : List.of(Change.of("add " + address + " to " + dev, ctx.tools().addAddress(dev, address)));
        return Recipe.of(host, changes, List.of(), List.of()).toPlan(ctx, ctx.commandLine());
    }
}
