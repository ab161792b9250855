package dev.vzbridge.shell;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vzbridge.engine.Node;
import dev.vzbridge.exec.ProcessRunner;
import dev.vzbridge.testkit.JsonContract;
import dev.vzbridge.testkit.RecordingHost;
import dev.vzbridge.testkit.ShellDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every command's --json output, result or error, is one envelope that holds to docs/json.md. */
class JsonContractTest {
    @TempDir
    Path root;

    private final RecordingHost host = RecordingHost.typicalNode();
    private ShellDriver shell;

    private ShellDriver shell() {
        if (shell == null) {
            GlobalOptions options = new GlobalOptions();
            options.json = true;
            options.root = root;
            // real commands for 'touch': it writes under the test's own temporary root, nothing else
            Node node = new Node(new ProcessRunner(), root, host::observe, null);
            shell = ShellDriver.withEngine(options, host, node, new TestCommands());
        }
        return shell;
    }

    @AfterEach
    void close() {
        if (shell != null) shell.close();
    }

    private JsonNode one(String line, int exit) {
        ShellDriver.Result r = shell().run(line);
        assertEquals(exit, r.exitCode(), r::toString);
        JsonNode envelope = JsonContract.envelope(r.stdout());
        assertEquals(exit, envelope.get("exit").intValue(), line);
        assertTrue(envelope.get("exit").isInt(), "exit is a number: " + envelope);
        return envelope;
    }

    /** Each top-level command of the catalog has a line here, so a new command cannot skip the contract. */
    @Test
    void everyCommandPrintsOneEnvelope() {
        List<String> lines = List.of("help", "help bridge add", "plugin list", "history", "recover", "show",
            "show pending", "pending", "begin", "pending", "bridge add br7", "pending", "abort", "confirm", "undo",
            "commit", "plan bridge add br7", "plan --script bridge add br7", "bridge list", "hello", "fail", "crash",
            "touch /nonexistent/dir/x", "touch " + root.resolve("made"), "undo", "lab clean", "clear", "check", "exit");
        Set<String> covered = new TreeSet<>();
        for (String line : lines) {
            ShellDriver.Result r = shell().run(line);
            JsonNode envelope;
            try {
                envelope = JsonContract.envelope(r.stdout());
            } catch (AssertionError e) {
                throw new AssertionError(line + ": " + e.getMessage() + "\n" + r, e);
            }
            assertEquals(r.exitCode(), envelope.get("exit").intValue(), line + "\n" + r);
            covered.add(line.split(" ")[0]);
        }
        Set<String> commands = new TreeSet<>(shell().session().catalog().commands().stream()
            .map(CommandCatalog.Entry::name).toList());
        commands.removeAll(covered);
        assertEquals(Set.of(), commands, "commands without a --json check here");
    }

    @Test
    void errorsUseTheSameExitKeyAsResults() {
        JsonNode unknown = one("nope", 2);
        assertEquals("unknown command 'nope'; try 'help'", unknown.get("error").asText());
        assertFalse(unknown.get("changed").booleanValue());
        assertFalse(unknown.has("exitCode"));
        JsonNode ok = one("hello", 0);
        assertTrue(ok.get("result").isObject());
        JsonNode bad = one("bridge add br7 --bogus", 2);
        assertTrue(bad.get("error").asText().contains("--bogus"), bad.toString());
    }

    @Test
    void listsAreObjectsAndPlansCarryTheirChanges() {
        assertTrue(one("history", 0).get("result").get("transactions").isArray());
        assertTrue(one("help", 0).get("result").get("commands").isArray());
        assertTrue(one("plugin list", 0).get("result").get("plugins").isArray());
        JsonNode plan = one("plan bridge add br7", 0);
        assertEquals("planned", plan.get("state").asText());
        assertFalse(plan.get("changed").booleanValue());
        assertEquals("add br7", plan.get("plan").get("changes").get(0).get("summary").asText());
    }

    @Test
    void theSchemaRejectsWhatItForbids() {
        assertFalse(JsonContract.problems("{\"exit\":0,\"changed\":false}").size() > 0);
        assertFalse(JsonContract.problems("{\"error\":\"x\",\"exitCode\":2}").isEmpty(), "old error shape");
        assertFalse(JsonContract.problems("{\"exit\":0,\"changed\":false,\"result\":[1]}").isEmpty(), "bare array");
        assertFalse(JsonContract.problems("{\"exit\":0,\"changed\":false,\"result\":{\"ct\":\"101\"}}").isEmpty(),
            "quoted container number");
        assertFalse(JsonContract.problems("{\"exit\":\"0\",\"changed\":false}").isEmpty(), "quoted exit");
        assertFalse(JsonContract.problems("{\"exit\":0,\"changed\":false,\"error\":\"x\"}").isEmpty(), "error with exit 0");
        assertTrue(JsonContract.problems("{\"exit\":0,\"changed\":false,\"result\":{\"rows\":[{\"ct\":101}]}}").isEmpty());
    }
}
