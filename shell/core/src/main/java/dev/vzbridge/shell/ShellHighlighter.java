package dev.vzbridge.shell;

import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/** Shows at a glance whether the first word is a command the shell knows. */
public final class ShellHighlighter implements Highlighter {
    static final AttributedStyle KNOWN = AttributedStyle.BOLD.foreground(AttributedStyle.GREEN);
    static final AttributedStyle UNKNOWN = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);

    private final CommandCatalog catalog;
    private final boolean colour;

    public ShellHighlighter(CommandCatalog catalog, boolean colour) {
        this.catalog = catalog;
        this.colour = colour;
    }

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        if (!colour) return new AttributedString(buffer);
        int start = 0;
        while (start < buffer.length() && Character.isWhitespace(buffer.charAt(start))) start++;
        int end = start;
        while (end < buffer.length() && !Character.isWhitespace(buffer.charAt(end))) end++;
        String first = buffer.substring(start, end);
        AttributedStringBuilder sb = new AttributedStringBuilder();
        sb.append(buffer.substring(0, start));
        if (first.isEmpty() || first.startsWith("#")) {
            sb.append(buffer.substring(start));
            return sb.toAttributedString();
        }
        sb.styled(catalog.entry(first).isPresent() ? KNOWN : UNKNOWN, first);
        sb.append(buffer.substring(end));
        return sb.toAttributedString();
    }
}
