package io.gridsteward.dynamodb.emulator.expression;

import io.gridsteward.dynamodb.emulator.value.AttributeValue;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * CONTRACT between the server and the expression package. Each parse method validates the expression
 * (syntax, reserved words, missing names/values, overlapping or conflicting paths) and throws
 * {@link ExpressionException} with DynamoDB's message wording where it can.
 * Items are {@code Map<String, AttributeValue>} (top-level attributes).
 */
public final class Expressions
{
    private Expressions() {}

    /** ConditionExpression and FilterExpression. */
    public static Condition parseCondition(String expression, ExpressionAttributes attributes)
    {
        throw new UnsupportedOperationException("to be implemented by the expression package");
    }

    public static Update parseUpdate(String expression, ExpressionAttributes attributes)
    {
        throw new UnsupportedOperationException("to be implemented by the expression package");
    }

    public static Projection parseProjection(String expression, ExpressionAttributes attributes)
    {
        throw new UnsupportedOperationException("to be implemented by the expression package");
    }

    /** KeyConditionExpression against a table's or index's key schema; rangeKey empty for hash-only keys. */
    public static KeyCondition parseKeyCondition(String expression, ExpressionAttributes attributes, String hashKey, Optional<String> rangeKey)
    {
        throw new UnsupportedOperationException("to be implemented by the expression package");
    }

    public interface Condition
    {
        /** Throws nothing for type mismatches: a comparison of different types is simply false, as in DynamoDB. */
        boolean test(Map<String, AttributeValue> item);
    }

    public interface Update
    {
        /** Returns the new item (the input is not modified); throws ExpressionException for e.g. adding a number to a string. */
        Map<String, AttributeValue> apply(Map<String, AttributeValue> item);

        /** Top-level attribute names the update writes or removes (used for key-attribute checks and UPDATED_* return values). */
        Set<String> touchedAttributes();
    }

    public interface Projection
    {
        Map<String, AttributeValue> project(Map<String, AttributeValue> item);
    }

    /** hash key equality plus an optional sort-key condition. */
    public record KeyCondition(String hashKeyName, AttributeValue hashKeyValue, Optional<SortKeyCondition> sortKeyCondition) {}

    /** {@code upperBound} is present only for BETWEEN. */
    public record SortKeyCondition(String attributeName, Operator operator, AttributeValue value, Optional<AttributeValue> upperBound)
    {
        public enum Operator { EQUAL, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL, BETWEEN, BEGINS_WITH }
    }
}
