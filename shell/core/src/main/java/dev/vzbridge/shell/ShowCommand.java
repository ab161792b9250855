package dev.vzbridge.shell;

import dev.vzbridge.api.command.Report;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.host.HostStateJson;
import dev.vzbridge.host.HostStateText;
import dev.vzbridge.host.Platform;
import picocli.CommandLine.Command;

/** Shows the node as observed: links, bridges and port states, addresses, routes, containers. */
@Command(name = "show", description = "Show the node: links, bridges with ports and STP states, addresses, routes, containers.",
    subcommands = EngineCommands.PendingCommand.class)
public final class ShowCommand implements BuiltinCommand {
    @Override
    public int run(Session session) {
        var ctx = session.newContext();
        HostState h = ctx.host();
        Platform platform = session.host().runtime().platform();
        // The JSON tree only when asked: a cold ObjectMapper is the slowest part of a show.
        Object data = null;
        if (session.printer().json()) {
            var tree = (com.fasterxml.jackson.databind.node.ObjectNode) HostStateJson.tree(h);
            tree.putObject("platform").put("openvz", platform.openvz().word()).put("why", platform.why());
            data = tree;
        }
        session.report(new Report(platform.describe() + "\n" + HostStateText.render(h, ctx.live()), data));
        return 0;
    }
}
