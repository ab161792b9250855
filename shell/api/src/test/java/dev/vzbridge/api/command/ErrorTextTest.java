package dev.vzbridge.api.command;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ErrorTextTest {
    @Test
    void neverAClassName() {
        assertEquals("disk full", ErrorText.of(new UncheckedIOException(new IOException("disk full"))));
        assertEquals("cannot write journal: disk full",
            ErrorText.of(new UncheckedIOException("cannot write journal: disk full", new IOException("disk full"))));
        assertEquals("internal error (--debug prints the details)", ErrorText.of(new NullPointerException()));
        assertEquals("internal error (--debug prints the details)", ErrorText.of(new IllegalStateException(" ")));
    }

    @Test
    void theLabelOnce() {
        assertEquals("save: cannot write", ErrorText.prefixed("save", "cannot write"));
        assertEquals("save: cannot write", ErrorText.prefixed("save", "save: cannot write"));
        assertEquals("bridge: missing subcommand", ErrorText.prefixed("bridge", "bridge: missing subcommand"));
        assertEquals("bridge create: saved", ErrorText.prefixed("bridge create", "saved"));
        assertEquals("ct: 'x' is not a container ID", ErrorText.prefixed("ct", "ct: 'x' is not a container ID"));
        assertEquals("saved", ErrorText.prefixed(null, "saved"));
    }
}
