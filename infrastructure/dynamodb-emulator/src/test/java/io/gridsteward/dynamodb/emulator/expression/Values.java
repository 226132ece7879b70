package io.gridsteward.dynamodb.emulator.expression;

import io.gridsteward.dynamodb.emulator.value.AttributeValue;
import io.gridsteward.dynamodb.emulator.value.Bytes;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Short constructors of attribute values and items for the expression tests. */
final class Values {
    private Values() {}

    static AttributeValue s(String value) {
        return new AttributeValue.StringValue(value);
    }

    static AttributeValue n(String value) {
        return new AttributeValue.NumberValue(new BigDecimal(value));
    }

    static AttributeValue b(int... bytes) {
        byte[] content = new byte[bytes.length];
        for (int index = 0; index < bytes.length; index++) {
            content[index] = (byte) bytes[index];
        }
        return new AttributeValue.BinaryValue(new Bytes(content));
    }

    static AttributeValue ss(String... values) {
        return new AttributeValue.StringSetValue(Set.of(values));
    }

    static AttributeValue ns(String... values) {
        return new AttributeValue.NumberSetValue(
                Arrays.stream(values).map(BigDecimal::new).collect(Collectors.toSet()));
    }

    static AttributeValue bool(boolean value) {
        return new AttributeValue.BooleanValue(value);
    }

    static AttributeValue nul() {
        return new AttributeValue.NullValue();
    }

    static AttributeValue list(AttributeValue... values) {
        return new AttributeValue.ListValue(List.of(values));
    }

    static AttributeValue map(Object... namesAndValues) {
        return new AttributeValue.MapValue(item(namesAndValues));
    }

    /** An item from alternating names and values. */
    static Map<String, AttributeValue> item(Object... namesAndValues) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (int index = 0; index < namesAndValues.length; index += 2) {
            item.put((String) namesAndValues[index], (AttributeValue) namesAndValues[index + 1]);
        }
        return item;
    }

    static ExpressionAttributes names(String... placeholdersAndNames) {
        Map<String, String> names = new LinkedHashMap<>();
        for (int index = 0; index < placeholdersAndNames.length; index += 2) {
            names.put(placeholdersAndNames[index], placeholdersAndNames[index + 1]);
        }
        return new ExpressionAttributes(names, Map.of());
    }

    static ExpressionAttributes attributes(Map<String, String> names, Object... placeholdersAndValues) {
        return new ExpressionAttributes(names, item(placeholdersAndValues));
    }

    static ExpressionAttributes values(Object... placeholdersAndValues) {
        return new ExpressionAttributes(Map.of(), item(placeholdersAndValues));
    }
}
