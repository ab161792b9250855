package dev.vzbridge.host;

import dev.vzbridge.api.command.Report;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.shell.BuiltinCommand;
import dev.vzbridge.shell.Session;
import picocli.CommandLine.Command;

/** Shows the node as observed: links, bridges and port states, addresses, routes, containers. */
@Command(name = "show", description = "Show the node: links, bridges with ports and STP states, addresses, routes, containers.",
    subcommands = dev.vzbridge.engine.EngineCommands.PendingCommand.class)
public final class ShowCommand implements BuiltinCommand {
    @Override
    public int run(Session session) {
        HostState h = session.newContext().host();
        // The JSON tree only when asked: a cold ObjectMapper is the slowest part of a show.
        Object data = session.options().json ? HostStateJson.tree(h) : null;
        session.report(new Report(HostStateText.render(h), data));
        return 0;
    }
}
