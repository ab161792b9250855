package dev.vzbridge.bridge;

import picocli.CommandLine.Command;

/** The 'ct' command group. */
@Command(name = "ct", description = "Container interfaces on bridges: attach, detach, list.",
    subcommands = {CtAttach.class, CtDetach.class, CtList.class})
public final class CtCommand {
}
