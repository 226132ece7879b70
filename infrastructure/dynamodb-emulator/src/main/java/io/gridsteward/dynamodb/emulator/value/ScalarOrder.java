package io.gridsteward.dynamodb.emulator.value;

import java.util.Comparator;

/**
 * DynamoDB's order of scalar values, used for sort keys and comparison operators: numbers numerically,
 * strings by their UTF-8 bytes (unsigned), binaries by unsigned bytes. Values of different types do not compare.
 */
public final class ScalarOrder {
    public static final Comparator<AttributeValue> SAME_TYPE = ScalarOrder::compare;

    private ScalarOrder() {}

    public static boolean comparable(AttributeValue left, AttributeValue right) {
        return switch (left) {
            case AttributeValue.StringValue string -> right instanceof AttributeValue.StringValue;
            case AttributeValue.NumberValue number -> right instanceof AttributeValue.NumberValue;
            case AttributeValue.BinaryValue binary -> right instanceof AttributeValue.BinaryValue;
            default -> false;
        };
    }

    /**
     * The order of the strings' UTF-8 bytes, which is the order of their code points, without encoding them: UTF-16
     * order differs only where a surrogate meets a unit from U+E000 up, which the adjustment puts right.
     */
    private static int compareUtf8(String left, String right) {
        int common = Math.min(left.length(), right.length());
        for (int index = 0; index < common; index++) {
            char leftUnit = left.charAt(index);
            char rightUnit = right.charAt(index);
            if (leftUnit != rightUnit) {
                if (leftUnit >= 0xD800 && rightUnit >= 0xD800) {
                    return Integer.compare(codePointRank(leftUnit), codePointRank(rightUnit));
                }
                return Character.compare(leftUnit, rightUnit);
            }
        }
        return Integer.compare(left.length(), right.length());
    }

    private static int codePointRank(char unit) {
        return unit >= 0xE000 ? unit - 0x800 : unit + 0x2000;
    }

    /** Compares two scalars of the same type; callers check {@link #comparable} first. */
    public static int compare(AttributeValue left, AttributeValue right) {
        return switch (left) {
            case AttributeValue.StringValue(String value) ->
                compareUtf8(value, ((AttributeValue.StringValue) right).value());
            case AttributeValue.NumberValue(var value) -> value.compareTo(((AttributeValue.NumberValue) right).value());
            case AttributeValue.BinaryValue(Bytes value) ->
                value.compareTo(((AttributeValue.BinaryValue) right).value());
            default -> throw new IllegalArgumentException("not a scalar: " + left.typeDescriptor());
        };
    }
}
