package io.gridsteward.local.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The event-source mapping's {@code FilterCriteria}: a record goes to the function if any pattern matches it.
 * Supports the part of Lambda's pattern syntax the template uses: nested objects, and lists of exact values
 * ({@code {"eventName": ["INSERT"], "dynamodb": {"NewImage": {"entity": {"S": ["TicketEvent"]}}}}}).
 * No patterns means every record passes.
 */
public final class EventFilter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<JsonNode> patterns;

    private EventFilter(List<JsonNode> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    public static EventFilter of(List<String> patterns) {
        return new EventFilter(patterns.stream().map(EventFilter::parse).toList());
    }

    public static EventFilter acceptingEverything() {
        return new EventFilter(List.of());
    }

    public boolean accepts(JsonNode record) {
        return patterns.isEmpty() || patterns.stream().anyMatch(pattern -> matches(pattern, record));
    }

    private static boolean matches(JsonNode pattern, JsonNode value) {
        if (pattern.isObject()) {
            for (Map.Entry<String, JsonNode> field : pattern.properties()) {
                if (!matches(field.getValue(), value == null ? null : value.get(field.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (pattern.isArray()) {
            if (value == null || value.isContainerNode()) {
                return false;
            }
            for (JsonNode allowed : pattern) {
                if (allowed.isValueNode()
                        && allowed.asText().equals(value.asText())
                        && allowed.isNumber() == value.isNumber()) {
                    return true;
                }
            }
            return false;
        }
        throw new IllegalArgumentException(
                "unsupported filter pattern element " + pattern + ": use objects and lists of exact values");
    }

    private static JsonNode parse(String pattern) {
        try {
            JsonNode parsed = JSON.readTree(pattern);
            if (parsed == null || !parsed.isObject()) {
                throw new IllegalArgumentException("a filter pattern must be a JSON object: " + pattern);
            }
            return parsed;
        } catch (IOException malformed) {
            throw new UncheckedIOException("a filter pattern is not JSON: " + pattern, malformed);
        }
    }
}
