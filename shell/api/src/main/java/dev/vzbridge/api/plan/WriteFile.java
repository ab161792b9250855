package dev.vzbridge.api.plan;

import java.util.Arrays;

/**
 * Replace a file's content atomically (temp file, fsync, rename).
 *
 * @param path    absolute path as seen on the node; the engine places it under --root
 * @param content the complete new bytes
 * @param mode    permission bits, e.g. 0644
 */
public record WriteFile(String path, byte[] content, int mode) implements Action {
    @Override
    public String render() {
        return String.format("write %s (%d bytes, mode %o)", path, content.length, mode);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WriteFile w && w.path.equals(path) && w.mode == mode && Arrays.equals(w.content, content);
    }

    @Override
    public int hashCode() {
        return path.hashCode() * 31 + Arrays.hashCode(content);
    }
}
