package dev.vzbridge.engine;

import dev.vzbridge.api.host.Address;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.host.Link;
import dev.vzbridge.engine.journal.JournalRecord;
import dev.vzbridge.engine.journal.TxLog;
import dev.vzbridge.engine.journal.TxState;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** What the admin is told about a change rolled back because nobody confirmed it in time. */
final class ConfirmExpiry {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private ConfirmExpiry() {
    }

    /** "transaction X was rolled back at 12:03:04 because it was not confirmed", for expired ones only. */
    static Optional<String> message(TxLog log) {
        if (!log.expiredUnconfirmed()) return Optional.empty();
        String at = log.stateRecord().map(s -> clock(s.time())).orElse("?");
        return Optional.of("transaction " + log.txid() + " (" + command(log) + ") was rolled back at " + at
            + " because it was not confirmed");
    }

    /** The message, whether the restore was proven, and the links the change touched as they are now. */
    static String notice(TxLog log, Node node) {
        List<String> lines = new ArrayList<>();
        lines.add(message(log).orElse("transaction " + log.txid() + " is " + log.state().word()));
        String detail = log.stateRecord().map(JournalRecord.State::detail).orElse(null);
        if (log.state() == TxState.ROLLED_BACK) lines.add("the node is back as it was before it (verified)");
        else if (detail != null) lines.add("rolled back, but the node differs from before: " + detail);
        if (node.probe() != null && log.plan() != null && !log.plan().links().isEmpty()) {
            try {
                HostState now = node.probe().observe(log.plan().containers());
                lines.add("now:");
                for (String name : new TreeSet<>(log.plan().links())) lines.add("  " + describe(now, name));
            } catch (RuntimeException e) {
                lines.add("(the node cannot be observed now: " + e.getMessage() + ")");
            }
        }
        return String.join("\n", lines);
    }

    private static String describe(HostState h, String name) {
        Optional<Link> link = h.link(name);
        if (link.isEmpty()) return name + ": absent";
        Link l = link.get();
        List<String> parts = new ArrayList<>();
        parts.add(l.up() ? "up" : "down");
        if (l.master() != null) parts.add("in " + l.master());
        h.addressesOf(name).stream().filter(a -> !a.isLinkLocal()).map(Address::cidr).forEach(parts::add);
        return name + ": " + String.join(", ", parts);
    }

    private static String clock(String isoInstant) {
        try {
            return CLOCK.format(Instant.parse(isoInstant));
        } catch (DateTimeParseException | NullPointerException e) {
            return isoInstant;
        }
    }

    private static String command(TxLog l) {
        return l.header() == null ? "?" : l.header().command();
    }
}
