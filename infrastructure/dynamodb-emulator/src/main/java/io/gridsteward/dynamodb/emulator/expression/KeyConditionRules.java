package io.gridsteward.dynamodb.emulator.expression;

import io.gridsteward.dynamodb.emulator.expression.Expressions.KeyCondition;
import io.gridsteward.dynamodb.emulator.expression.Expressions.SortKeyCondition;
import io.gridsteward.dynamodb.emulator.value.AttributeValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a parsed KeyConditionExpression into a hash-key equality and an optional sort-key condition, rejecting what
 * a key condition cannot hold (OR, NOT, IN, {@code <>}, functions other than begins_with, non-key attributes).
 */
final class KeyConditionRules {
    /** One condition on one key attribute, operands normalised so that the attribute comes first. */
    private record KeyPart(
            SortKeyCondition.Operator operator, AttributeValue value, Optional<AttributeValue> upperBound) {}

    private KeyConditionRules() {}

    static KeyCondition toKeyCondition(ConditionNode node, String hashKey, Optional<String> rangeKey) {
        Map<String, KeyPart> parts = new LinkedHashMap<>();
        collect(node, parts);
        if (rangeKey.isEmpty() && parts.size() > 1) {
            throw new ExpressionException("Query key condition not supported");
        }
        KeyPart hashPart = parts.get(hashKey);
        if (hashPart == null) {
            throw new ExpressionException("Query condition missed key schema element: " + hashKey);
        }
        if (parts.keySet().stream()
                .anyMatch(name -> !name.equals(hashKey) && !rangeKey.get().equals(name))) {
            if (!parts.containsKey(rangeKey.get())) {
                throw new ExpressionException("Query condition missed key schema element: " + rangeKey.get());
            }
            throw new ExpressionException("Query key condition not supported");
        }
        if (hashPart.operator() != SortKeyCondition.Operator.EQUAL) {
            throw new ExpressionException("Query key condition not supported");
        }
        Optional<SortKeyCondition> sortKeyCondition = rangeKey.map(parts::get)
                .map(part -> new SortKeyCondition(rangeKey.get(), part.operator(), part.value(), part.upperBound()));
        return new KeyCondition(hashKey, hashPart.value(), sortKeyCondition);
    }

    private static void collect(ConditionNode node, Map<String, KeyPart> parts) {
        switch (node) {
            case ConditionNode.And(ConditionNode left, ConditionNode right) -> {
                collect(left, parts);
                collect(right, parts);
            }
            case ConditionNode.Or or -> throw invalid("Invalid operator used in KeyConditionExpression: OR");
            case ConditionNode.Not not -> throw invalid("Invalid operator used in KeyConditionExpression: NOT");
            case ConditionNode.In in -> throw invalid("Invalid operator used in KeyConditionExpression: IN");
            case ConditionNode.AttributeExists exists ->
                throw invalid("Invalid operator used in KeyConditionExpression: attribute_exists");
            case ConditionNode.AttributeNotExists notExists ->
                throw invalid("Invalid operator used in KeyConditionExpression: attribute_not_exists");
            case ConditionNode.AttributeType type ->
                throw invalid("Invalid operator used in KeyConditionExpression: attribute_type");
            case ConditionNode.Contains contains ->
                throw invalid("Invalid operator used in KeyConditionExpression: contains");
            case ConditionNode.Comparison(ConditionNode.Comparator comparator, Operand left, Operand right) -> {
                if (comparator == ConditionNode.Comparator.NOT_EQUAL) {
                    throw invalid("Invalid operator used in KeyConditionExpression: <>");
                }
                String name = keyAttribute(List.of(left, right));
                boolean attributeFirst = left instanceof Operand.PathOperand;
                ConditionNode.Comparator normalised = attributeFirst ? comparator : comparator.mirrored();
                AttributeValue value = valueOf(attributeFirst ? right : left);
                put(parts, name, new KeyPart(sortOperator(normalised), value, Optional.empty()));
            }
            case ConditionNode.Between(Operand subject, Operand lower, Operand upper) -> {
                String name = keyAttribute(List.of(subject, lower, upper));
                if (!(subject instanceof Operand.PathOperand)) {
                    throw invalid(
                            "Invalid condition in KeyConditionExpression: BETWEEN operator must have the key attribute as its first operand");
                }
                put(
                        parts,
                        name,
                        new KeyPart(SortKeyCondition.Operator.BETWEEN, valueOf(lower), Optional.of(valueOf(upper))));
            }
            case ConditionNode.BeginsWith(Operand subject, Operand prefix) -> {
                String name = keyAttribute(List.of(subject, prefix));
                if (!(subject instanceof Operand.PathOperand)) {
                    throw invalid(
                            "Invalid condition in KeyConditionExpression: begins_with operator must have the key attribute as its first operand");
                }
                put(parts, name, new KeyPart(SortKeyCondition.Operator.BEGINS_WITH, valueOf(prefix), Optional.empty()));
            }
        }
    }

    /** The one top-level attribute among a condition's operands; the others must be {@code :values}. */
    private static String keyAttribute(List<Operand> operands) {
        String name = null;
        for (Operand operand : operands) {
            switch (operand) {
                case Operand.PathOperand(DocumentPath path) -> {
                    if (name != null) {
                        throw invalid(
                                "Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition");
                    }
                    if (path.isNested()) {
                        throw invalid("KeyConditionExpressions cannot have conditions on nested attributes");
                    }
                    name = path.topLevelName();
                }
                case Operand.ValueOperand value -> {}
                case Operand.SizeOperand size ->
                    throw invalid("KeyConditionExpressions cannot contain nested operations");
                case Operand.IfNotExistsOperand ifNotExists ->
                    throw invalid("KeyConditionExpressions cannot contain nested operations");
                case Operand.ListAppendOperand listAppend ->
                    throw invalid("KeyConditionExpressions cannot contain nested operations");
                case Operand.ArithmeticOperand arithmetic ->
                    throw invalid("KeyConditionExpressions cannot contain nested operations");
            }
        }
        if (name == null) {
            throw invalid("Invalid condition in KeyConditionExpression: No key attribute specified");
        }
        return name;
    }

    private static AttributeValue valueOf(Operand operand) {
        return ((Operand.ValueOperand) operand).value();
    }

    private static void put(Map<String, KeyPart> parts, String name, KeyPart part) {
        if (parts.putIfAbsent(name, part) != null) {
            throw invalid("KeyConditionExpressions must only contain one condition per key");
        }
    }

    private static SortKeyCondition.Operator sortOperator(ConditionNode.Comparator comparator) {
        return switch (comparator) {
            case EQUAL -> SortKeyCondition.Operator.EQUAL;
            case LESS_THAN -> SortKeyCondition.Operator.LESS_THAN;
            case LESS_THAN_OR_EQUAL -> SortKeyCondition.Operator.LESS_THAN_OR_EQUAL;
            case GREATER_THAN -> SortKeyCondition.Operator.GREATER_THAN;
            case GREATER_THAN_OR_EQUAL -> SortKeyCondition.Operator.GREATER_THAN_OR_EQUAL;
            case NOT_EQUAL -> throw invalid("Invalid operator used in KeyConditionExpression: <>");
        };
    }

    private static ExpressionException invalid(String reason) {
        return ExpressionKind.KEY_CONDITION.invalid(reason);
    }
}
