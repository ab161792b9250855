package dev.vzbridge.shell;

import dev.vzbridge.api.command.UsageException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TokenizerTest {
    @Test
    void splitsOnWhitespaceAndHonoursQuotes() {
        assertEquals(List.of("bridge", "add", "br 0", "it's", "a\"b", "x y"),
            Tokenizer.words("  bridge\tadd 'br 0' \"it's\" a\\\"b x\\ y  "));
    }

    @Test
    void keepsEmptyQuotedWordsAndJoinsAdjacentParts() {
        assertEquals(List.of("", "ab c", "--x=1 2"), Tokenizer.words("'' a'b c' --x=\"1 2\""));
    }

    @Test
    void doubleQuotesOnlyEscapeSpecialCharacters() {
        assertEquals(List.of("a\\nb", "$x"), Tokenizer.words("\"a\\nb\" \"\\$x\""));
    }

    @Test
    void hashStartsACommentOnlyAtAWordStart() {
        assertEquals(List.of("a#b", "c"), Tokenizer.words("a#b c # the rest '"));
        assertEquals(List.of("#x"), Tokenizer.words("'#x'"));
    }

    @Test
    void unterminatedQuotesAreUsageErrors() {
        assertThrows(UsageException.class, () -> Tokenizer.words("echo 'abc"));
        assertThrows(UsageException.class, () -> Tokenizer.words("echo \"abc"));
        assertThrows(UsageException.class, () -> Tokenizer.words("echo abc\\"));
    }
}
