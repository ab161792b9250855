package dev.vzbridge.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one JSON object every command prints under {@code --json}, success or error
 * (docs/json.md holds its schema): {@code exit} and {@code changed} always;
 * {@code result} (an object) or {@code error}; {@code txid}, {@code state},
 * {@code summary}, {@code details} and {@code plan} when a transaction is involved.
 */
public final class Envelope {
    /** Keys whose values are container IDs: numeric IDs are written as numbers. */
    private static final Set<String> CT_KEYS = Set.of("ct", "ctid", "container", "containers");

    private final ObjectNode node = Json.MAPPER.createObjectNode();

    private Envelope(int exit, boolean changed) {
        node.put("exit", exit);
        node.put("changed", changed);
    }

    public static Envelope of(int exit, boolean changed) {
        return new Envelope(exit, changed);
    }

    /** A command's data; a list becomes {@code {"items": […]}}, a scalar {@code {"value": …}}. */
    public Envelope result(Object data) {
        if (data == null) return this;
        JsonNode tree = Json.MAPPER.valueToTree(data);
        if (tree.isArray()) tree = Json.MAPPER.createObjectNode().set("items", tree);
        else if (!tree.isObject()) tree = Json.MAPPER.createObjectNode().set("value", tree);
        node.set("result", numericIds(tree));
        return this;
    }

    public Envelope error(String message) {
        node.put("error", message);
        return this;
    }

    public Envelope transaction(String txid, String state) {
        if (txid != null) node.put("txid", txid);
        if (state != null) node.put("state", state);
        return this;
    }

    public Envelope summary(String summary, List<String> details) {
        if (summary != null) node.put("summary", summary);
        if (details != null && !details.isEmpty()) node.set("details", Json.MAPPER.valueToTree(details));
        return this;
    }

    /** The plan as a tree (the journal's form of it). */
    public Envelope plan(JsonNode plan) {
        if (plan != null) node.set("plan", numericIds(plan.deepCopy()));
        return this;
    }

    public ObjectNode tree() {
        return node;
    }

    /** One line of JSON. */
    public String json() {
        return Json.write(node);
    }

    /** Prints the envelope as one line and flushes. */
    public void print(java.io.PrintWriter out) {
        out.println(json());
        out.flush();
    }

    private static JsonNode numericIds(JsonNode tree) {
        if (tree instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                JsonNode value = field.getValue();
                if (CT_KEYS.contains(field.getKey())) value = asNumber(value);
                field.setValue(numericIds(value));
            }
        } else if (tree instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) array.set(i, numericIds(array.get(i)));
        }
        return tree;
    }

    private static JsonNode asNumber(JsonNode value) {
        if (value.isTextual() && value.asText().matches("[0-9]{1,9}"))
            return Json.MAPPER.getNodeFactory().numberNode(Integer.parseInt(value.asText()));
        if (value instanceof ArrayNode array) {
            ArrayNode out = Json.MAPPER.createArrayNode();
            array.forEach(v -> out.add(asNumber(v)));
            return out;
        }
        return value;
    }
}
