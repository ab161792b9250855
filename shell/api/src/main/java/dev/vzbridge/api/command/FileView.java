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
}
