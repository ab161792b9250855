package dev.vzbridge.shell;

import dev.vzbridge.api.command.UsageException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A batch file read into logical lines: {@code #} comments and blank lines dropped,
 * {@code \}-continued lines joined, {@code set NAME=VALUE} recorded and {@code ${NAME}}
 * expanded (not inside single quotes). A line that cannot be expanded or split
 * keeps its error, reported when execution reaches it.
 */
public final class BatchScript {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** One command to run; {@code words} is null for a line that only sets a variable. */
    public record Line(int number, String text, List<String> words, UsageException error) {
        public boolean isSet() {
            return words == null && error == null;
        }
    }

    private BatchScript() {
    }

    public static List<Line> parse(String content) {
        List<Line> lines = new ArrayList<>();
        Map<String, String> variables = new HashMap<>();
        String[] physical = content.split("\r?\n", -1);
        for (int i = 0; i < physical.length; i++) {
            int number = i + 1;
            StringBuilder logical = new StringBuilder(physical[i]);
            while (endsWithContinuation(logical) && i + 1 < physical.length) {
                logical.setLength(logical.length() - 1);
                logical.append(physical[++i]);
            }
            String text = logical.toString().strip();
            if (text.isEmpty() || text.startsWith("#")) continue;
            lines.add(line(number, text, variables));
        }
        return lines;
    }

    private static Line line(int number, String text, Map<String, String> variables) {
        try {
            String expanded = expand(text, variables);
            List<String> words = Tokenizer.words(expanded);
            if (words.isEmpty()) return new Line(number, expanded, List.of(), null);
            if (words.get(0).equals("set")) {
                define(words, variables);
                return new Line(number, expanded, null, null);
            }
            return new Line(number, expanded, words, null);
        } catch (UsageException e) {
            return new Line(number, text, null, e);
        }
    }

    private static void define(List<String> words, Map<String, String> variables) {
        if (words.size() != 2 || !words.get(1).contains("="))
            throw new UsageException("set needs exactly NAME=VALUE (quote a value with spaces)");
        String assignment = words.get(1);
        String name = assignment.substring(0, assignment.indexOf('='));
        if (!NAME.matcher(name).matches()) throw new UsageException("set: '" + name + "' is not a variable name");
        variables.put(name, assignment.substring(assignment.indexOf('=') + 1));
    }

    /** Replaces ${NAME}; single-quoted text and \$ stay literal. */
    static String expand(String text, Map<String, String> variables) {
        StringBuilder out = new StringBuilder();
        boolean singleQuoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') singleQuoted = !singleQuoted;
            if (!singleQuoted && c == '\\' && i + 1 < text.length()) {
                out.append(c).append(text.charAt(++i));
            } else if (!singleQuoted && c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                int end = text.indexOf('}', i + 2);
                if (end < 0) throw new UsageException("unterminated ${ in '" + text + "'");
                String name = text.substring(i + 2, end);
                String value = variables.get(name);
                if (value == null) throw new UsageException("unknown variable ${" + name + "}; define it first with 'set " + name + "=VALUE'");
                out.append(value);
                i = end;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean endsWithContinuation(CharSequence line) {
        int backslashes = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) backslashes++;
        return backslashes % 2 == 1;
    }
}
