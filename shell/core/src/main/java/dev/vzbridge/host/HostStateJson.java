package dev.vzbridge.host;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vzbridge.api.host.HostState;

/**
 * HostState as JSON: record components only. (Derived getters would clash:
 * Link.isBridge() would replace the bridge settings with a boolean.)
 */
public final class HostStateJson {
    static final ObjectMapper MAPPER = JsonMapper.builder()
        .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
        .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();

    private HostStateJson() {
    }

    public static JsonNode tree(HostState h) {
        return MAPPER.valueToTree(h);
    }

    public static HostState read(String json) {
        try {
            return MAPPER.readValue(json, HostState.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not a host state: " + e.getOriginalMessage(), e);
        }
    }
}
