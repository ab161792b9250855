package dev.vzbridge.lab;

/** The lab could not be built (not root, no namespaces, a tool failed). */
public class LabException extends RuntimeException {
    public LabException(String message, Throwable cause) {
        super(message, cause);
    }
}
