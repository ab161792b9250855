package dev.vzbridge.persistence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Debian's /etc/network/interfaces, edited stanza by stanza: only the iface
 * stanzas vzbridge owns change (and an {@code auto} line for its bridge);
 * {@code source} lines, other stanzas, comments and blank lines stay byte for
 * byte. Option names compare with '-' and '_' alike, as ifupdown does.
 */
final class InterfacesFile {
    private static final Set<String> STANZAS = Set.of("iface", "mapping", "auto", "source", "source-directory",
        "source-dir", "rename", "no-auto-down", "no-scripts");

    /** What a logical line is. */
    enum Kind {
        BLANK, COMMENT, STANZA, OPTION;

        /** The one classifier, for lines read and lines inserted alike (allow-* lines are stanzas). */
        static Kind of(String trimmed, String[] words) {
            if (words.length == 0) return BLANK;
            if (trimmed.startsWith("#")) return COMMENT;
            if (STANZAS.contains(words[0]) || words[0].startsWith("allow-")) return STANZA;
            return OPTION;
        }
    }

    /** A logical line: one physical line, or several joined by a trailing backslash. */
    private static final class Entry {
        String text;
        final Kind kind;
        final String[] words;

        Entry(String text, Kind kind, String[] words) {
            this.text = text;
            this.kind = kind;
            this.words = words;
        }

        String key() {
            return words[0].replace('-', '_');
        }
    }

    /** An iface stanza: its header and the entries up to the next stanza. */
    record Iface(int header, int last) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final boolean finalNewline;

    private InterfacesFile(boolean finalNewline) {
        this.finalNewline = finalNewline;
    }

    /** @throws ConfigSyntaxException for an option outside a stanza or a malformed stanza line */
    static InterfacesFile parse(String path, byte[] bytes) {
        InterfacesFile f = new InterfacesFile(Lines.endsWithNewline(bytes));
        List<String> physical = Lines.split(bytes);
        boolean inBlock = false;
        for (int i = 0; i < physical.size(); i++) {
            int no = i + 1;
            StringBuilder raw = new StringBuilder(physical.get(i));
            StringBuilder logical = new StringBuilder(Lines.body(physical.get(i)));
            while (logical.toString().endsWith("\\") && !logical.toString().strip().startsWith("#")) {
                if (++i >= physical.size()) throw new ConfigSyntaxException(path, no, "line continuation at end of file");
                logical.setLength(logical.length() - 1);
                logical.append(' ').append(Lines.body(physical.get(i)));
                raw.append(physical.get(i));
            }
            String trimmed = logical.toString().strip();
            String[] words = trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+");
            Kind kind = Kind.of(trimmed, words);
            if (kind == Kind.STANZA) {
                checkStanza(path, no, words);
                inBlock = words[0].equals("iface") || words[0].equals("mapping");
            } else if (kind == Kind.OPTION && !inBlock) {
                throw new ConfigSyntaxException(path, no, "option '" + words[0] + "' outside an iface or mapping stanza");
            }
            f.entries.add(new Entry(raw.toString(), kind, words));
        }
        return f;
    }

    private static void checkStanza(String path, int no, String[] words) {
        if (words[0].equals("iface") && words.length < 4)
            throw new ConfigSyntaxException(path, no, "iface needs NAME FAMILY METHOD: " + String.join(" ", words));
        if (!words[0].startsWith("no-") && words.length < 2)
            throw new ConfigSyntaxException(path, no, words[0] + " needs an argument");
    }

    Optional<Iface> iface(String name, String family) {
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            if (e.kind == Kind.STANZA && e.words[0].equals("iface") && e.words[1].equals(name) && e.words[2].equals(family))
                return Optional.of(new Iface(i, lastOption(i)));
        }
        return Optional.empty();
    }

    /** Index of the stanza's last option line (the header when it has none). */
    private int lastOption(int header) {
        int last = header;
        for (int i = header + 1; i < entries.size() && entries.get(i).kind != Kind.STANZA; i++)
            if (entries.get(i).kind == Kind.OPTION) last = i;
        return last;
    }

    /** The stanza's last entry: its last option, or a comment right below it (up to a blank line). */
    int extent(Iface s) {
        int i = s.last;
        while (i + 1 < entries.size() && entries.get(i + 1).kind == Kind.COMMENT) i++;
        return i;
    }

    /** Options of the stanza as "key value…" (key with '_'), in order. */
    List<String[]> options(Iface s) {
        List<String[]> out = new ArrayList<>();
        for (int i = s.header + 1; i <= s.last; i++)
            if (entries.get(i).kind == Kind.OPTION) out.add(entries.get(i).words);
        return out;
    }

    /** Rewrites the header's method (keeping its spacing and anything after it). */
    Iface setMethod(Iface s, String method) {
        Entry h = entries.get(s.header);
        if (h.words[3].equals(method)) return s;
        String body = Lines.body(h.text);
        int at = nthWord(body, 3);
        h.text = body.substring(0, at) + method + body.substring(at + h.words[3].length()) + Lines.eol(h.text);
        h.words[3] = method;
        return s;
    }

    private static int nthWord(String line, int n) {
        int i = 0;
        for (int w = 0; ; w++) {
            while (Character.isWhitespace(line.charAt(i))) i++;
            if (w == n) return i;
            while (!Character.isWhitespace(line.charAt(i))) i++;
        }
    }

    /** Sets an option at its first position (dropping repeats), or adds it after the stanza's last option. */
    Iface setOption(Iface s, String key, String value) {
        String k = key.replace('-', '_');
        String indent = indent(s);
        int first = -1;
        for (int i = s.last; i > s.header; i--) {
            Entry e = entries.get(i);
            if (e.kind != Kind.OPTION || !e.key().equals(k)) continue;
            if (first >= 0) {
                entries.remove(first);
                s = new Iface(s.header, lastOption(s.header));
            }
            first = i;
        }
        String[] words = (key + " " + value).split("\\s+");
        if (first >= 0) {
            Entry e = entries.get(first);
            if (!Arrays.equals(Arrays.copyOfRange(e.words, 1, e.words.length), Arrays.copyOfRange(words, 1, words.length))) {
                String body = Lines.body(e.text);
                String ownIndent = body.substring(0, body.length() - body.stripLeading().length());
                entries.set(first, new Entry(ownIndent + e.words[0] + " " + value + "\n", Kind.OPTION, words));
            }
            return s;
        }
        entries.add(s.last + 1, new Entry(indent + key + " " + value + "\n", Kind.OPTION, words));
        return new Iface(s.header, s.last + 1);
    }

    Iface removeOption(Iface s, String key) {
        String k = key.replace('-', '_');
        for (int i = s.last; i > s.header; i--) {
            Entry e = entries.get(i);
            if (e.kind == Kind.OPTION && e.key().equals(k)) entries.remove(i);
        }
        return new Iface(s.header, lastOption(s.header));
    }

    private String indent(Iface s) {
        for (int i = s.header + 1; i <= s.last; i++) {
            Entry e = entries.get(i);
            if (e.kind == Kind.OPTION) {
                String body = Lines.body(e.text);
                return body.substring(0, body.length() - body.stripLeading().length());
            }
        }
        return fileIndent();
    }

    /** The file's own option indentation (tab or spaces), from its first indented option. */
    private String fileIndent() {
        for (Entry e : entries) {
            if (e.kind != Kind.OPTION) continue;
            String body = Lines.body(e.text);
            String indent = body.substring(0, body.length() - body.stripLeading().length());
            if (!indent.isEmpty()) return indent;
        }
        return "    ";
    }

    /** True when an auto or allow-auto line brings up name at boot. */
    boolean isAuto(String name) {
        return entries.stream().anyMatch(e -> e.kind == Kind.STANZA
            && (e.words[0].equals("auto") || e.words[0].equals("allow-auto"))
            && Arrays.asList(e.words).subList(1, e.words.length).contains(name));
    }

    /** Inserts lines (each ending in "\n") before entry {@code at} (size() appends). */
    void insert(int at, List<String> text) {
        List<Entry> add = new ArrayList<>();
        for (String line : text) {
            String trimmed = line.strip();
            String[] words = trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+");
            add.add(new Entry(line, Kind.of(trimmed, words), words));
        }
        if (at == entries.size() && at > 0 && !entries.get(at - 1).text.endsWith("\n"))
            entries.get(at - 1).text += "\n";
        entries.addAll(at, add);
    }

    int size() {
        return entries.size();
    }

    boolean blankAt(int i) {
        return i >= 0 && i < entries.size() && entries.get(i).kind == Kind.BLANK;
    }

    byte[] render() {
        return Lines.join(entries.stream().map(e -> e.text).toList(), finalNewline);
    }
}
