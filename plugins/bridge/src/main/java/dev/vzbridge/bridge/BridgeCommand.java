package dev.vzbridge.bridge;

import picocli.CommandLine.Command;

/** The 'bridge' command group. */
@Command(name = "bridge", description = "Bridges on the node: create one over a NIC, delete it, list and show them.",
    subcommands = {BridgeCreate.class, BridgeDelete.class, BridgeList.class, BridgeShow.class})
public final class BridgeCommand {
}
