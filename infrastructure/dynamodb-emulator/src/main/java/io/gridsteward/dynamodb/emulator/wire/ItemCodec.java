package io.gridsteward.dynamodb.emulator.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridsteward.dynamodb.emulator.server.ApiException;
import io.gridsteward.dynamodb.emulator.value.AttributeValue;
import io.gridsteward.dynamodb.emulator.value.Bytes;
import io.gridsteward.dynamodb.emulator.value.Numbers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The JSON wire form of attribute values and items, validated as DynamoDB validates them. */
public final class ItemCodec {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAXIMUM_NESTING = 32;

    private ItemCodec() {}

    public static Map<String, AttributeValue> decodeItem(JsonNode node) {
        return decodeItem(node, 0);
    }

    private static Map<String, AttributeValue> decodeItem(JsonNode node, int depth) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw ApiException.serialization("Expected an object of attribute values");
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            item.put(field.getKey(), decodeValue(field.getValue(), depth));
        }
        return Collections.unmodifiableMap(item);
    }

    public static AttributeValue decodeValue(JsonNode node) {
        return decodeValue(node, 0);
    }

    private static AttributeValue decodeValue(JsonNode node, int depth) {
        if (depth > MAXIMUM_NESTING) {
            throw ApiException.validation("Nesting Levels have exceeded supported limits");
        }
        if (node == null || !node.isObject()) {
            throw ApiException.serialization("Expected an attribute value object");
        }
        if (node.isEmpty()) {
            throw ApiException.validation(
                    "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        }
        if (node.size() > 1) {
            throw ApiException.validation(
                    "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
        }
        Map.Entry<String, JsonNode> only = node.fields().next();
        JsonNode content = only.getValue();
        return switch (only.getKey()) {
            case "S" -> new AttributeValue.StringValue(text(content, "S"));
            case "N" -> new AttributeValue.NumberValue(NumberParser.parse(text(content, "N")));
            case "B" -> new AttributeValue.BinaryValue(binary(content));
            case "SS" -> new AttributeValue.StringSetValue(set(content, "string", element -> text(element, "SS")));
            case "NS" ->
                new AttributeValue.NumberSetValue(
                        set(content, "number", element -> NumberParser.parse(text(element, "NS"))));
            case "BS" -> new AttributeValue.BinarySetValue(set(content, "binary", ItemCodec::binary));
            case "M" -> {
                if (!content.isObject()) {
                    throw ApiException.serialization("M must be an object");
                }
                yield new AttributeValue.MapValue(decodeItem(content, depth + 1));
            }
            case "L" -> {
                if (!content.isArray()) {
                    throw ApiException.serialization("L must be an array");
                }
                List<AttributeValue> values = new ArrayList<>(content.size());
                content.forEach(element -> values.add(decodeValue(element, depth + 1)));
                yield new AttributeValue.ListValue(values);
            }
            case "NULL" -> {
                if (!content.isBoolean()) {
                    throw ApiException.serialization("NULL must be a boolean");
                }
                if (!content.booleanValue()) {
                    throw ApiException.validation(
                            "One or more parameter values were invalid: Null attribute value types must have the value of true");
                }
                yield new AttributeValue.NullValue();
            }
            case "BOOL" -> {
                if (!content.isBoolean()) {
                    throw ApiException.serialization("BOOL must be a boolean");
                }
                yield new AttributeValue.BooleanValue(content.booleanValue());
            }
            default ->
                throw ApiException.validation("Supplied AttributeValue has an unknown datatype: " + only.getKey());
        };
    }

    private static String text(JsonNode node, String type) {
        if (!node.isTextual()) {
            throw ApiException.serialization("Expected a string for " + type);
        }
        return node.textValue();
    }

    private static Bytes binary(JsonNode node) {
        try {
            return Bytes.fromBase64(text(node, "B"));
        } catch (IllegalArgumentException invalid) {
            throw ApiException.serialization("Base64 encoded binary value is invalid");
        }
    }

    private static <T> Set<T> set(JsonNode node, String kind, Function<JsonNode, T> element) {
        if (!node.isArray()) {
            throw ApiException.serialization("A set must be an array");
        }
        if (node.isEmpty()) {
            throw ApiException.validation(
                    "One or more parameter values were invalid: An " + kind + " set  may not be empty");
        }
        Set<T> values = new LinkedHashSet<>();
        List<String> texts = new ArrayList<>();
        for (JsonNode member : node) {
            texts.add(member.asText());
            if (!values.add(element.apply(member))) {
                throw ApiException.validation("One or more parameter values were invalid: Input collection " + texts
                        + " contains duplicates.");
            }
        }
        return values;
    }

    public static ObjectNode encodeItem(Map<String, AttributeValue> item) {
        ObjectNode node = NODES.objectNode();
        item.forEach((name, value) -> node.set(name, encodeValue(value)));
        return node;
    }

    public static ObjectNode encodeValue(AttributeValue value) {
        ObjectNode node = NODES.objectNode();
        switch (value) {
            case AttributeValue.StringValue string -> node.put("S", string.value());
            case AttributeValue.NumberValue number -> node.put("N", Numbers.toWire(number.value()));
            case AttributeValue.BinaryValue binary ->
                node.put("B", binary.value().toBase64());
            case AttributeValue.StringSetValue strings -> {
                ArrayNode array = node.putArray("SS");
                strings.values().forEach(array::add);
            }
            case AttributeValue.NumberSetValue numbers -> {
                ArrayNode array = node.putArray("NS");
                for (BigDecimal number : numbers.values()) {
                    array.add(Numbers.toWire(number));
                }
            }
            case AttributeValue.BinarySetValue binaries -> {
                ArrayNode array = node.putArray("BS");
                binaries.values().forEach(bytes -> array.add(bytes.toBase64()));
            }
            case AttributeValue.MapValue map -> node.set("M", encodeItem(map.values()));
            case AttributeValue.ListValue list -> {
                ArrayNode array = node.putArray("L");
                list.values().forEach(element -> array.add(encodeValue(element)));
            }
            case AttributeValue.NullValue nothing -> node.put("NULL", true);
            case AttributeValue.BooleanValue bool -> node.put("BOOL", bool.value());
        }
        return node;
    }
}
