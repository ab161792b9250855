package dev.vzbridge.engine.journal;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** JSON for journal lines: record components only (derived getters such as isEmpty() stay out). */
public final class JournalJson {
    static final ObjectMapper MAPPER = JsonMapper.builder()
        .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
        .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .addModule(PlanJson.module())
        .build();

    private JournalJson() {
    }

    public static String write(JournalRecord r) {
        try {
            return MAPPER.writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write journal record: " + e.getMessage(), e);
        }
    }

    /** Any value (a plan, a snapshot) in the journal's form. */
    static String writeValue(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    /** Any value in the journal's form, as a tree (the plan in a JSON envelope). */
    public static com.fasterxml.jackson.databind.JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    static JournalRecord read(String line) throws JsonProcessingException {
        return MAPPER.readValue(line, JournalRecord.class);
    }
}
