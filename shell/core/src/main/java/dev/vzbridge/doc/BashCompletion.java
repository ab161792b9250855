package dev.vzbridge.doc;

import picocli.AutoComplete;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The bash completion script: picocli generates the completion of every command
 * and option; a small wrapper applies it inside the quoted command line of
 * {@code vzbridge -c '…'} and leaves the launcher's own options as they are.
 */
final class BashCompletion {
    private BashCompletion() {
    }

    static String render(CommandLine root) {
        String generated = AutoComplete.bash("vzbridge", root);
        // picocli registers its entry point directly; the wrapper registers instead.
        generated = generated.replaceAll("(?m)^complete -F _complete_vzbridge.*$", "");
        return generated + "\n" + wrapper();
    }

    private static String wrapper() {
        try (InputStream in = BashCompletion.class.getResourceAsStream("complete-c.bash")) {
            if (in == null) throw new IllegalStateException("missing resource complete-c.bash");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
