package dev.vzbridge.engine;

import dev.vzbridge.api.plan.Action;
import dev.vzbridge.api.plan.Exec;
import dev.vzbridge.exec.ExecResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Consecutive {@code ip} steps for one namespace as one {@code ip [-n NS] -batch -}: one
 * process instead of one per step. ip stops at the first line that fails and names it
 * ("Command failed -:N"), so the lines before it ran, that one failed and the rest did not.
 * A rollback's undos run with {@code -force}: ip goes on after a failed line and names each.
 */
final class IpBatch {
    /** Words ip's batch reader takes literally: no quotes, backslashes, comment signs or blanks. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");
    private static final Set<String> OBJECTS = Set.of("link", "addr", "address", "route", "neigh", "neighbour", "rule");
    private static final Pattern FAILED_LINE = Pattern.compile("(?m)^Command failed -:(\\d+)\\s*$");

    /**
     * One step's command as a batch line.
     *
     * @param netns the namespace it names with {@code -n}, or null for the node's own
     * @param words what follows {@code ip} (and {@code -n NS}) on the command line
     */
    record Line(String netns, List<String> words) {
        /** The step's command as a batch line, or null when it must run on its own. */
        static Line of(Action action) {
            if (!(action instanceof Exec e) || e.stdin() != null) return null;
            List<String> argv = e.argv();
            if (argv.size() < 3 || !argv.get(0).equals("ip")) return null;
            String netns = null;
            int from = 1;
            if (argv.get(1).equals("-n") || argv.get(1).equals("-netns")) {
                netns = argv.get(2);
                from = 3;
            }
            List<String> words = argv.subList(from, argv.size());
            // Global options (-6, -j, -batch …) cannot be given per line.
            if (words.size() < 2 || !OBJECTS.contains(words.get(0))) return null;
            for (String w : words) if (!PLAIN.matcher(w).matches()) return null;
            if (netns != null && !PLAIN.matcher(netns).matches()) return null;
            return new Line(netns, List.copyOf(words));
        }

        boolean sameNamespace(Line other) {
            return Objects.equals(netns, other.netns);
        }

        /** A deleted link's name may come back in a later line: the batch ends after a deletion. */
        boolean endsBatch() {
            return words.get(0).equals("link") && (words.get(1).equals("del") || words.get(1).equals("delete"));
        }

        /** The command as it would run on its own. */
        List<String> argv() {
            List<String> a = new ArrayList<>(List.of("ip"));
            if (netns != null) a.addAll(List.of("-n", netns));
            a.addAll(words);
            return a;
        }
    }

    private IpBatch() {
    }

    /** {@code ip [-n NS] -batch -}; the lines go to its standard input. */
    static List<String> argv(String netns) {
        return netns == null ? List.of("ip", "-batch", "-") : List.of("ip", "-n", netns, "-batch", "-");
    }

    /**
     * {@code ip [-n NS] -force -batch -}: every line runs whatever an earlier one did, as a
     * rollback's undos do (an undo that fails never stops the others).
     */
    static List<String> forcedArgv(String netns) {
        return netns == null ? List.of("ip", "-force", "-batch", "-") : List.of("ip", "-n", netns, "-force", "-batch", "-");
    }

    static String stdin(List<Line> lines) {
        StringBuilder in = new StringBuilder();
        for (Line l : lines) in.append(String.join(" ", l.words())).append('\n');
        return in.toString();
    }

    /**
     * What a batch's result says of its lines.
     *
     * @param failedLine the 0-based line that failed (the lines before it ran, those after did not),
     *                   -1 when every line ran, or when ip stopped without naming a line (see {@link #unknown})
     * @param unknown    ip failed without naming the line: any of them may or may not have run
     * @param problem    ip's complaint, without its "Command failed" line
     */
    record Verdict(int failedLine, boolean unknown, String problem) {
        boolean allDone() {
            return failedLine < 0 && !unknown;
        }
    }

    /**
     * What a {@link #forcedArgv -force} batch's result says of its lines: the 0-based lines that
     * failed, each with ip's complaint (what it printed before that line's "Command failed"); every
     * other line ran. Empty when all ran. Null when ip stopped without accounting for every line
     * (an argument error ends it at once, exit 255; a timeout): any line may or may not have run.
     */
    static java.util.Map<Integer, String> failedLines(ExecResult r, int lines) {
        if (r.ok()) return java.util.Map.of();
        if (r.timedOut() || r.exitCode() != 1) return null;
        java.util.Map<Integer, String> failed = new java.util.LinkedHashMap<>();
        StringBuilder said = new StringBuilder();
        for (String l : r.stderr().split("\n")) {
            Matcher m = FAILED_LINE.matcher(l);
            if (!m.matches()) {
                if (!l.isBlank()) said.append(said.length() > 0 ? "; " : "").append(l.strip());
                continue;
            }
            int n = Integer.parseInt(m.group(1)) - 1;
            if (n < 0 || n >= lines) return null;
            failed.put(n, said.length() > 0 ? said.toString() : "ip exited with 1");
            said.setLength(0);
        }
        return failed.isEmpty() ? null : failed;
    }

    static Verdict verdict(ExecResult r, int lines) {
        if (r.ok()) return new Verdict(-1, false, null);
        Matcher m = FAILED_LINE.matcher(r.stderr());
        int failed = -1;
        while (m.find()) failed = Integer.parseInt(m.group(1)) - 1;
        String stderr = FAILED_LINE.matcher(r.stderr()).replaceAll("");
        String problem = new ExecResult(r.argv(), r.exitCode(), r.stdout(), stderr, r.timedOut()).problem();
        if (r.timedOut() || failed < 0 || failed >= lines) return new Verdict(-1, true, problem);
        return new Verdict(failed, false, problem);
    }
}
