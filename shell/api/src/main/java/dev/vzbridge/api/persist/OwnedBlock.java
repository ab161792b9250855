package dev.vzbridge.api.persist;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Lines a plugin owns in one node file, between two marker comments:
 * <pre>
 * # vzbridge OWNER: begin (kept by "vzbridge save")
 * …lines…
 * # vzbridge OWNER: end
 * </pre>
 * Everything outside the markers stays byte for byte. A new block goes at the
 * end of the file; an empty one removes the block and its markers.
 *
 * @param path  node path, e.g. /etc/network/interfaces
 * @param lines the block's lines, without line ends
 */
public record OwnedBlock(String path, List<String> lines) {
    private static final Pattern OWNER = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    public OwnedBlock {
        if (path == null || !path.startsWith("/") || path.contains("/../") || path.endsWith("/.."))
            throw new IllegalArgumentException("block path must be an absolute node path: " + path);
        lines = List.copyOf(lines);
        for (String l : lines)
            if (l.indexOf('\n') >= 0 || l.indexOf('\r') >= 0)
                throw new IllegalArgumentException("a line of a block in " + path + " holds a line break");
    }

    public static String begin(String owner) {
        return "# vzbridge " + checkOwner(owner) + ": begin (kept by \"vzbridge save\")";
    }

    public static String end(String owner) {
        return "# vzbridge " + checkOwner(owner) + ": end";
    }

    /** @throws IllegalArgumentException when the name cannot mark a block */
    public static String checkOwner(String owner) {
        if (owner == null || !OWNER.matcher(owner).matches())
            throw new IllegalArgumentException("block owner '" + owner + "' must be 1-32 of a-z, 0-9 and '-'");
        return owner;
    }

    /** {@code text} with this owner's block replaced by {@code lines} (added at the end, or removed when empty). */
    public static String splice(String text, String owner, List<String> lines) {
        String prefix = "# vzbridge " + checkOwner(owner) + ": ";
        for (String l : lines)
            if (l.startsWith(prefix)) throw new IllegalArgumentException("a block line looks like its own marker: " + l);
        int[] at = find(text, owner);
        StringBuilder block = new StringBuilder();
        if (!lines.isEmpty()) {
            block.append(begin(owner)).append('\n');
            lines.forEach(l -> block.append(l).append('\n'));
            block.append(end(owner)).append('\n');
        }
        if (at != null) return text.substring(0, at[0]) + block + text.substring(at[1]);
        if (lines.isEmpty()) return text;
        String head = text.isEmpty() || text.endsWith("\n") ? text : text + "\n";
        return head + block;
    }

    /** {@code text} without this owner's block: what the rest of the file says. */
    public static String without(String text, String owner) {
        return splice(text, owner, List.of());
    }

    /** The block's lines in {@code text}, empty when it has none. */
    public static List<String> linesIn(String text, String owner) {
        int[] at = find(text, owner);
        if (at == null) return List.of();
        List<String> all = new ArrayList<>(text.substring(at[0], at[1]).lines().toList());
        return all.subList(1, all.size() - 1);
    }

    /** Start and end offsets of the block, markers and line ends included; null when absent. */
    private static int[] find(String text, String owner) {
        String begin = begin(owner);
        String end = end(owner);
        int start = -1;
        int offset = 0;
        for (String line : text.split("(?<=\n)", -1)) {
            String bare = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
            if (start < 0 && bare.equals(begin)) start = offset;
            else if (start >= 0 && bare.equals(end)) return new int[] {start, offset + line.length()};
            offset += line.length();
        }
        if (start >= 0) throw new IllegalArgumentException("the block of " + owner + " has a begin line but no end line");
        return null;
    }
}
