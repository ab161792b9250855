package dev.vzbridge.api.command;

import java.util.Optional;

/**
 * Read access to the node's files, under {@code --root}. Writes are never done
 * here: a planner returns WriteFile actions and the engine writes them.
 */
public interface FileView {
    /** The file's bytes, or empty when it does not exist. */
    Optional<byte[]> read(String path);

    /** Permission bits, or empty when the file does not exist. */
    Optional<Integer> mode(String path);

    boolean exists(String path);

    /**
     * Where a node file really is, for messages: the path itself on a real node,
     * the file under {@code --root} otherwise (a lab's files live in a temporary
     * directory, and 'write /etc/…' would name a file the lab never touches).
     */
    default String shown(String path) {
        return path;
    }
}
