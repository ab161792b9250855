package dev.vzbridge.shell;

import org.jline.reader.Candidate;
import org.jline.reader.ParsedLine;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One completion request of the bash completion script ({@code vzbridge [OPTIONS]
 * --complete WORD...}): the candidates for the last word, one a line, from the same
 * {@link ShellCompleter}, catalog and live host reads the console completes with.
 * Bash asks only for the values it cannot know in advance (interfaces, bridges,
 * containers, transactions).
 */
final class CompletionQuery {
    private CompletionQuery() {
    }

    /** @param words the command's words up to the cursor; the last is the one being completed ("" for a new one) */
    static void print(Shell shell, List<String> words, PrintWriter out) {
        if (words.isEmpty()) words = List.of("");
        List<Candidate> candidates = new ArrayList<>();
        new ShellCompleter(shell.session().catalog()).complete(null, new Words(words), candidates);
        String current = words.get(words.size() - 1);
        Set<String> values = new LinkedHashSet<>();
        for (Candidate c : candidates) {
            String value = c.value();
            // the script completes options itself; it asks only for values
            if (value.startsWith("-") && !current.startsWith("-")) continue;
            if (value.startsWith(current)) values.add(value);
        }
        values.forEach(out::println);
        out.flush();
    }

    /** The words as the line reader would have parsed them, the cursor at the end of the last. */
    private record Words(List<String> words) implements ParsedLine {
        public String word() {
            return words.get(wordIndex());
        }

        public int wordCursor() {
            return word().length();
        }

        public int wordIndex() {
            return words.size() - 1;
        }

        public String line() {
            return String.join(" ", words);
        }

        public int cursor() {
            return line().length();
        }
    }
}
