package dev.vzbridge.shell;

import org.fusesource.jansi.Ansi;

/**
 * ANSI colour for lines printed outside the line reader (errors, warnings),
 * through Jansi. JLine styles what it draws itself (prompt, highlighting).
 */
final class Colours {
    private Colours() {
    }

    static String error(String text, boolean colour) {
        return colour ? Ansi.ansi().fgBrightRed().a(text).reset().toString() : text;
    }
}
