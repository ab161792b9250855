package dev.vzbridge.shell;

import dev.vzbridge.api.command.UsageException;
import dev.vzbridge.engine.SignalDeferral;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The interactive shell: prompt with host name (and the engine's mark), history
 * in ~/.vzbridge_history, completion, highlighting. Ctrl-C drops the line,
 * Ctrl-D or 'exit' leaves.
 */
public final class Console {
    private final Shell shell;
    private final Terminal terminal;
    private final String hostName;
    private final Path historyFile;

    public Console(Shell shell, Terminal terminal, String hostName, Path historyFile) {
        this.shell = shell;
        this.terminal = terminal;
        this.hostName = hostName;
        this.historyFile = historyFile;
    }

    /** Builds the reader the loop uses; tests drive it directly over an in-memory terminal. */
    public LineReader reader() {
        CommandCatalog catalog = shell.session().catalog();
        LineReaderBuilder builder = LineReaderBuilder.builder()
            .terminal(terminal)
            .appName("vzbridge")
            .parser(new LineParser())
            .completer(new ShellCompleter(catalog))
            .highlighter(new ShellHighlighter(catalog, shell.session().colour()))
            .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true) // '!' is data, not history
            .option(LineReader.Option.AUTO_FRESH_LINE, true);
        if (historyFile != null) builder.variable(LineReader.HISTORY_FILE, historyFile);
        return builder.build();
    }

    /** @return 0 when the admin leaves */
    public int run() {
        Session session = shell.session();
        LineReader reader = reader();
        session.engine().setConsole(true);
        session.setWidth(terminal::getWidth);
        session.setPager(text -> Pager.page(terminal, text));
        session.setClearScreen(() -> {
            terminal.puts(org.jline.utils.InfoCmp.Capability.clear_screen);
            terminal.flush();
        });
        session.setAsker(question -> {
            try {
                String answer = reader.readLine(question);
                return Optional.of(answer.strip().toLowerCase(java.util.Locale.ROOT).startsWith("y"));
            } catch (UserInterruptException | EndOfFileException e) {
                return Optional.of(false);
            }
        });
        int startup = startupMessages(session);
        if (startup != 0) return startup;
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "vzbridge-prompt-clock");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(() -> tick(session, reader), 1, 1, TimeUnit.SECONDS);
        try {
            return loop(session, reader);
        } finally {
            ticker.shutdownNow();
            session.setPager(text -> false); // the terminal is the console's: output after it is printed as it is
        }
    }

    private int loop(Session session, LineReader reader) {
        // Outside readLine JLine would restore the OS default for SIGINT, which kills the
        // JVM without shutdown hooks (a lab would be left behind). Ask for a second Ctrl-C
        // instead, then leave through System.exit so the hooks run.
        terminal.handle(Terminal.Signal.INT, signal -> interruptedWhileRunning(session));
        while (!session.exitRequested()) {
            String line;
            try {
                shell.liveHost().prefetch(); // completion reads the host while the admin types, not on TAB
                shownPrompt = prompt(session);
                line = reader.readLine(shownPrompt);
            } catch (UserInterruptException e) {
                continue; // Ctrl-C: drop this line, keep the shell
            } catch (EndOfFileException e) {
                break; // Ctrl-D
            } catch (IllegalStateException | java.io.IOError e) {
                break; // the terminal went away (SIGTERM, hang-up): shutdown hooks clean up
            }
            shell.execute(line);
            notice(session).ifPresent(n -> {
                session.out().println(n);
                session.out().flush();
            });
        }
        try {
            if (session.engine().inTransaction()) {
                session.err().println("vzbridge: leaving with an open transaction: discarded, nothing was applied");
                session.engine().abort();
            }
        } catch (RuntimeException e) {
            session.error("could not discard the open transaction: " + e.getMessage(), 1);
        }
        saveHistory(reader);
        return 0;
    }

    /** Opens the host (building a lab) so its banner shows. @return 2 for bad options, else 0 */
    private int startupMessages(Session session) {
        try {
            session.host().banner().ifPresent(session.out()::println);
        } catch (UsageException e) {
            session.error(e.getMessage(), 2);
            return 2;
        } catch (RuntimeException e) {
            session.error("cannot reach the host: " + e.getMessage() + "; only commands that do not need it will work", 1);
        }
        try {
            session.engine().startupNotice().ifPresent(session.out()::println);
        } catch (RuntimeException e) {
            session.error("engine: " + e.getMessage(), 1);
        }
        session.out().println("vzbridge " + Session.VERSION + ": 'help' lists commands, TAB completes, Ctrl-D leaves.");
        session.out().flush();
        return 0;
    }

    private volatile String shownPrompt;

    /**
     * Once a second while the admin types: a confirm countdown in the prompt is redrawn,
     * and a change rolled back at its deadline is announced above the line at once.
     */
    private void tick(Session session, LineReader reader) {
        try {
            if (!reader.isReading()) return;
            Optional<String> notice = notice(session);
            String prompt = prompt(session);
            if (notice.isEmpty() && prompt.equals(shownPrompt)) return;
            shownPrompt = prompt;
            if (reader instanceof LineReaderImpl impl) impl.setPrompt(prompt);
            if (notice.isPresent()) reader.printAbove(notice.get());
            reader.callWidget(LineReader.REDRAW_LINE);
            reader.callWidget(LineReader.REDISPLAY);
        } catch (RuntimeException e) {
            // the clock must never disturb the line being typed
        }
    }

    private static Optional<String> notice(Session session) {
        try {
            return session.engine().takeNotice();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private volatile long lastInterrupt;

    private void interruptedWhileRunning(Session session) {
        // During a transaction Ctrl-C means "abort": it rolls back, then the prompt returns.
        if (SignalDeferral.arrived("SIGINT", 0)) return;
        long now = System.nanoTime();
        if (lastInterrupt != 0 && now - lastInterrupt < INTERRUPT_WINDOW_NANOS) {
            session.err().println("\nvzbridge: interrupted; leaving (the host access is closed on the way out)");
            session.err().flush();
            System.exit(130);
        }
        lastInterrupt = now;
        session.err().println("\nvzbridge: a command is running; press Ctrl-C again within 3 seconds to abandon it and leave");
        session.err().flush();
    }

    private static final long INTERRUPT_WINDOW_NANOS = 3_000_000_000L;

    String prompt(Session session) {
        String mark = "";
        try {
            mark = Optional.ofNullable(session.engine().promptMark()).orElse("");
        } catch (RuntimeException e) {
            // a prompt must never fail
        }
        String text = "vzbridge@" + hostName + (mark.isEmpty() ? "" : " [" + mark + "]") + "> ";
        if (!session.colour()) return text;
        AttributedStyle style = mark.isEmpty() ? AttributedStyle.BOLD.foreground(AttributedStyle.BLUE)
            : AttributedStyle.BOLD.foreground(AttributedStyle.YELLOW);
        return new AttributedString(text, style).toAnsi(terminal);
    }

    private static void saveHistory(LineReader reader) {
        try {
            reader.getHistory().save();
        } catch (java.io.IOException | RuntimeException e) {
            // history is a convenience; losing it is not an error
        }
    }
}
