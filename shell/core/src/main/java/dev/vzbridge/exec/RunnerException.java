package dev.vzbridge.exec;

/** A program could not be started at all (not found, not executable). */
public class RunnerException extends RuntimeException {
    public RunnerException(String message, Throwable cause) {
        super(message, cause);
    }
}
