package io.gridsteward.dynamodb.emulator.expression;

import io.gridsteward.dynamodb.emulator.value.AttributeValue;
import io.gridsteward.dynamodb.emulator.value.ScalarOrder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One condition of the legacy parameters (Expected, QueryFilter, ScanFilter, KeyConditions): a top-level attribute,
 * a ComparisonOperator and its AttributeValueList, validated by the service's rules for each operator.
 */
public record LegacyCondition(String attributeName, Operator operator, List<AttributeValue> values) {
    public enum Operator {
        EQ,
        NE,
        LE,
        LT,
        GE,
        GT,
        NOT_NULL,
        NULL,
        CONTAINS,
        NOT_CONTAINS,
        BEGINS_WITH,
        IN,
        BETWEEN
    }

    private static final Set<String> SCALARS = Set.of("S", "N", "B");
    private static final Set<String> ANY_TYPE = Set.of("S", "N", "B", "SS", "NS", "BS", "M", "L", "NULL", "BOOL");

    public LegacyCondition {
        values = List.copyOf(values);
        int expected = switch (operator) {
            case NOT_NULL, NULL -> 0;
            case BETWEEN -> 2;
            case IN -> values.isEmpty() ? 1 : values.size();
            default -> 1;
        };
        if (values.size() != expected) {
            throw new ExpressionException(
                    "One or more parameter values were invalid: Invalid number of argument(s) for the " + operator
                            + " ComparisonOperator");
        }
        Set<String> allowed = switch (operator) {
            case EQ, NE -> ANY_TYPE;
            case BEGINS_WITH -> Set.of("S", "B");
            default -> SCALARS;
        };
        for (AttributeValue value : values) {
            if (!allowed.contains(value.typeDescriptor())) {
                throw new ExpressionException("One or more parameter values were invalid: ComparisonOperator "
                        + operator + " is not valid for " + value.typeDescriptor() + " AttributeValue type");
            }
        }
        if ((operator == Operator.IN || operator == Operator.BETWEEN)
                && values.stream()
                                .map(AttributeValue::typeDescriptor)
                                .distinct()
                                .count()
                        > 1) {
            throw new ExpressionException(
                    "One or more parameter values were invalid: AttributeValues inside AttributeValueList must be of same type");
        }
        if (operator == Operator.BETWEEN && ScalarOrder.compare(values.get(0), values.get(1)) > 0) {
            throw new ExpressionException(
                    "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound");
        }
    }

    /** The operator named by a request, or a ValidationException listing the allowed ones. */
    public static Operator operator(String name) {
        try {
            return Operator.valueOf(name);
        } catch (IllegalArgumentException unknown) {
            throw new ExpressionException("1 validation error detected: Value '" + name
                    + "' at 'comparisonOperator' failed to satisfy constraint: Member must satisfy enum value set: "
                    + List.of(Operator.values()));
        }
    }

    public boolean test(Map<String, AttributeValue> item) {
        Optional<AttributeValue> actual = Optional.ofNullable(item.get(attributeName));
        Optional<AttributeValue> first = values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        return switch (operator) {
            case EQ -> ConditionNode.Comparator.EQUAL.holds(actual, first);
            case NE -> ConditionNode.Comparator.NOT_EQUAL.holds(actual, first);
            case LE -> ConditionNode.Comparator.LESS_THAN_OR_EQUAL.holds(actual, first);
            case LT -> ConditionNode.Comparator.LESS_THAN.holds(actual, first);
            case GE -> ConditionNode.Comparator.GREATER_THAN_OR_EQUAL.holds(actual, first);
            case GT -> ConditionNode.Comparator.GREATER_THAN.holds(actual, first);
            case NOT_NULL -> actual.isPresent();
            case NULL -> actual.isEmpty();
            case CONTAINS -> actual.isPresent() && ConditionNode.Contains.contains(actual.get(), first.orElseThrow());
            // A missing attribute neither contains nor lacks the value: both operators are false for it.
            case NOT_CONTAINS ->
                actual.isPresent() && !ConditionNode.Contains.contains(actual.get(), first.orElseThrow());
            case BEGINS_WITH ->
                actual.isPresent() && ConditionNode.BeginsWith.beginsWith(actual.get(), first.orElseThrow());
            case IN ->
                values.stream()
                        .anyMatch(candidate -> ConditionNode.Comparator.EQUAL.holds(actual, Optional.of(candidate)));
            case BETWEEN ->
                ConditionNode.Comparator.GREATER_THAN_OR_EQUAL.holds(actual, first)
                        && ConditionNode.Comparator.LESS_THAN_OR_EQUAL.holds(actual, Optional.of(values.get(1)));
        };
    }

    /** The conditions joined by ConditionalOperator: all of them (AND) or any of them (OR). */
    public static Expressions.Condition all(List<LegacyCondition> conditions, boolean any) {
        List<LegacyCondition> copy = List.copyOf(conditions);
        Set<String> names =
                Set.copyOf(copy.stream().map(LegacyCondition::attributeName).toList());
        return new Expressions.Condition() {
            @Override
            public boolean test(Map<String, AttributeValue> item) {
                return any
                        ? copy.stream().anyMatch(condition -> condition.test(item))
                        : copy.stream().allMatch(condition -> condition.test(item));
            }

            @Override
            public Set<String> referencedAttributes() {
                return names;
            }
        };
    }

    /** KeyConditions: EQ on the hash key, and on the sort key one of EQ, LE, LT, GE, GT, BEGINS_WITH, BETWEEN. */
    public static Expressions.KeyCondition keyCondition(
            List<LegacyCondition> conditions, String hashKey, Optional<String> rangeKey) {
        if (conditions.isEmpty() || conditions.size() > 2) {
            throw new ExpressionException("Conditions can be of length 1 or 2 only");
        }
        LegacyCondition hash = conditions.stream()
                .filter(condition -> condition.attributeName.equals(hashKey))
                .findFirst()
                .orElseThrow(() -> new ExpressionException("Query condition missed key schema element: " + hashKey));
        if (hash.operator != Operator.EQ) {
            throw new ExpressionException("Query key condition not supported");
        }
        Optional<Expressions.SortKeyCondition> sort = Optional.empty();
        for (LegacyCondition condition : conditions) {
            if (condition == hash) {
                continue;
            }
            if (rangeKey.isEmpty() || !condition.attributeName.equals(rangeKey.get())) {
                throw new ExpressionException(
                        "Query key condition not supported: " + condition.attributeName + " is not a key attribute");
            }
            Expressions.SortKeyCondition.Operator sortOperator = switch (condition.operator) {
                case EQ -> Expressions.SortKeyCondition.Operator.EQUAL;
                case LE -> Expressions.SortKeyCondition.Operator.LESS_THAN_OR_EQUAL;
                case LT -> Expressions.SortKeyCondition.Operator.LESS_THAN;
                case GE -> Expressions.SortKeyCondition.Operator.GREATER_THAN_OR_EQUAL;
                case GT -> Expressions.SortKeyCondition.Operator.GREATER_THAN;
                case BEGINS_WITH -> Expressions.SortKeyCondition.Operator.BEGINS_WITH;
                case BETWEEN -> Expressions.SortKeyCondition.Operator.BETWEEN;
                case NE, NOT_NULL, NULL, CONTAINS, NOT_CONTAINS, IN ->
                    throw new ExpressionException("Query key condition not supported");
            };
            Optional<AttributeValue> upper =
                    condition.operator == Operator.BETWEEN ? Optional.of(condition.values.get(1)) : Optional.empty();
            sort = Optional.of(new Expressions.SortKeyCondition(
                    condition.attributeName, sortOperator, condition.values.get(0), upper));
        }
        return new Expressions.KeyCondition(hashKey, hash.values.get(0), sort);
    }
}
