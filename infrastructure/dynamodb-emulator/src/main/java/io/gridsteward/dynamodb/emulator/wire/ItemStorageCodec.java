package io.gridsteward.dynamodb.emulator.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.gridsteward.dynamodb.emulator.value.AttributeValue;
import io.gridsteward.dynamodb.emulator.value.Bytes;
import io.gridsteward.dynamodb.emulator.value.Numbers;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Items in the snapshot, read and written with Jackson's streaming parser and generator: the same JSON as the wire
 * form ({@link ItemCodec}), without building a tree first, which was most of a large snapshot's load time. What it
 * reads was checked when it was written, so the service's validation is not repeated; text that is not a stored item
 * is an IOException.
 */
public final class ItemStorageCodec {
    private ItemStorageCodec() {}

    /** Reads the item object at the parser's current token (START_OBJECT); the parser is left on its END_OBJECT. */
    public static Map<String, AttributeValue> readItem(JsonParser parser) throws IOException {
        expect(parser, JsonToken.START_OBJECT);
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            item.put(name, readValue(parser));
        }
        expect(parser, JsonToken.END_OBJECT);
        return Collections.unmodifiableMap(item);
    }

    /** Reads a whole item document, as {@link EncodedItem} keeps it. */
    public static Map<String, AttributeValue> readItem(byte[] text) throws IOException {
        try (JsonParser parser = JsonText.parser(text)) {
            parser.nextToken();
            return readItem(parser);
        }
    }

    private static AttributeValue readValue(JsonParser parser) throws IOException {
        expect(parser, JsonToken.START_OBJECT);
        if (parser.nextToken() != JsonToken.FIELD_NAME) {
            throw new JsonParseException(parser, "An attribute value without a type");
        }
        String type = parser.currentName();
        parser.nextToken();
        AttributeValue value = switch (type) {
            case "S" -> new AttributeValue.StringValue(text(parser));
            case "N" -> new AttributeValue.NumberValue(new BigDecimal(text(parser)));
            case "B" -> new AttributeValue.BinaryValue(Bytes.fromBase64(text(parser)));
            case "SS" -> {
                Set<String> values = new LinkedHashSet<>();
                for (String member : texts(parser)) {
                    values.add(member);
                }
                yield new AttributeValue.StringSetValue(values);
            }
            case "NS" -> {
                Set<BigDecimal> values = new LinkedHashSet<>();
                for (String member : texts(parser)) {
                    values.add(new BigDecimal(member));
                }
                yield new AttributeValue.NumberSetValue(values);
            }
            case "BS" -> {
                Set<Bytes> values = new LinkedHashSet<>();
                for (String member : texts(parser)) {
                    values.add(Bytes.fromBase64(member));
                }
                yield new AttributeValue.BinarySetValue(values);
            }
            case "M" -> new AttributeValue.MapValue(readItem(parser));
            case "L" -> {
                expect(parser, JsonToken.START_ARRAY);
                List<AttributeValue> values = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    values.add(readValue(parser));
                }
                yield new AttributeValue.ListValue(values);
            }
            case "NULL" -> {
                parser.getBooleanValue();
                yield new AttributeValue.NullValue();
            }
            case "BOOL" -> new AttributeValue.BooleanValue(parser.getBooleanValue());
            default -> throw new JsonParseException(parser, "Unknown attribute value type " + type);
        };
        if (parser.nextToken() != JsonToken.END_OBJECT) {
            throw new JsonParseException(parser, "An attribute value with more than one type");
        }
        return value;
    }

    private static String text(JsonParser parser) throws IOException {
        expect(parser, JsonToken.VALUE_STRING);
        return parser.getText();
    }

    private static List<String> texts(JsonParser parser) throws IOException {
        expect(parser, JsonToken.START_ARRAY);
        List<String> texts = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            texts.add(text(parser));
        }
        return texts;
    }

    private static void expect(JsonParser parser, JsonToken token) throws IOException {
        if (parser.currentToken() != token) {
            throw new JsonParseException(parser, "Expected " + token + " but found " + parser.currentToken());
        }
    }

    /** Writes an item as one JSON object; an {@link EncodedItem} never decoded is copied as it was read. */
    public static void writeItem(JsonGenerator generator, Map<String, AttributeValue> item) throws IOException {
        if (item instanceof EncodedItem encoded && !encoded.decoded()) {
            generator.writeRawValue(encoded.text());
            return;
        }
        generator.writeStartObject();
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            generator.writeFieldName(attribute.getKey());
            writeValue(generator, attribute.getValue());
        }
        generator.writeEndObject();
    }

    private static void writeValue(JsonGenerator generator, AttributeValue value) throws IOException {
        generator.writeStartObject();
        generator.writeFieldName(value.typeDescriptor());
        switch (value) {
            case AttributeValue.StringValue string -> generator.writeString(string.value());
            case AttributeValue.NumberValue number -> generator.writeString(Numbers.toWire(number.value()));
            case AttributeValue.BinaryValue binary ->
                generator.writeString(binary.value().toBase64());
            case AttributeValue.StringSetValue strings -> {
                generator.writeStartArray();
                for (String member : strings.values()) {
                    generator.writeString(member);
                }
                generator.writeEndArray();
            }
            case AttributeValue.NumberSetValue numbers -> {
                generator.writeStartArray();
                for (BigDecimal member : numbers.values()) {
                    generator.writeString(Numbers.toWire(member));
                }
                generator.writeEndArray();
            }
            case AttributeValue.BinarySetValue binaries -> {
                generator.writeStartArray();
                for (Bytes member : binaries.values()) {
                    generator.writeString(member.toBase64());
                }
                generator.writeEndArray();
            }
            case AttributeValue.MapValue map -> writeItem(generator, map.values());
            case AttributeValue.ListValue list -> {
                generator.writeStartArray();
                for (AttributeValue element : list.values()) {
                    writeValue(generator, element);
                }
                generator.writeEndArray();
            }
            case AttributeValue.NullValue nothing -> generator.writeBoolean(true);
            case AttributeValue.BooleanValue bool -> generator.writeBoolean(bool.value());
        }
        generator.writeEndObject();
    }
}
