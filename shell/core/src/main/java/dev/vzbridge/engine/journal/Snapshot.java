package dev.vzbridge.engine.journal;

import dev.vzbridge.api.host.HostState;

import java.util.Map;
import java.util.TreeMap;

/**
 * The touched objects at one moment: the node's network state (and the plan's
 * containers' views) plus the SHA-256 of every file the plan writes or deletes.
 *
 * @param files node path → hex SHA-256, or {@link #ABSENT}
 */
public record Snapshot(HostState state, Map<String, String> files) {
    public static final String ABSENT = "absent";

    public Snapshot {
        files = new TreeMap<>(files);
    }
}
