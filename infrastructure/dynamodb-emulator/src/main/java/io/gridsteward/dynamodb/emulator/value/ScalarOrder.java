package io.gridsteward.dynamodb.emulator.value;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

/**
 * DynamoDB's order of scalar values, used for sort keys and comparison operators: numbers numerically,
 * strings by their UTF-8 bytes (unsigned), binaries by unsigned bytes. Values of different types do not compare.
 */
public final class ScalarOrder
{
    public static final Comparator<AttributeValue> SAME_TYPE = ScalarOrder::compare;

    private ScalarOrder() {}

    public static boolean comparable(AttributeValue left, AttributeValue right)
    {
        return switch (left) {
            case AttributeValue.StringValue string -> right instanceof AttributeValue.StringValue;
            case AttributeValue.NumberValue number -> right instanceof AttributeValue.NumberValue;
            case AttributeValue.BinaryValue binary -> right instanceof AttributeValue.BinaryValue;
            default -> false;
        };
    }

    /** Compares two scalars of the same type; callers check {@link #comparable} first. */
    public static int compare(AttributeValue left, AttributeValue right)
    {
        return switch (left) {
            case AttributeValue.StringValue(String value) -> Arrays.compareUnsigned(
                    value.getBytes(StandardCharsets.UTF_8),
                    ((AttributeValue.StringValue) right).value().getBytes(StandardCharsets.UTF_8));
            case AttributeValue.NumberValue(var value) -> value.compareTo(((AttributeValue.NumberValue) right).value());
            case AttributeValue.BinaryValue(Bytes value) -> value.compareTo(((AttributeValue.BinaryValue) right).value());
            default -> throw new IllegalArgumentException("not a scalar: " + left.typeDescriptor());
        };
    }
}
