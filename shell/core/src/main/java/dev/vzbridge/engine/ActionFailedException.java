package dev.vzbridge.engine;

/** An action did not succeed; the message is the tool's own complaint (stderr) or the I/O error. */
public final class ActionFailedException extends Exception {
    public ActionFailedException(String message) {
        super(message);
    }
}
