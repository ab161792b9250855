package dev.vzbridge.shell;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import dev.vzbridge.api.command.FileView;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Unified diffs between a node file and proposed content, in the form
 * {@code patch -p1} applies from the root ({@code a/etc/…}, {@code b/etc/…};
 * {@code /dev/null} for a file that does not exist yet).
 */
public final class Diffs {
    private static final int CONTEXT = 3;
    private static final Pattern HUNK = Pattern.compile("@@ -(\\d+),(\\d+) \\+(\\d+),(\\d+) @@(.*)");
    /** Marks a last line without newline while diffing, so that a missing newline is a difference. */
    private static final String NO_EOL = "\u0000no-eol";

    private Diffs() {
    }

    /** Empty when the file under the view already holds exactly {@code proposed}. */
    public static String unified(FileView files, String path, byte[] proposed) {
        return unified(path, files.read(path).orElse(null), proposed);
    }

    /**
     * @param current the file's bytes now, or null when it does not exist
     * @return the diff, or empty when the content is equal
     */
    public static String unified(String path, byte[] current, byte[] proposed) {
        if (current != null && Arrays.equals(current, proposed)) return "";
        String rel = path.startsWith("/") ? path.substring(1) : path;
        List<String> before = current == null ? List.of() : lines(current);
        List<String> after = lines(proposed);
        Patch<String> patch = DiffUtils.diff(before, after);
        if (patch.getDeltas().isEmpty()) return "";
        String from = current == null ? "/dev/null" : "a/" + rel;
        List<String> out = UnifiedDiffUtils.generateUnifiedDiff(from, "b/" + rel, before, patch, CONTEXT);
        StringBuilder sb = new StringBuilder();
        for (String line : out) {
            line = gnuHunkHeader(line);
            if (line.endsWith(NO_EOL)) {
                sb.append(line, 0, line.length() - NO_EOL.length()).append("\n\\ No newline at end of file\n");
            } else {
                sb.append(line).append('\n');
            }
        }
        return sb.toString();
    }

    /** An empty side is numbered after the line before it (0 at the top), as GNU diff does. */
    static String gnuHunkHeader(String line) {
        Matcher m = HUNK.matcher(line);
        if (!m.matches()) return line;
        return "@@ -" + range(m.group(1), m.group(2)) + " +" + range(m.group(3), m.group(4)) + " @@" + m.group(5);
    }

    private static String range(String start, String count) {
        int s = Integer.parseInt(start);
        return "0".equals(count) ? Math.max(0, s - 1) + ",0" : s + "," + count;
    }

    private static List<String> lines(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        // split leaves "" after a final newline; without one, the last line is marked instead
        String last = out.remove(out.size() - 1);
        if (!last.isEmpty()) out.add(last + NO_EOL);
        return out;
    }
}
