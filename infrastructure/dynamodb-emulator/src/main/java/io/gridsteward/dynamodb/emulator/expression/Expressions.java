package io.gridsteward.dynamodb.emulator.expression;

import io.gridsteward.dynamodb.emulator.value.AttributeValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * CONTRACT between the server and the expression package. Each parse method validates the expression
 * (syntax, reserved words, missing names/values, overlapping or conflicting paths) and throws
 * {@link ExpressionException} with DynamoDB's message wording where it can.
 * Items are {@code Map<String, AttributeValue>} (top-level attributes).
 */
public final class Expressions {
    private Expressions() {}

    /** ConditionExpression; messages start "Invalid ConditionExpression: ". */
    public static Condition parseCondition(String expression, ExpressionAttributes attributes) {
        return parseCondition(expression, attributes, ExpressionKind.CONDITION.parameterName());
    }

    /**
     * ConditionExpression or FilterExpression, named by {@code parameterName} ("ConditionExpression" or
     * "FilterExpression") at the start of every validation message, e.g. "Invalid FilterExpression: Syntax error; ...".
     */
    public static Condition parseCondition(String expression, ExpressionAttributes attributes, String parameterName) {
        return ConditionParser.parse(ExpressionKind.ofConditionParameter(parameterName), expression, attributes);
    }

    /** Messages start "Invalid UpdateExpression: "; {@link Update#apply} throws DynamoDB's unprefixed run-time messages. */
    public static Update parseUpdate(String expression, ExpressionAttributes attributes) {
        return new ParsedUpdate(UpdateParser.parse(expression, attributes));
    }

    /** Messages start "Invalid ProjectionExpression: ". */
    public static Projection parseProjection(String expression, ExpressionAttributes attributes) {
        return new PathProjection(ProjectionParser.parse(expression, attributes));
    }

    /**
     * KeyConditionExpression against a table's or index's key schema; rangeKey empty for hash-only keys.
     * Messages start "Invalid KeyConditionExpression: ", except DynamoDB's unprefixed "Query key condition not supported"
     * and "Query condition missed key schema element: pk". Checking the values' types against the key schema is the
     * caller's job (it knows the attribute definitions).
     */
    public static KeyCondition parseKeyCondition(
            String expression, ExpressionAttributes attributes, String hashKey, Optional<String> rangeKey) {
        ParsedCondition condition = ConditionParser.parse(ExpressionKind.KEY_CONDITION, expression, attributes);
        return KeyConditionRules.toKeyCondition(condition.root(), hashKey, rangeKey);
    }

    public interface Condition {
        /** Throws nothing for type mismatches: a comparison of different types is simply false, as in DynamoDB. */
        boolean test(Map<String, AttributeValue> item);

        /** Top-level attribute names the condition reads, e.g. to reject key attributes in a Query's FilterExpression. */
        default Set<String> referencedAttributes() {
            return Set.of();
        }
    }

    public interface Update {
        /** Returns the new item (the input is not modified); throws ExpressionException for e.g. adding a number to a string. */
        Map<String, AttributeValue> apply(Map<String, AttributeValue> item);

        /** Top-level attribute names the update writes or removes (used for key-attribute checks and UPDATED_* return values). */
        Set<String> touchedAttributes();

        /**
         * The document paths the update writes or removes, as a projection: applied to the item before the update it
         * gives DynamoDB's UPDATED_OLD attributes, applied to the item after it UPDATED_NEW (only the changed
         * fragments of nested maps and lists).
         */
        default Projection touchedPaths() {
            Set<String> names = touchedAttributes();
            return item -> {
                Map<String, AttributeValue> touched = new LinkedHashMap<>(item);
                touched.keySet().retainAll(names);
                return touched;
            };
        }
    }

    public interface Projection {
        Map<String, AttributeValue> project(Map<String, AttributeValue> item);

        /** Top-level attribute names the projection names, e.g. to check them against an index's projection. */
        default Set<String> projectedAttributes() {
            return Set.of();
        }
    }

    /** hash key equality plus an optional sort-key condition. */
    public record KeyCondition(
            String hashKeyName, AttributeValue hashKeyValue, Optional<SortKeyCondition> sortKeyCondition) {
        /** Whether an item's key attributes satisfy this condition (the item holds both key attributes). */
        public boolean matches(Map<String, AttributeValue> item) {
            return hashKeyValue.equals(item.get(hashKeyName))
                    && sortKeyCondition
                            .map(condition -> condition.matches(item))
                            .orElse(true);
        }
    }

    /** {@code upperBound} is present only for BETWEEN. */
    public record SortKeyCondition(
            String attributeName, Operator operator, AttributeValue value, Optional<AttributeValue> upperBound) {
        public enum Operator {
            EQUAL,
            LESS_THAN,
            LESS_THAN_OR_EQUAL,
            GREATER_THAN,
            GREATER_THAN_OR_EQUAL,
            BETWEEN,
            BEGINS_WITH
        }

        /** Whether an item's sort-key value satisfies this condition, in DynamoDB's order of sort keys. */
        public boolean matches(Map<String, AttributeValue> item) {
            Optional<AttributeValue> key = Optional.ofNullable(item.get(attributeName));
            Optional<AttributeValue> bound = Optional.of(value);
            return switch (operator) {
                case EQUAL -> ConditionNode.Comparator.EQUAL.holds(key, bound);
                case LESS_THAN -> ConditionNode.Comparator.LESS_THAN.holds(key, bound);
                case LESS_THAN_OR_EQUAL -> ConditionNode.Comparator.LESS_THAN_OR_EQUAL.holds(key, bound);
                case GREATER_THAN -> ConditionNode.Comparator.GREATER_THAN.holds(key, bound);
                case GREATER_THAN_OR_EQUAL -> ConditionNode.Comparator.GREATER_THAN_OR_EQUAL.holds(key, bound);
                case BETWEEN ->
                    ConditionNode.Comparator.GREATER_THAN_OR_EQUAL.holds(key, bound)
                            && ConditionNode.Comparator.LESS_THAN_OR_EQUAL.holds(key, upperBound);
                case BEGINS_WITH -> key.isPresent() && ConditionNode.BeginsWith.beginsWith(key.get(), value);
            };
        }
    }
}
