package dev.vzbridge.dualnic;

import picocli.CommandLine.Command;

/** {@code dualnic}: the node's own traffic on one NIC, the containers' on a bridge over the other. */
@Command(name = "dualnic",
    description = {"Dual-NIC separation: containers get public addresses on a bridge over",
        "the external NIC; the node's own address and default route live on the",
        "local NIC."},
    subcommands = {SetupCommand.class, TeardownCommand.class, ShowCommand.class})
public class DualNicCommand {
}
