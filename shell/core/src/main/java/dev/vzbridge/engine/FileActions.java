package dev.vzbridge.engine;

import dev.vzbridge.api.plan.Action;
import dev.vzbridge.engine.journal.FileBackup;

/**
 * Carries out the actions that run no program (write, delete or restore a file under
 * the node's root). The node may wrap them, as its runner may be decorated: a test
 * double that fails chosen actions wraps both.
 */
@FunctionalInterface
public interface FileActions {
    /** @param stepBackup the backup taken for the step this action belongs to; may be null */
    void run(Action action, FileBackup stepBackup) throws ActionFailedException;

    /** Wraps the node's plain file actions. */
    @FunctionalInterface
    interface Wrapper {
        /** File actions as they are. */
        Wrapper NONE = plain -> plain;

        FileActions wrap(FileActions plain);
    }
}
