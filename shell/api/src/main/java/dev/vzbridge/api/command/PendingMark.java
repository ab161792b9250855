package dev.vzbridge.api.command;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Marks in query output what the open transaction plans but the node does not
 * have yet, the way a planned change shows as pending next to the live state: a
 * row planned but not live gets {@value #MARK} after its first column, and the
 * output ends with {@link #LEGEND}.
 */
public final class PendingMark {
    public static final String MARK = "*";
    public static final String LEGEND = MARK + " pending: planned in the open transaction, not on the node yet"
        + " ('commit' applies it, 'abort' drops it)";

    private PendingMark() {
    }

    /**
     * The planned rows that the live rows lack (compared by equality); none when
     * nothing is planned ahead (no live state to compare with).
     */
    public static <T> Set<T> pending(List<T> planned, Optional<List<T>> live) {
        if (live.isEmpty()) return Set.of();
        Set<T> now = Set.copyOf(live.get());
        return planned.stream().filter(r -> !now.contains(r)).collect(Collectors.toSet());
    }

    /** The rows of the planned state against those of the live one, when the context plans ahead. */
    public static <T> Set<T> pending(CommandContext ctx, Function<dev.vzbridge.api.host.HostState, List<T>> rows) {
        return pending(rows.apply(ctx.host()), ctx.live().map(rows));
    }

    public static String marked(String value, boolean pending) {
        return pending ? (value == null ? "" : value) + MARK : value;
    }

    /** The text with the legend after it when anything was marked. */
    public static String withLegend(String text, boolean anyPending) {
        return anyPending ? text + LEGEND + "\n" : text;
    }
}
