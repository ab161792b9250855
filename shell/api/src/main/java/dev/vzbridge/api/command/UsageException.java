package dev.vzbridge.api.command;

/** Bad input: the shell prints the message on one line, exits 2 and runs nothing. */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
