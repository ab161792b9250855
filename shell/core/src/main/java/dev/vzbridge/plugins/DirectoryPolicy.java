package dev.vzbridge.plugins;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;

/**
 * Code loaded from a plugins folder runs with the shell's rights (root), so only a
 * folder (and jar) nobody else can write to is trusted: owned by the running user,
 * not group- or world-writable.
 */
public final class DirectoryPolicy {
    private final int ownUid;
    private final String ownName;

    public DirectoryPolicy() {
        this(currentUid(), System.getProperty("user.name"));
    }

    DirectoryPolicy(int ownUid, String ownName) {
        this.ownUid = ownUid;
        this.ownName = ownName;
    }

    /** @return why {@code path} must not be trusted, or empty when it may be */
    public Optional<String> problem(Path path) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(path);
            if (perms.contains(PosixFilePermission.OTHERS_WRITE))
                return Optional.of(path + " is world-writable (chmod o-w " + path + ")");
            if (perms.contains(PosixFilePermission.GROUP_WRITE))
                return Optional.of(path + " is group-writable (chmod g-w " + path + ")");
            int uid = ownUid >= 0 ? (Integer) Files.getAttribute(path, "unix:uid") : -1;
            String owner = Files.getOwner(path).getName();
            boolean mine = ownUid >= 0 ? uid == ownUid : owner.equals(ownName);
            if (!mine) return Optional.of(path + " is owned by " + owner + ", not by " + ownName);
            return Optional.empty();
        } catch (UnsupportedOperationException e) {
            return Optional.of(path + ": cannot check its owner and permissions on this file system");
        } catch (IOException e) {
            return Optional.of(path + ": cannot check its owner and permissions: " + e.getMessage());
        }
    }

    private static int currentUid() {
        try {
            // /proc/self is owned by the process's effective user.
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
