package dev.vzbridge.persistence;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A shell-style KEY="VALUE" file (ifcfg-*, CTID.conf, vz.conf, vznet.conf),
 * edited in place: only the keys set or removed change, every other byte stays.
 * Lines must be blank, comments or single assignments; anything else (an
 * unbalanced quote, a command) is refused, since sourcing such a file does
 * more than set variables.
 */
final class ShellVarsFile {
    private static final Pattern ASSIGN = Pattern.compile("^(\\s*(?:export\\s+)?)([A-Za-z_][A-Za-z0-9_]*)=");
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:@%+,-]+");

    /** One assignment: where its value's raw text is in the line, and the value as the shell reads it. */
    private record Assignment(String key, int valueStart, int valueEnd, String value, char quote) {
    }

    private final List<String> lines;
    private final List<Assignment> assignments = new ArrayList<>();
    private final boolean finalNewline;
    private final boolean quoteByDefault;
    private final List<String> appended = new ArrayList<>();

    private ShellVarsFile(List<String> lines, boolean finalNewline, boolean quoteByDefault) {
        this.lines = lines;
        this.finalNewline = finalNewline;
        this.quoteByDefault = quoteByDefault;
    }

    /**
     * @param quoteNew whether added values are double-quoted when the file has no
     *                 quoted value to copy the style from (vzctl quotes, ifcfg often does not)
     * @throws ConfigSyntaxException when a line is not blank, a comment or one assignment
     */
    static ShellVarsFile parse(String path, byte[] bytes, boolean quoteNew) {
        List<String> lines = Lines.split(bytes);
        ShellVarsFile f = new ShellVarsFile(lines, Lines.endsWithNewline(bytes), quoteNew);
        for (int i = 0; i < lines.size(); i++) f.assignments.add(parseLine(path, i + 1, Lines.body(lines.get(i))));
        return f;
    }

    private static Assignment parseLine(String path, int no, String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) return null;
        Matcher m = ASSIGN.matcher(line);
        if (!m.find()) throw new ConfigSyntaxException(path, no, "not a KEY=VALUE line: " + trimmed);
        int start = m.end();
        StringBuilder value = new StringBuilder();
        char quote = 0;
        int i = start;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) break;
            if (c == '"' || c == '\'') {
                int close = closing(line, i);
                if (close < 0) throw new ConfigSyntaxException(path, no, "unbalanced " + c + " quote in " + m.group(2));
                value.append(unquote(line.substring(i + 1, close), c));
                if (quote == 0) quote = c;
                i = close + 1;
            } else if (c == '\\') {
                if (i + 1 >= line.length()) throw new ConfigSyntaxException(path, no, "line continuation in " + m.group(2));
                value.append(line.charAt(i + 1));
                i += 2;
            } else if (c == '`' || c == ';' || c == '&' || c == '|' || c == '(' || c == ')' || c == '<' || c == '>') {
                throw new ConfigSyntaxException(path, no, "shell syntax '" + c + "' in the value of " + m.group(2));
            } else {
                value.append(c);
                i++;
            }
        }
        int end = i;
        String rest = line.substring(end).strip();
        if (!rest.isEmpty() && !rest.startsWith("#"))
            throw new ConfigSyntaxException(path, no, "unexpected text after the value of " + m.group(2) + ": " + rest);
        return new Assignment(m.group(2), start, end, value.toString(), quote);
    }

    /** Index of the quote closing the one at {@code open}, or -1. */
    private static int closing(String line, int open) {
        char q = line.charAt(open);
        for (int i = open + 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (q == '"' && c == '\\') {
                i++;
            } else if (c == q) {
                return i;
            }
        }
        return -1;
    }

    private static String unquote(String raw, char quote) {
        if (quote == '\'') return raw;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length() && "\\\"$`".indexOf(raw.charAt(i + 1)) >= 0) c = raw.charAt(++i);
            sb.append(c);
        }
        return sb.toString();
    }

    /** The value vzctl sees: the first assignment's. */
    Optional<String> get(String key) {
        return assignments.stream().filter(a -> a != null && a.key.equals(key)).map(Assignment::value).findFirst();
    }

    /** Every key with the first value, in file order. */
    Map<String, String> values() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Assignment a : assignments) if (a != null) out.putIfAbsent(a.key, a.value);
        return out;
    }

    boolean has(String key) {
        return get(key).isPresent();
    }

    /**
     * Sets key to value at its first position. Later duplicates are dropped: vzctl
     * reads the first, the shell (initscripts, our network script) the last, so a
     * file with two can mean two things; after saving it means one.
     */
    void set(String key, String value) {
        int first = firstIndex(key);
        if (first < 0) {
            appended.add(key + "=" + quote(value, quoteByDefault || anyQuoted() ? '"' : 0) + "\n");
            return;
        }
        Assignment a = assignments.get(first);
        if (!a.value.equals(value)) {
            String line = lines.get(first);
            String rawValue = quote(value, a.quote);
            lines.set(first, line.substring(0, a.valueStart) + rawValue + line.substring(a.valueEnd));
            assignments.set(first, new Assignment(key, a.valueStart, a.valueStart + rawValue.length(), value, a.quote));
        }
        removeAfter(key, first);
    }

    void remove(String key) {
        removeAfter(key, -1);
        appended.removeIf(l -> l.startsWith(key + "="));
    }

    private void removeAfter(String key, int keep) {
        for (int i = lines.size() - 1; i > keep; i--) {
            Assignment a = assignments.get(i);
            if (a != null && a.key.equals(key)) {
                lines.remove(i);
                assignments.remove(i);
            }
        }
    }

    private int firstIndex(String key) {
        for (int i = 0; i < assignments.size(); i++) {
            Assignment a = assignments.get(i);
            if (a != null && a.key.equals(key)) return i;
        }
        return -1;
    }

    private boolean anyQuoted() {
        return assignments.stream().anyMatch(a -> a != null && a.quote == '"');
    }

    /** Keeps the style the key had: bare when safe and it was bare, single quotes when possible, else double. */
    private static String quote(String value, char style) {
        if (style == 0 && PLAIN.matcher(value).matches()) return value;
        if (style == '\'' && !value.contains("'")) return "'" + value + "'";
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$").replace("`", "\\`") + "\"";
    }

    /** True when keys will be added at the end (a header comment may go before them). */
    boolean appends() {
        return !appended.isEmpty();
    }

    /**
     * The edited file. {@code header} (comment lines, may be empty) goes before
     * keys added at the end, unless the file already carries a vzbridge comment.
     */
    byte[] render(String header) {
        List<String> out = new ArrayList<>(lines);
        if (!appended.isEmpty()) {
            boolean marked = lines.stream().anyMatch(l -> l.startsWith("#") && l.contains("vzbridge"));
            if (!marked && !header.isEmpty()) out.addAll(Lines.split(header.getBytes(StandardCharsets.UTF_8)));
            out.addAll(appended);
        }
        return Lines.join(out, finalNewline);
    }
}
