package dev.vzbridge.bridge;

import dev.vzbridge.lab.Lab;
import dev.vzbridge.testkit.LabNode;
import dev.vzbridge.testkit.LabTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The interactive console on a real terminal (a pty made by script(1)): Ctrl-C typed while a change is
 * being applied, once and then again, reaches the shell as the terminal's SIGINT. The change is rolled
 * back, the restore verified, and the prompt comes back; the tool that was running (started in a session
 * of its own) never gets the signal and finishes normally. The node ends as it started.
 */
@LabTest(containers = {101})
class ConsoleInterruptLabTest {
    private static final String PROMPT = "vzbridge@lab> ";

    @TempDir
    Path tmp;

    @Test
    void ctrlCDuringApplyRollsBackAndReturnsToThePrompt(Lab lab) throws Exception {
        Path bin = HeldIp.install(tmp.resolve("bin"));
        Path root = Files.createDirectories(tmp.resolve("root"));
        Path gate = Files.createDirectories(tmp.resolve("gate"));
        LabNode node = new LabNode(lab, root, "iproute2", new BridgePlugin());
        String start = node.fingerprint();
        int steps = node.plan(SingleNicLabTest.CREATE).changes().stream().mapToInt(c -> c.apply().size()).sum();
        int held = (steps + 1) / 2; // a step in the middle: some done, some to come

        // script gives the shell a pty of its own as its controlling terminal; what the test writes is typed.
        // The pty starts 0x0 (the test has no terminal to copy the size from): stty gives it one.
        String java = ShellChild.java(root, lab.nodeNetns(), lab.ctNetnsPattern(), ShellChild.CONSOLE).stream()
            .map(ConsoleInterruptLabTest::quoted).collect(Collectors.joining(" "));
        List<String> argv = new ArrayList<>(List.of("env", "--default-signal=INT,TERM,HUP", "script", "-qfec",
            "stty cols 120 rows 40; exec " + java, "/dev/null"));
        Path screen = gate.resolve("screen");
        ProcessBuilder pb = new ProcessBuilder(argv).redirectOutput(screen.toFile()).redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("GATE", gate.toString());
        pb.environment().put("HOLD_AT", String.valueOf(held));
        pb.environment().put("TERM", "xterm");
        Process console = pb.start();
        try (OutputStream keys = console.getOutputStream()) {
            await(console, screen, () -> plain(screen).contains(PROMPT), "the first prompt");
            type(keys, String.join(" ", SingleNicLabTest.CREATE) + "\r");
            await(console, screen, () -> Files.exists(gate.resolve("at")), "step " + held + " held");

            type(keys, "\u0003"); // Ctrl-C
            await(console, screen, () -> plain(screen).contains("SIGINT: stopping the transaction"), "the first Ctrl-C");
            type(keys, "\u0003"); // and again, impatiently
            await(console, screen, () -> plain(screen).contains("SIGINT: the transaction is still ending"),
                "the second Ctrl-C");
            Files.writeString(gate.resolve("go"), "");

            await(console, screen, () -> after(plain(screen), "host restored (verified)").contains(PROMPT),
                "the prompt after the rollback");
            String shown = plain(screen);
            assertTrue(shown.contains("interrupted by SIGINT"), shown);
            assertTrue(Files.exists(gate.resolve("ran")), "the held tool was not signalled: it ran to its end\n" + shown);
            assertTrue(console.isAlive(), "Ctrl-C during a change does not end the console\n" + shown);
            assertEquals(start, node.fingerprint(), shown);

            // The console goes on as usual, and leaves on Ctrl-D.
            type(keys, "bridge list\r");
            await(console, screen, () -> after(after(plain(screen), "host restored (verified)"), "bridge list")
                .contains(PROMPT), "the prompt after bridge list");
            type(keys, "\u0004");
            assertTrue(console.waitFor(30, TimeUnit.SECONDS), plain(screen));
            assertEquals(0, console.exitValue(), plain(screen));
            assertFalse(plain(screen).contains("leaving for the SIGINT"), plain(screen));
        } finally {
            Files.writeString(gate.resolve("go"), "");
            if (console.isAlive()) console.destroyForcibly();
        }
        assertEquals(start, node.fingerprint());
        System.out.printf("console: Ctrl-C twice at step %d/%d of bridge create rolled back (verified) and the prompt "
            + "came back; the running tool was not signalled%n", held, steps);
    }

    private static void type(OutputStream keys, String text) throws IOException {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    private static String quoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** What the screen shows after the first occurrence of mark ("" when it is not there yet). */
    private static String after(String text, String mark) {
        int i = text.indexOf(mark);
        return i < 0 ? "" : text.substring(i + mark.length());
    }

    private static String plain(Path screen) {
        try {
            String raw = Files.exists(screen) ? Files.readString(screen, StandardCharsets.UTF_8) : "";
            return raw.replaceAll("\u001B(\\[[0-9;?$]*[A-Za-z]|[=>]|\\][^\u0007]*\u0007)", "").replace("\r", "");
        } catch (IOException e) {
            return "";
        }
    }

    private static void await(Process p, Path screen, BooleanSupplier ok, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!ok.getAsBoolean()) {
            assertTrue(p.isAlive(), "the console ended before " + what + ":\n" + plain(screen));
            assertTrue(System.nanoTime() < deadline, "never got to " + what + ":\n" + plain(screen));
            Thread.sleep(20);
        }
    }
}
