package dev.vzbridge.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The --json contract as documented: the schema is read from docs/json.md (between
 * its schema markers), so the document and the tests cannot drift apart.
 *
 * <pre>{@code
 * List<JsonNode> envelopes = JsonContract.envelopes(result.stdout()); // fails unless every line is valid
 * }</pre>
 */
public final class JsonContract {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static Schema schema;

    private JsonContract() {
    }

    /** docs/json.md of this source tree, found from the module's directory upwards. */
    public static Path document() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path doc = d.resolve("docs/json.md");
            if (Files.isRegularFile(doc)) return doc;
        }
        throw new IllegalStateException("docs/json.md not found above " + dir);
    }

    public static synchronized Schema schema() {
        if (schema == null) {
            try {
                String text = Files.readString(document());
                int begin = text.indexOf("```json", text.indexOf("<!-- schema:begin -->"));
                int end = text.indexOf("```", begin + 7);
                if (begin < 0 || end < 0) throw new IllegalStateException("no schema block in docs/json.md");
                JsonNode node = MAPPER.readTree(text.substring(begin + 7, end));
                schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(node);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return schema;
    }

    /** Problems of one JSON text against the schema; empty when it holds. */
    public static List<String> problems(String json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
        List<String> out = new ArrayList<>();
        for (Error e : schema().validate(node)) out.add(e.getInstanceLocation() + ": " + e.getMessage());
        return out;
    }

    /**
     * Every line of a command's stdout, each checked against the schema.
     *
     * @throws AssertionError naming the line and what is wrong with it
     */
    public static List<JsonNode> envelopes(String stdout) {
        List<JsonNode> out = new ArrayList<>();
        for (String line : stdout.split("\n")) {
            if (line.isBlank()) continue;
            List<String> problems = problems(line);
            if (!problems.isEmpty()) throw new AssertionError("--json output breaks docs/json.md: " + problems + "\n" + line);
            try {
                out.add(MAPPER.readTree(line));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
        return out;
    }

    /** Exactly one valid envelope. */
    public static JsonNode envelope(String stdout) {
        List<JsonNode> all = envelopes(stdout);
        if (all.size() != 1) throw new AssertionError("expected one JSON envelope, got " + all.size() + ":\n" + stdout);
        return all.get(0);
    }
}
