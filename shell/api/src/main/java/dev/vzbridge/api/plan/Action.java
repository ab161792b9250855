package dev.vzbridge.api.plan;

/**
 * One thing done to the host. Actions are data, not code, so a plan can be
 * printed before it runs, written to the journal and replayed by another process.
 */
public sealed interface Action permits Exec, WriteFile, RestoreFile, DeleteFile {
    /** The action as an admin would type it. */
    String render();
}
