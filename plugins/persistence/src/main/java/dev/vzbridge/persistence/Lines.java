package dev.vzbridge.persistence;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A text file as physical lines that keep their own line ending, so it can be rebuilt byte for byte. */
final class Lines {
    private Lines() {
    }

    /** Splits after each "\n"; the last element has no "\n" when the file does not end with one. */
    static List<String> split(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                out.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) out.add(text.substring(start));
        return out;
    }

    /** The line without its "\n" (and a "\r" before it). */
    static String body(String line) {
        String s = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    static String eol(String line) {
        return line.substring(body(line).length());
    }

    /** True when the file ends with a newline (an empty or missing file counts as ending with one). */
    static boolean endsWithNewline(byte[] bytes) {
        return bytes.length == 0 || bytes[bytes.length - 1] == '\n';
    }

    /**
     * Joins lines, giving every line but the last a newline; the last one ends
     * with a newline exactly when {@code finalNewline} (the original file's), so
     * text added after a last line without newline keeps that absence.
     */
    static byte[] join(List<String> lines, boolean finalNewline) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            boolean last = i == lines.size() - 1;
            if (!l.endsWith("\n") && (!last || finalNewline)) l = l + "\n";
            if (last && !finalNewline) l = body(l);
            sb.append(l);
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
