package dev.vzbridge.engine.journal;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vzbridge.api.host.HostState;
import dev.vzbridge.api.plan.Plan;

import java.util.List;
import java.util.Map;

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

    /**
     * Writes and reads back records of the kinds a transaction starts with, {@code plan}'s
     * among them, and forgets them: Jackson builds each type's serializer on first use,
     * a few tenths of a second that are better spent while the shell waits for probes.
     */
    public static void warmUp(Plan plan) {
        try {
            List<JournalRecord> records = List.of(
                new JournalRecord.Header("warm-up", "", "", null, "", List.of(), "/", null, "none", "ct{id}", "auto", 0),
                new JournalRecord.PlanRecord(plan),
                new JournalRecord.SnapshotRecord("before", new Snapshot(HostState.empty(), Map.of("/x", Snapshot.ABSENT))),
                new JournalRecord.Batch(List.of(new TxLog.StepRef(0, 0)), ""),
                new JournalRecord.Begin(0, 0, "", null), new JournalRecord.Done(0, 0),
                JournalRecord.State.of(TxState.APPLYING, null, null));
            for (JournalRecord r : records) read(write(r));
        } catch (JsonProcessingException | RuntimeException e) {
            // Only time was at stake: the transaction builds what it needs itself.
        }
    }

    static JournalRecord read(String line) throws JsonProcessingException {
        return MAPPER.readValue(line, JournalRecord.class);
    }
}
