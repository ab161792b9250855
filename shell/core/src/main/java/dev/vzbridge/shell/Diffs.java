package dev.vzbridge.shell;

import dev.vzbridge.api.command.FileView;

/** Unified diffs between a node file and proposed content. */
public final class Diffs {
    private Diffs() {
    }

    public static String unified(FileView files, String path, byte[] proposed) {
        throw new UnsupportedOperationException("diff rendering lands with the persistence work");
    }
}
