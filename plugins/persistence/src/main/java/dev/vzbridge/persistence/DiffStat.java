package dev.vzbridge.persistence;

import java.util.ArrayList;
import java.util.List;

/**
 * The summary of unified diffs, as {@code git diff --stat} prints it: per file the
 * lines it gains and loses with a bar of + and -, then the totals.
 */
final class DiffStat {
    /** The widest bar; longer diffs are scaled down to it. */
    static final int BAR = 40;

    record Counts(int added, int removed) {
    }

    private record Row(String path, Counts counts) {
    }

    private final List<Row> rows = new ArrayList<>();

    /** Counts one file's unified diff (its --- and +++ header lines are not changes). */
    Counts add(String path, String unifiedDiff) {
        int added = 0;
        int removed = 0;
        for (String line : unifiedDiff.split("\n", -1)) {
            if (line.startsWith("+++ ") || line.startsWith("--- ")) continue;
            if (line.startsWith("+")) added++;
            else if (line.startsWith("-")) removed++;
        }
        Counts c = new Counts(added, removed);
        rows.add(new Row(path, c));
        return c;
    }

    String render() {
        int pathWidth = rows.stream().mapToInt(r -> r.path().length()).max().orElse(0);
        int most = rows.stream().mapToInt(r -> r.counts().added() + r.counts().removed()).max().orElse(0);
        int numberWidth = String.valueOf(most).length();
        StringBuilder sb = new StringBuilder();
        int added = 0;
        int removed = 0;
        for (Row r : rows) {
            int plus = r.counts().added();
            int minus = r.counts().removed();
            added += plus;
            removed += minus;
            // scaled like git: every changed file keeps at least one mark of each kind it has
            int scaledPlus = most <= BAR ? plus : Math.max(plus > 0 ? 1 : 0, plus * BAR / most);
            int scaledMinus = most <= BAR ? minus : Math.max(minus > 0 ? 1 : 0, minus * BAR / most);
            sb.append(' ').append(pad(r.path(), pathWidth)).append(" | ")
                .append(String.format("%" + numberWidth + "d", plus + minus)).append(' ')
                .append("+".repeat(scaledPlus)).append("-".repeat(scaledMinus)).append('\n');
        }
        sb.append(' ').append(rows.size()).append(rows.size() == 1 ? " file changed" : " files changed")
            .append(", ").append(added).append(added == 1 ? " insertion(+)" : " insertions(+)")
            .append(", ").append(removed).append(removed == 1 ? " deletion(-)" : " deletions(-)").append('\n');
        return sb.toString();
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }
}
