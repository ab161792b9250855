package dev.vzbridge.api.plan;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Run a program with exactly these arguments (never through a shell).
 *
 * @param argv  program and arguments
 * @param stdin text fed to the program, or null
 */
public record Exec(List<String> argv, String stdin) implements Action {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    public Exec {
        argv = List.copyOf(argv);
        if (argv.isEmpty()) throw new IllegalArgumentException("empty argv");
    }

    public static Exec of(String... argv) {
        return new Exec(List.of(argv), null);
    }

    public static Exec of(List<String> argv) {
        return new Exec(argv, null);
    }

    @Override
    public String render() {
        return argv.stream().map(Exec::quote).collect(Collectors.joining(" "));
    }

    /** Quotes a word for display the way a POSIX shell would read it back. */
    public static String quote(String word) {
        Objects.requireNonNull(word);
        if (!word.isEmpty() && PLAIN.matcher(word).matches()) return word;
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
