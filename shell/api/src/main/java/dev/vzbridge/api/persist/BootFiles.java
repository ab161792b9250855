package dev.vzbridge.api.persist;

import dev.vzbridge.api.host.HostState;

import java.util.Optional;

/** What a {@link BootConfig} plans its blocks against. */
public interface BootFiles {
    /** How the node configures its network at boot. */
    enum Format { RHEL, DEBIAN }

    Format format();

    /** The running state being saved. */
    HostState host();

    /**
     * The file as save is about to write it (its own edits included), or its
     * current text; empty when it neither exists nor is being created.
     */
    Optional<String> read(String path);
}
