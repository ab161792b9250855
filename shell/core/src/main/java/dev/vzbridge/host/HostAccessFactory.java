package dev.vzbridge.host;

import dev.vzbridge.shell.GlobalOptions;

import java.io.PrintWriter;

/** Builds the HostAccess the global options ask for: the local node, --netns NAME, or --lab. */
public final class HostAccessFactory {
    private HostAccessFactory() {
    }

    /** @throws dev.vzbridge.api.command.UsageException for impossible combinations (exit 2) */
    public static HostAccess open(GlobalOptions options, PrintWriter err) {
        throw new UnsupportedOperationException("host access under construction");
    }
}
