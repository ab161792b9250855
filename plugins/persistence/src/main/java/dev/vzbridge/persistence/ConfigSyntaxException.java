package dev.vzbridge.persistence;

import dev.vzbridge.api.command.CommandFailedException;

/** A node file that does not parse; it is refused, never overwritten. */
public class ConfigSyntaxException extends CommandFailedException {
    public ConfigSyntaxException(String file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
    }
}
