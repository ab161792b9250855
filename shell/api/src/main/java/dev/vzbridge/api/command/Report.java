package dev.vzbridge.api.command;

/**
 * What a command shows: text for people, data for {@code --json} (any
 * Jackson-serialisable value: records, maps, lists), and the exit code.
 */
public record Report(String text, Object data, int exitCode) {
    public Report(String text, Object data) {
        this(text, data, 0);
    }

    public static Report text(String text) {
        return new Report(text, java.util.Map.of("text", text));
    }

    public Report withExitCode(int code) {
        return new Report(text, data, code);
    }
}
