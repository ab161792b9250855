package dev.vzbridge.engine.journal;

import java.util.List;

/**
 * What a file was before a step wrote or deleted it.
 *
 * @param path     the node path (as in the plan)
 * @param copy     absolute path of the saved copy, or null when the file did not exist
 * @param mode     permission bits of the original
 * @param uid      owner of the original
 * @param gid      group of the original
 * @param madeDirs node paths of the directories the write will create, outermost first
 *                 (removed again when the file is); null or empty when none
 */
public record FileBackup(String path, String copy, int mode, int uid, int gid, List<String> madeDirs) {
    public FileBackup(String path, String copy, int mode, int uid, int gid) {
        this(path, copy, mode, uid, gid, null);
    }

    public boolean existed() {
        return copy != null;
    }
}
