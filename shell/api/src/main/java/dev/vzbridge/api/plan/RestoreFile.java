package dev.vzbridge.api.plan;

/**
 * Put back a file from a backup copy (exact bytes, mode, owner).
 *
 * @param backupPath a backup file on the node, or null for "the copy the engine
 *                   saved before this step's WriteFile/DeleteFile ran" (a file that
 *                   did not exist then is removed again)
 */
public record RestoreFile(String path, String backupPath) implements Action {
    /** Undo of a WriteFile/DeleteFile step: restores what the file was before the step. */
    public static RestoreFile previous(String path) {
        return new RestoreFile(path, null);
    }

    @Override
    public String render() {
        if (backupPath == null) return "restore " + path + " as it was before";
        return "restore " + path + " from " + backupPath;
    }
}
