package dev.vzbridge.bridge;

import dev.vzbridge.lab.Lab;
import dev.vzbridge.testkit.LabTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The journal directory is a tiny tmpfs in the shell's own mount namespace (unshare -m):
 * too small for the transaction, the change is refused before anything runs; filled up
 * while a step is held (the journal's last page padded with blank lines, so the very next
 * record needs a page), that record fails and the change is rolled back, at every step of
 * bridge create.
 */
@LabTest(containers = {101})
class JournalFullLabTest {
    /** Mounts a tmpfs of size $1 on $2 in this (private) mount namespace, then runs the rest. */
    private static final String MOUNT = "mount -t tmpfs -o size=\"$1\",mode=0700 vzbridge-journal \"$2\" && shift 2 && exec \"$@\"";

    /**
     * Pads the journal in $1 to a whole page with newlines, then fills the file system;
     * with $2 = all, the journal's reserve goes first, so not even the rollback finds room.
     */
    private static final String FILL = "[ \"$2\" = all ] && rm -f \"$1\"/*.reserve; for f in \"$1\"/*.jsonl; do s=$(stat -c %s \"$f\"); "
        + "head -c $(( (4096 - s % 4096) % 4096 )) /dev/zero | tr '\\000' '\\n' >> \"$f\"; done; "
        + "dd if=/dev/zero of=\"$1/filler\" bs=4k 2>&1 | tail -1";

    @TempDir
    Path tmp;

    @Test
    void aJournalThatCannotTakeTheTransactionRefusesItOrRollsItBack(Lab lab) throws Exception {
        Path bin = HeldIp.install(tmp.resolve("bin"));
        Path root = Files.createDirectories(tmp.resolve("root"));
        Path journal = Files.createDirectories(root.resolve("var/lib/vzbridge/journal"));
        LabNode node = new LabNode(lab, root, "iproute2");
        String start = node.fingerprint();
        String line = String.join(" ", SingleNicLabTest.CREATE);

        // Room for the reserve and the first records, not for the whole transaction: refused, nothing ran.
        Path gate = tmp.resolve("gate-small");
        Process small = shell(bin, gate, 0, root, journal, "96k", lab, line);
        assertTrue(small.waitFor(60, TimeUnit.SECONDS));
        String said = read(gate.resolve("out")) + read(gate.resolve("err"));
        assertEquals(1, small.exitValue(), said);
        assertTrue(said.contains("nothing was changed"), said);
        assertFalse(Files.exists(gate.resolve("n.1")), "no changing command ran: " + said);
        assertEquals(start, node.fingerprint());

        int steps = node.plan(SingleNicLabTest.CREATE).changes().stream().mapToInt(c -> c.apply().size()).sum();
        int restored = 0;
        for (int k = 1; k <= steps; k++) {
            gate = tmp.resolve("gate-" + k);
            Process p = shell(bin, gate, k, root, journal, "2m", lab, line);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(gate.resolve("at"))) {
                assertTrue(p.isAlive() && System.nanoTime() < deadline, "step " + k + ": " + read(gate.resolve("err")));
                Thread.sleep(20);
            }
            // From inside the shell's mount namespace: blank lines (which a journal reader skips) fill the
            // journal's last page, and a filler takes every page left, so the very next record finds no room.
            boolean all = k % 2 == 0;
            new ProcessBuilder("nsenter", "-t", String.valueOf(p.pid()), "-m", "--", "sh", "-c", FILL, "fill",
                journal.toString(), all ? "all" : "keep-reserve").redirectErrorStream(true).redirectOutput(gate.resolve("dd").toFile())
                .start().waitFor(30, TimeUnit.SECONDS);
            Files.writeString(gate.resolve("go"), "");
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            said = read(gate.resolve("out")) + read(gate.resolve("err"));
            String where = "disk full at step " + k + "/" + steps + ":\n" + said + read(gate.resolve("dd"));
            assertEquals(1, p.exitValue(), where);
            assertTrue(said.contains("the journal could not be written (No space left on device)"), where);
            assertTrue(said.contains("host restored (verified)"), where);
            assertEquals(start, node.fingerprint(), where);
            // Without the reserve the rollback ran from memory and the file could not catch up.
            assertEquals(all, said.contains("the journal on disk stops short"), where);
            restored++;
        }
        System.out.printf("journal full: refused before any action on a %s tmpfs; rolled back at %d/%d steps "
            + "(every other one with the reserve gone too, from memory)%n", "96k", restored, steps);
    }

    private static Process shell(Path bin, Path gate, int k, Path root, Path journal, String size, Lab lab,
                                 String line) throws IOException {
        Files.createDirectories(gate);
        List<String> argv = new ArrayList<>(List.of("unshare", "-m", "--propagation", "private", "sh", "-c", MOUNT,
            "journal-on-tmpfs", size, journal.toString()));
        argv.addAll(ShellChild.command(root, lab.nodeNetns(), lab.ctNetnsPattern(), line));
        ProcessBuilder pb = new ProcessBuilder(argv)
            .redirectOutput(gate.resolve("out").toFile()).redirectError(gate.resolve("err").toFile());
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("GATE", gate.toString());
        pb.environment().put("HOLD_AT", String.valueOf(k));
        return pb.start();
    }

    private static String read(Path f) throws IOException {
        return Files.exists(f) ? Files.readString(f) : "";
    }
}
