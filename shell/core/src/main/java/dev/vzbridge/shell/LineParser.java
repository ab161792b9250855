package dev.vzbridge.shell;

import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

import java.util.ArrayList;
import java.util.List;

/**
 * The console's parser: JLine splits the line being typed with the shell's own
 * {@link Tokenizer}, so completion sees the words the dispatcher will run. An open
 * quote or a final backslash at Enter asks for the next line, as a shell does.
 */
public final class LineParser implements Parser {
    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        Tokenizer.Scan all = Tokenizer.scan(line, true);
        if (context == ParseContext.ACCEPT_LINE && all.open() != 0) {
            throw all.open() == '\\' ? new EOFError(-1, -1, "escaped new line", "newline")
                : new EOFError(-1, -1, "unterminated quote", String.valueOf(all.open()));
        }
        cursor = Math.max(0, Math.min(cursor, line.length()));
        List<String> words = new ArrayList<>(all.texts());
        if (cursor > all.commentStart()) {
            // in a comment: the current word is the comment so far, which nothing completes
            words.add(line.substring(all.commentStart(), cursor));
            return new Line(line, cursor, words, words.size() - 1, cursor - all.commentStart(), all.commentStart(),
                line.length(), (char) 0);
        }
        int index = 0;
        while (index < all.words().size() && all.words().get(index).end() < cursor) index++;
        Tokenizer.Word word;
        if (index < all.words().size() && all.words().get(index).start() <= cursor) {
            word = all.words().get(index);
        } else {
            word = new Tokenizer.Word("", cursor, cursor); // between words: a new, empty one
            words.add(index, "");
        }
        Tokenizer.Scan typed = Tokenizer.scan(line.substring(word.start(), cursor), true);
        int wordCursor = typed.texts().isEmpty() ? 0 : typed.texts().get(0).length();
        return new Line(line, cursor, words, index, wordCursor, word.start(), word.end(), typed.open());
    }

    @Override
    public boolean isEscapeChar(char ch) {
        return ch == '\\';
    }

    /**
     * One parsed line, and how a completion replaces the raw text of the current word up to
     * the cursor: inside the quote left open there, or with backslashes before what the
     * tokenizer would otherwise split or unquote.
     */
    private record Line(String line, int cursor, List<String> words, int wordIndex, int wordCursor, int rawStart,
                        int rawEnd, char open) implements CompletingParsedLine {
        @Override
        public String word() {
            return words.get(wordIndex);
        }

        @Override
        public int rawWordCursor() {
            return cursor - rawStart;
        }

        @Override
        public int rawWordLength() {
            return rawEnd - rawStart;
        }

        @Override
        public CharSequence escape(CharSequence candidate, boolean complete) {
            String c = candidate.toString();
            if (open == '\'') return "'" + c.replace("'", "'\\''") + (complete ? "'" : "");
            StringBuilder sb = new StringBuilder();
            if (open == '"') {
                sb.append('"');
                for (char ch : c.toCharArray()) sb.append("\"\\$`".indexOf(ch) >= 0 ? "\\" : "").append(ch);
                return complete ? sb.append('"') : sb;
            }
            for (int i = 0; i < c.length(); i++) {
                char ch = c.charAt(i);
                boolean special = Character.isWhitespace(ch) || "'\"\\".indexOf(ch) >= 0 || (ch == '#' && i == 0);
                sb.append(special ? "\\" : "").append(ch);
            }
            return sb;
        }
    }
}
