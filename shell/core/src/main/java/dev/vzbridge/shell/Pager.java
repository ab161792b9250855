package dev.vzbridge.shell;

import org.jline.terminal.Terminal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Output longer than the screen goes through $PAGER at the console, as git does:
 * PAGER unset means less (with LESS=FRX unless LESS is set: quit when it fits,
 * keep colours, leave the text on the screen); PAGER empty or "cat" means none.
 * The pager's argv is PAGER split on blanks, never a shell; it gets the terminal
 * itself (a pager must, to page), so it runs from here rather than through the
 * piped runner host commands use.
 */
final class Pager {
    private Pager() {
    }

    /** @return whether the text went through the pager (else the caller prints it) */
    static boolean page(Terminal terminal, String text) {
        int rows;
        try {
            rows = terminal.getHeight();
        } catch (RuntimeException e) {
            return false; // a terminal that cannot say its size (closed, dumb): print as it is
        }
        if (rows <= 0 || text.lines().count() < rows) return false;
        List<String> argv = argv(System.getenv("PAGER"));
        if (argv.isEmpty()) return false;
        ProcessBuilder pb = new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.INHERIT)
            .redirectError(ProcessBuilder.Redirect.INHERIT);
        if (System.getenv("LESS") == null) pb.environment().put("LESS", "FRX");
        terminal.flush();
        boolean paused = false;
        try {
            // the pager reads the keys now, not the line reader
            if (terminal.canPauseResume()) {
                terminal.pause(true);
                paused = true;
            }
            Process p = pb.start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(text.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // the pager quit before reading everything (q in less): fine
            }
            p.waitFor();
            return true;
        } catch (IOException e) {
            return false; // no such pager: print as usual
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } finally {
            if (paused) terminal.resume();
        }
    }

    static List<String> argv(String pager) {
        if (pager == null) return List.of("less");
        List<String> argv = Arrays.stream(pager.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList();
        return argv.isEmpty() || argv.equals(List.of("cat")) ? List.of() : argv;
    }
}
