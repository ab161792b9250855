package dev.vzbridge.api.command;

/**
 * What a query command shows: text for people, data for {@code --json}
 * (any Jackson-serialisable value: records, maps, lists).
 */
public record Report(String text, Object data) {
    public static Report text(String text) {
        return new Report(text, java.util.Map.of("text", text));
    }
}
