package dev.vzbridge.shell;

import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser.ParseContext;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The console splits what is typed exactly as the dispatcher will: one tokenizer for both. */
class LineParserTest {
    private final LineParser parser = new LineParser();

    @Test
    void completionSeesTheWordsTheDispatcherRuns() {
        for (String line : List.of("bridge add 'br 0' \"it's\" a\\\"b x\\ y", "'' a'b c' --x=\"1 2\"", "\"a\\nb\" \"\\$x\"",
            "set 'a\\' b", "a#b c")) {
            assertEquals(Tokenizer.words(line), parser.parse(line, line.length(), ParseContext.COMPLETE).words(), line);
        }
    }

    @Test
    void theWordAtTheCursorIsUnquotedAndCompletesInsideItsQuote() {
        CompletingParsedLine l = (CompletingParsedLine) parser.parse("bridge add 'br", 14, ParseContext.COMPLETE);
        assertEquals(2, l.wordIndex());
        assertEquals("br", l.word());
        assertEquals(2, l.wordCursor());
        assertEquals(3, l.rawWordCursor());
        assertEquals("'br0'", l.escape("br0", true).toString());
        assertEquals("\"a\\\"b", ((CompletingParsedLine) parser.parse("x \"a", 4, ParseContext.COMPLETE))
            .escape("a\"b", false).toString());
        assertEquals("a\\ b", ((CompletingParsedLine) parser.parse("x a", 3, ParseContext.COMPLETE))
            .escape("a b", true).toString());
    }

    @Test
    void betweenWordsANewEmptyWordIsCompleted() {
        ParsedLine l = parser.parse("bridge  add", 7, ParseContext.COMPLETE);
        assertEquals(List.of("bridge", "", "add"), l.words());
        assertEquals(1, l.wordIndex());
        assertEquals("", l.word());
        assertEquals(List.of("bridge", ""), parser.parse("bridge ", 7, ParseContext.COMPLETE).words());
    }

    @Test
    void anOpenQuoteOrAFinalBackslashAsksForTheNextLine() {
        assertThrows(EOFError.class, () -> parser.parse("echo 'abc", 9, ParseContext.ACCEPT_LINE));
        assertThrows(EOFError.class, () -> parser.parse("echo \"abc", 9, ParseContext.ACCEPT_LINE));
        assertThrows(EOFError.class, () -> parser.parse("echo abc\\", 9, ParseContext.ACCEPT_LINE));
        assertEquals(List.of("echo", "a b"), parser.parse("echo 'a b'", 10, ParseContext.ACCEPT_LINE).words());
    }
}
