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
        // the first word as the dispatcher will see it
        var words = Tokenizer.scan(buffer, true).words();
        if (words.isEmpty()) return new AttributedString(buffer);
        Tokenizer.Word first = words.get(0);
        AttributedStringBuilder sb = new AttributedStringBuilder();
        sb.append(buffer.substring(0, first.start()));
        sb.styled(catalog.entry(first.text()).isPresent() ? KNOWN : UNKNOWN, buffer.substring(first.start(), first.end()));
        sb.append(buffer.substring(first.end()));
        return sb.toAttributedString();
    }
}
