package io.gridsteward.dynamodb.emulator.wire;

import io.gridsteward.dynamodb.emulator.value.AttributeValue;
import java.math.BigDecimal;
import java.util.Map;

/** DynamoDB's item size: for each attribute the UTF-8 length of its name plus the size of its value. */
public final class ItemSize {
    public static final int MAXIMUM_ITEM_BYTES = 400 * 1024;

    private ItemSize() {}

    public static long of(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            size += utf8Length(attribute.getKey()) + of(attribute.getValue());
        }
        return size;
    }

    public static long of(AttributeValue value) {
        return switch (value) {
            case AttributeValue.StringValue string -> utf8Length(string.value());
            case AttributeValue.NumberValue number -> numberSize(number.value());
            case AttributeValue.BinaryValue binary -> binary.value().length();
            case AttributeValue.StringSetValue strings ->
                strings.values().stream().mapToLong(ItemSize::utf8Length).sum();
            case AttributeValue.NumberSetValue numbers ->
                numbers.values().stream().mapToLong(ItemSize::numberSize).sum();
            case AttributeValue.BinarySetValue binaries ->
                binaries.values().stream().mapToLong(bytes -> bytes.length()).sum();
            case AttributeValue.MapValue map -> 3 + map.values().size() + of(map.values());
            case AttributeValue.ListValue list ->
                3
                        + list.values().size()
                        + list.values().stream().mapToLong(ItemSize::of).sum();
            case AttributeValue.NullValue nothing -> 1;
            case AttributeValue.BooleanValue bool -> 1;
        };
    }

    /** One byte per two significant digits, plus one. */
    private static long numberSize(BigDecimal number) {
        return (number.precision() + 1) / 2 + 1;
    }

    public static long utf8Length(String text) {
        long length = 0;
        for (int index = 0; index < text.length(); index++) {
            char character = text.charAt(index);
            if (character < 0x80) {
                length += 1;
            } else if (character < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(character)) {
                length += 4;
                index++;
            } else {
                length += 3;
            }
        }
        return length;
    }
}
