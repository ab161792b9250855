package dev.vzbridge.api.persist;

import java.util.List;

/**
 * A plugin's share of the node's boot configuration. {@code save} (with
 * {@code --diff} and {@code --check}) asks every contributor for the blocks it
 * owns and writes them with its own files: byte for byte around the block,
 * atomically, journalled and rolled back with the rest.
 * A plugin returns its contributors from {@code CommandProvider.bootConfigs()}.
 */
public interface BootConfig {
    /**
     * Names this contributor's blocks in the files (usually the plugin id):
     * lower-case letters, digits and '-'.
     */
    String owner();

    /**
     * The blocks this contributor owns, as they should read for the running
     * state. A block with no lines removes an earlier one; a file it never
     * wrote and has nothing for needs no block at all.
     */
    List<OwnedBlock> blocks(BootFiles node);
}
