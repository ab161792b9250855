package dev.vzbridge.shell;

import dev.vzbridge.api.command.UsageException;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words the way a POSIX shell would for plain words:
 * single quotes keep everything literally, double quotes keep spaces and honour
 * backslash before {@code " \ $ `}, a backslash outside quotes escapes the next character,
 * and a word starting with {@code #} begins a comment. The one splitter of the shell:
 * the dispatcher, batches and the console's completion ({@link LineParser}) all use it.
 */
public final class Tokenizer {
    private Tokenizer() {
    }

    /** A word: its text with the quoting removed, and where its raw form starts and ends in the line. */
    public record Word(String text, int start, int end) {
    }

    /**
     * The words of a line, where a comment starts (the line's length when none), and the quote
     * still open at the end of the line: {@code '}, {@code "}, {@code \} for a backslash at the
     * very end, or 0 when the line is complete.
     */
    public record Scan(List<Word> words, int commentStart, char open) {
        public List<String> texts() {
            return words.stream().map(Word::text).toList();
        }
    }

    /** @throws UsageException for an unterminated quote or a backslash at the end */
    public static List<String> words(String line) {
        return scan(line, false).texts();
    }

    /**
     * Splits a line, also one still being typed.
     *
     * @param partial an open quote or a final backslash ends the last word (see {@link Scan#open})
     *                instead of being an error
     */
    public static Scan scan(String line, boolean partial) {
        List<Word> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int start = -1;
        int i = 0;
        int n = line.length();
        char open = 0;
        int comment = n;
        while (i < n) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                if (start >= 0) {
                    words.add(new Word(word.toString(), start, i));
                    word.setLength(0);
                    start = -1;
                }
                i++;
                continue;
            }
            if (c == '#' && start < 0) {
                comment = i; // a comment runs to the end of the line
                break;
            }
            if (start < 0) start = i;
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    if (!partial) throw new UsageException("unterminated single quote");
                    word.append(line, i + 1, n);
                    open = '\'';
                    i = n;
                } else {
                    word.append(line, i + 1, end);
                    i = end + 1;
                }
            } else if (c == '"') {
                i = doubleQuoted(line, i + 1, word);
                if (i < 0) {
                    if (!partial) throw new UsageException("unterminated double quote");
                    open = '"';
                    i = n;
                }
            } else if (c == '\\') {
                if (i + 1 >= n) {
                    if (!partial) throw new UsageException("backslash at end of line");
                    open = '\\';
                    i = n;
                } else {
                    word.append(line.charAt(i + 1));
                    i += 2;
                }
            } else {
                word.append(c);
                i++;
            }
        }
        if (start >= 0) words.add(new Word(word.toString(), start, Math.min(i, n)));
        return new Scan(words, comment, open);
    }

    /** The words as one line that {@link #words} splits back into the same words (for journals and messages). */
    public static String quote(List<String> words) {
        List<String> quoted = new ArrayList<>();
        for (String w : words) {
            quoted.add(!w.isEmpty() && w.matches("[A-Za-z0-9_@%+=:,./-]+") ? w : "'" + w.replace("'", "'\\''") + "'");
        }
        return String.join(" ", quoted);
    }

    /** @return index after the closing quote, or -1 when the line ends first (the rest is in word) */
    private static int doubleQuoted(String line, int i, StringBuilder word) {
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == '"') return i + 1;
            if (c == '\\' && i + 1 < n && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                word.append(line.charAt(i + 1));
                i += 2;
            } else {
                word.append(c);
                i++;
            }
        }
        return -1;
    }
}
