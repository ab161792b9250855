package dev.vzbridge.dualnic;

import dev.vzbridge.api.command.CommandFailedException;
import dev.vzbridge.api.command.FileView;

import java.util.Optional;

/** The setup record as found on the node, with its exact bytes and mode so that changing it can be undone. */
public record StoredRecord(SetupRecord record, byte[] bytes, int mode) {
    /** Empty when no setup is recorded; a damaged record fails the command (exit 1) rather than guess. */
    public static Optional<StoredRecord> read(FileView files) {
        Optional<byte[]> bytes = files.read(SetupRecord.PATH);
        if (bytes.isEmpty()) return Optional.empty();
        try {
            return Optional.of(new StoredRecord(SetupRecord.parse(bytes.get()), bytes.get(),
                files.mode(SetupRecord.PATH).orElse(SetupRecord.MODE)));
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException(SetupRecord.PATH + " is damaged (" + e.getMessage() + "); fix or remove it by hand");
        }
    }
}
