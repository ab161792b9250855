package dev.vzbridge.api.plan;

/** Put back a file from a backup copy made earlier (exact bytes, mode). */
public record RestoreFile(String path, String backupPath) implements Action {
    @Override
    public String render() {
        return "restore " + path + " from " + backupPath;
    }
}
