package dev.vzbridge.bridge;

import dev.vzbridge.lab.Lab;
import dev.vzbridge.testkit.LabNode;
import dev.vzbridge.testkit.LabTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.vzbridge.bridge.HeldIp.awaitHeld;
import static dev.vzbridge.bridge.HeldIp.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The journal directory is a tiny tmpfs in the shell's own mount namespace (unshare -m): too small
 * for the transaction, the change is refused before anything runs. Then the disk fills up at every
 * record of bridge create in turn (header, plan, snapshots, states, each begin and done, the commit):
 * a reference run logs, for every ip command, how many journal records were written before it; the
 * shell is held at the last ip command before record R, and the tmpfs is filled (the journal's last
 * page padded with blank lines, which readers skip) so that exactly the records before R still fit.
 * Record R fails, and the node ends rolled back (verified) or, when only the commit's first write
 * failed and its retry found room, applied with a durable commit. With the journal's reserve removed
 * too, the journal on disk stops right before R, which proves where the disk ran out.
 */
@LabTest(containers = {101})
class JournalFullLabTest {
    /** Mounts a tmpfs of size $1 on $2 in this (private) mount namespace, runs the rest, copies the journal out. */
    private static final String MOUNT = "dir=$2; mount -t tmpfs -o size=\"$1\",mode=0700 vzbridge-journal \"$dir\" || exit 1; "
        + "shift 2; \"$@\"; rc=$?; mkdir -p \"$GATE/journal\"; cp -a \"$dir\"/. \"$GATE/journal/\"; exit $rc";

    /**
     * Leaves room in journal directory $1 for exactly $2 pages plus $3 bytes in the journal's last page: pads
     * the journal with newlines, fills the file system, then frees $2 pages. With $4 = all the reserve goes first.
     */
    private static final String FILL = "d=$1; pages=$2; tail=$3; [ \"$4\" = all ] && rm -f \"$d\"/*.reserve; "
        + "for f in \"$d\"/*.jsonl; do [ -e \"$f\" ] || continue; s=$(stat -c %s \"$f\"); "
        + "pad=$(( ((4096 - tail) % 4096 - s % 4096 + 4096) % 4096 )); "
        + "head -c $pad /dev/zero | tr '\\000' '\\n' >> \"$f\"; done; "
        + "dd if=/dev/zero of=\"$d/filler\" bs=4k 2>/dev/null; "
        + "[ \"$pages\" = 0 ] || truncate -s -$((pages * 4096)) \"$d/filler\"; df -B1 \"$d\" | tail -1";
    private static final int PAGE = 4096;
    private static final int RESERVE_PAGES = 16; // the journal's 64 KiB reserve
    private static final Pattern LABEL = Pattern.compile("\"rec\":\"(\\w+)\"(?:.*\"state\":\"([a-z-]+)\")?");

    @TempDir
    Path tmp;
    private Path bin;
    private Path root;
    private Path journal;

    @Test
    void aJournalThatCannotTakeTheTransactionRefusesItOrRollsItBack(Lab lab) throws Exception {
        bin = HeldIp.install(tmp.resolve("bin"));
        root = Files.createDirectories(tmp.resolve("root"));
        journal = Files.createDirectories(root.resolve("var/lib/vzbridge/journal"));
        LabNode node = new LabNode(lab, root, "iproute2", new BridgePlugin());
        String start = node.fingerprint();
        String line = String.join(" ", SingleNicLabTest.CREATE);

        // Room for the reserve and the first records, not for the whole transaction: refused, nothing ran.
        Path gate = tmp.resolve("gate-small");
        Process small = shell(gate, Map.of(), "96k", lab, line);
        assertTrue(small.waitFor(60, TimeUnit.SECONDS));
        String said = read(gate.resolve("out")) + read(gate.resolve("err"));
        assertEquals(1, small.exitValue(), said);
        assertTrue(said.contains("nothing was changed"), said);
        assertFalse(Files.exists(gate.resolve("n.1")), "no changing command ran: " + said);
        assertEquals(start, node.fingerprint());

        // The reference: every record of the transaction, and where the ip commands fall between them.
        gate = tmp.resolve("gate-reference");
        Process ref = shell(gate, Map.of("CALL_LOG", gate.resolve("calls").toString(), "JOURNAL_DIR", journal.toString()),
            "2m", lab, line);
        assertTrue(ref.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, ref.exitValue(), read(gate.resolve("err")));
        String applied = node.fingerprint();
        List<String> records = records(gate);
        List<int[]> calls = read(gate.resolve("calls")).lines()
            .map(l -> l.split(" ")).map(w -> new int[]{Integer.parseInt(w[0]), Integer.parseInt(w[1])}).toList();
        assertEquals(0, node.run("bridge", "delete", "br0"), node.err::toString);
        assertEquals(start, node.fingerprint());

        // Before the first record: no room for the journal's reserve, so it cannot be created at all.
        gate = tmp.resolve("gate-reserve");
        int firstPlanningCall = calls.get(0)[0];
        Process p = shell(gate, Map.of("HOLD_CALL", String.valueOf(firstPlanningCall)), "2m", lab, line);
        awaitHeld(p, gate, "no room for the reserve");
        fill(p, gate, RESERVE_PAGES - 1, 0, false);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        said = read(gate.resolve("out")) + read(gate.resolve("err"));
        assertEquals(1, p.exitValue(), said);
        assertTrue(said.contains("cannot write the journal") && said.contains("nothing was changed"), said);
        assertEquals(List.of(), records(gate), said);
        assertEquals(start, node.fingerprint());

        List<String> failed = new ArrayList<>();
        List<String> sharing = new ArrayList<>();
        List<String> together = new ArrayList<>();
        for (int r = 1; r <= records.size(); r++) {
            int at = r;
            // Held at the first ip command after the last record before r (the verifier's polls vary in number).
            int written = calls.stream().mapToInt(c -> c[1]).filter(m -> m <= at - 1).max().orElseThrow();
            int[] hold = calls.stream().filter(c -> c[1] == written).findFirst().orElseThrow();
            boolean exists = hold[1] > 0; // the journal (and its reserve) exist when the shell is held there
            List<Boolean> reserveKept = !exists ? List.of(true)
                : r == records.size() ? List.of(false, true) : List.of(false);
            if (!exists && r > 1 && sharesPage(records, r)) {
                // Written right after the records before it onto the same fresh page: a full disk fails those first.
                sharing.add(label(records.get(r - 1)));
                continue;
            }
            for (boolean keep : reserveKept) {
                String where = "disk full at record " + r + "/" + records.size() + " (" + label(records.get(r - 1)) + ")"
                    + (keep ? ", reserve kept" : ", reserve gone");
                gate = tmp.resolve("gate-" + r + (keep ? "-keep" : "-all"));
                Ending ending = fillAt(lab, line, gate, records, r, hold, keep, where);
                boolean committed = ending == Ending.COMMITTED;
                if (ending == Ending.WITH_EARLIER) together.add(label(records.get(r - 1)));
                else failed.add(label(records.get(r - 1)));
                assertEquals(committed ? applied : start, node.fingerprint(), where);
                if (committed) {
                    assertEquals(0, node.run("bridge", "delete", "br0"), node.err::toString);
                    assertEquals(start, node.fingerprint(), where);
                }
            }
        }
        int at = records.size() - sharing.size();
        System.out.printf("journal full: refused before any action on a 96k tmpfs and with no room for the reserve; "
                + "disk full at %d/%d records (%s runs), each ending rolled back (verified) or, once, applied with a durable "
                + "commit%s%n", at, records.size(), failed.stream().collect(java.util.stream.Collectors.groupingBy(f -> f, java.util.LinkedHashMap::new,
                java.util.stream.Collectors.counting())).entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(java.util.stream.Collectors.joining(", ")),
            (sharing.isEmpty() ? "" : "; " + String.join(", ", sharing) + " shares the header's first page, so a full "
                + "disk fails the header instead")
            + (together.isEmpty() ? "" : "; of these, " + together.size() + " (" + String.join(", ", new java.util.LinkedHashSet<>(together))
                + ") are written in one go with the record before them and failed with it"));
    }

    /** How a run with the disk full at record r ended. */
    enum Ending { ROLLED_BACK, COMMITTED, WITH_EARLIER }

    /**
     * Runs the change with the disk full at record r (1-based) of the reference; asserts the outcome and the
     * journal left on disk.
     */
    private Ending fillAt(Lab lab, String line, Path gate, List<String> records, int r, int[] hold, boolean keep,
                           String where) throws Exception {
        Process p = shell(gate, Map.of("HOLD_CALL", String.valueOf(hold[0])), "2m", lab, line);
        awaitHeld(p, gate, where);
        // Room for the records between the hold and r, not for r: a little more than they took in the reference
        // (their times may print a digit longer), far less than r itself.
        int bytes = 0;
        for (int i = hold[1]; i < r - 1; i++) bytes += records.get(i).length() + 1;
        int pages;
        int tail;
        if (hold[1] == 0) { // no journal yet: whole pages after its reserve; the first record starts a page
            pages = RESERVE_PAGES + (bytes + PAGE - 1) / PAGE;
            tail = 0;
        } else {
            bytes += Math.min(8, records.get(r - 1).length() / 2);
            pages = bytes / PAGE;
            tail = bytes % PAGE;
        }
        fill(p, gate, pages, tail, keep);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), where);
        String said = read(gate.resolve("out")) + read(gate.resolve("err"));
        List<String> onDisk = records(gate);
        String context = where + ":\n" + said + "free: " + read(gate.resolve("fill")) + "journal:\n"
            + String.join("\n", onDisk.stream().map(JournalFullLabTest::label).toList());
        assertTrue(said.contains("the journal could not be written (No space left on device)")
            || said.contains("not applied: the journal's file system"), context);
        List<String> before = records.subList(0, r - 1).stream().map(JournalFullLabTest::label).toList();
        if (p.exitValue() == 0) { // only the commit's first write failed; its retry, with the reserve freed, held
            assertTrue(keep && r == records.size(), context);
            assertEquals(records.stream().map(JournalFullLabTest::label).toList(),
                onDisk.stream().map(JournalFullLabTest::label).toList(), context);
            return Ending.COMMITTED;
        }
        assertEquals(1, p.exitValue(), context);
        assertTrue(said.contains("host restored (verified)") || said.contains("nothing was changed"), context);
        Ending ending = Ending.ROLLED_BACK;
        if (!keep) {
            // Nowhere to write after r: the file ends before r, with every record that fitted (records
            // written in one go, such as an ip -batch's done records, go or fail together).
            List<String> disk = onDisk.stream().map(JournalFullLabTest::label).toList();
            assertTrue(disk.size() >= hold[1] && disk.size() <= r - 1, context);
            assertEquals(before.subList(0, disk.size()), disk, context);
            assertTrue(said.contains("the journal on disk stops short"), context);
            if (disk.size() < r - 1) ending = Ending.WITH_EARLIER;
        } else {
            assertEquals(before, onDisk.subList(0, r - 1).stream().map(JournalFullLabTest::label).toList(), context);
            assertTrue(label(onDisk.get(onDisk.size() - 1)).equals("state rolled-back"), context);
        }
        if (r <= firstAction(records)) assertFalse(Files.exists(gate.resolve("n.1")), "no changing command ran: " + context);
        return ending;
    }

    /** Record r (after the header) would land on the journal's first page with the records before it. */
    private static boolean sharesPage(List<String> records, int r) {
        int bytes = 0;
        for (int i = 0; i < r; i++) bytes += records.get(i).length() + 1;
        return bytes <= PAGE;
    }

    /** From inside the held shell's mount namespace: fills its journal's tmpfs (see FILL), then lets it go on. */
    private void fill(Process p, Path gate, int pages, int tail, boolean keepReserve) throws Exception {
        Process fill = new ProcessBuilder("nsenter", "-t", String.valueOf(p.pid()), "-m", "--", "sh", "-c", FILL, "fill",
            journal.toString(), String.valueOf(pages), String.valueOf(tail), keepReserve ? "keep-reserve" : "all")
            .redirectErrorStream(true).redirectOutput(gate.resolve("fill").toFile()).start();
        assertTrue(fill.waitFor(30, TimeUnit.SECONDS));
        Files.writeString(gate.resolve("go"), "");
    }

    private static int firstAction(List<String> records) {
        for (int i = 0; i < records.size(); i++) {
            if (List.of("begin", "batch").contains(label(records.get(i)))) return i + 1;
        }
        return records.size();
    }

    /** "begin", "state applying", …: what a record is. */
    private static String label(String record) {
        Matcher m = LABEL.matcher(record);
        if (!m.find()) return "?";
        return m.group(2) == null || !m.group(1).equals("state") ? m.group(1) : "state " + m.group(2);
    }

    /** The readable records of the journal the run left (copied out of its tmpfs), blank padding skipped. */
    private static List<String> records(Path gate) throws IOException {
        Path dir = gate.resolve("journal");
        if (!Files.isDirectory(dir)) return List.of();
        try (var files = Files.list(dir)) {
            Path file = files.filter(f -> f.toString().endsWith(".jsonl")).findFirst().orElse(null);
            if (file == null) return List.of();
            return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).filter(l -> l.endsWith("}")).toList();
        }
    }

    private Process shell(Path gate, Map<String, String> env, String size, Lab lab, String line) throws IOException {
        Files.createDirectories(gate);
        List<String> argv = new ArrayList<>(List.of("unshare", "-m", "--propagation", "private", "sh", "-c", MOUNT,
            "journal-on-tmpfs", size, journal.toString()));
        argv.addAll(ShellChild.command(root, lab.nodeNetns(), lab.ctNetnsPattern(), line));
        ProcessBuilder pb = new ProcessBuilder(argv)
            .redirectOutput(gate.resolve("out").toFile()).redirectError(gate.resolve("err").toFile());
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("GATE", gate.toString());
        pb.environment().put("HOLD_AT", "0");
        pb.environment().putAll(env);
        return pb.start();
    }
}
