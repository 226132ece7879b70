package io.gridsteward.dynamodb.emulator.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridsteward.dynamodb.emulator.value.AttributeValue;
import io.gridsteward.dynamodb.emulator.wire.ItemCodec;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The members of one JSON request object, read with the service's type checks. Creating it rejects every member the
 * operation does not support, so that no parameter is ever silently ignored.
 */
public final class Parameters {
    private static final Map<String, String> LEGACY = Map.of(
            "Expected", "ConditionExpression",
            "AttributesToGet", "ProjectionExpression",
            "KeyConditions", "KeyConditionExpression",
            "QueryFilter", "FilterExpression",
            "ScanFilter", "FilterExpression",
            "AttributeUpdates", "UpdateExpression",
            "ConditionalOperator", "ConditionExpression or FilterExpression");

    private final ObjectNode node;
    private final String context;

    private Parameters(ObjectNode node, String context) {
        this.node = node;
        this.context = context;
    }

    /** The member names shared by several operations plus those of one of them. */
    public static Set<String> names(Set<String> common, String... more) {
        Set<String> all = new HashSet<>(common);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }

    public static Parameters of(JsonNode node, String context, Set<String> supported) {
        if (node == null || !node.isObject()) {
            throw ApiException.serialization("Expected a JSON object for " + context);
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (supported.contains(name)) {
                continue;
            }
            String replacement = LEGACY.get(name);
            if (replacement != null) {
                throw ApiException.validation("The legacy parameter " + name + " is not supported by this emulator ("
                        + context + "); use " + replacement + " instead");
            }
            throw ApiException.validation(
                    "The parameter " + name + " is not supported by this emulator (" + context + ")");
        }
        return new Parameters((ObjectNode) node, context);
    }

    public boolean has(String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    public JsonNode node(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    public String requiredString(String name) {
        return string(name)
                .orElseThrow(() -> ApiException.validation("1 validation error detected: Value null at '"
                        + lowerFirst(name) + "' failed to satisfy constraint: Member must not be null"));
    }

    public Optional<String> string(String name) {
        JsonNode value = node(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw ApiException.serialization("Expected a string for " + name + " in " + context);
        }
        return Optional.of(value.textValue());
    }

    public Optional<Boolean> bool(String name) {
        JsonNode value = node(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw ApiException.serialization("Expected a boolean for " + name + " in " + context);
        }
        return Optional.of(value.booleanValue());
    }

    public OptionalInt integer(String name) {
        JsonNode value = node(name);
        if (value == null) {
            return OptionalInt.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw ApiException.serialization("Expected an integer for " + name + " in " + context);
        }
        return OptionalInt.of(value.intValue());
    }

    /** An integer parameter that must lie between {@code minimum} and {@code maximum}; the default when absent. */
    public int integerBetween(String name, int defaultValue, int minimum, int maximum) {
        int value = integer(name).orElse(defaultValue);
        if (value < minimum || value > maximum) {
            throw ApiException.validation("1 validation error detected: Value '" + value + "' at '" + lowerFirst(name)
                    + "' failed to satisfy constraint: Member must have value between " + minimum + " and " + maximum);
        }
        return value;
    }

    public Optional<Long> longInteger(String name) {
        JsonNode value = node(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw ApiException.serialization("Expected an integer for " + name + " in " + context);
        }
        return Optional.of(value.longValue());
    }

    public Map<String, AttributeValue> item(String name) {
        JsonNode value = node(name);
        return value == null ? Map.of() : ItemCodec.decodeItem(value);
    }

    public Map<String, String> stringMap(String name) {
        JsonNode value = node(name);
        if (value == null) {
            return Map.of();
        }
        if (!value.isObject()) {
            throw ApiException.serialization("Expected an object for " + name + " in " + context);
        }
        Map<String, String> result = new LinkedHashMap<>();
        value.fields().forEachRemaining(entry -> {
            if (!entry.getValue().isTextual()) {
                throw ApiException.serialization("Expected string values in " + name);
            }
            result.put(entry.getKey(), entry.getValue().textValue());
        });
        return result;
    }

    public Parameters object(String name, Set<String> supported) {
        JsonNode value = node(name);
        return value == null ? null : of(value, name, supported);
    }

    /** Checks an enumerated string parameter; returns its value or the default. */
    public String choice(String name, String defaultValue, Set<String> allowed) {
        Optional<String> value = string(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        if (!allowed.contains(value.get())) {
            throw ApiException.validation(
                    "1 validation error detected: Value '" + value.get() + "' at '" + lowerFirst(name)
                            + "' failed to satisfy constraint: Member must satisfy enum value set: " + allowed);
        }
        return value.get();
    }

    private static String lowerFirst(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
