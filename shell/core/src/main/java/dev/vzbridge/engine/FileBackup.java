package dev.vzbridge.engine;

/**
 * What a file was before a step wrote or deleted it.
 *
 * @param path   the node path (as in the plan)
 * @param copy   absolute path of the saved copy, or null when the file did not exist
 * @param mode   permission bits of the original
 * @param uid    owner of the original
 * @param gid    group of the original
 */
public record FileBackup(String path, String copy, int mode, int uid, int gid) {
    public boolean existed() {
        return copy != null;
    }
}
