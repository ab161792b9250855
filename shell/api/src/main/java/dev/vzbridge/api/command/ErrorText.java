package dev.vzbridge.api.command;

/**
 * How a failure reads on the admin's screen: the problem in words, never a Java
 * exception class name, and a command's name at most once in front of it.
 */
public final class ErrorText {
    private ErrorText() {
    }

    /** The message of e (or of its innermost cause that has one); "internal error" when none says anything. */
    public static String of(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String msg = t.getMessage();
            // new RuntimeException(cause) copies cause.toString(), class name and all: read the cause instead
            boolean copied = t.getCause() != null && t.getCause() != t && t.getCause().toString().equals(msg);
            if (msg != null && !msg.isBlank() && !copied) return msg;
        }
        return "internal error (--debug prints the details)";
    }

    /** "label: message", unless message already starts with the label ("save: save: …" reads as a stutter). */
    public static String prefixed(String label, String message) {
        if (label == null || label.isEmpty()) return message;
        if (message.equals(label) || message.startsWith(label + ":")) return message;
        return label + ": " + message;
    }
}
