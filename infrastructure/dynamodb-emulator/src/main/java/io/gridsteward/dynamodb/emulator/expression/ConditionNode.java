package io.gridsteward.dynamodb.emulator.expression;

import io.gridsteward.dynamodb.emulator.value.AttributeValue;
import io.gridsteward.dynamodb.emulator.value.Bytes;
import io.gridsteward.dynamodb.emulator.value.ScalarOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed condition. Evaluation never fails: a missing attribute or a comparison of different types is simply
 * false, as in DynamoDB (with the one exception DynamoDB also makes: {@code <>} is true for them).
 */
sealed interface ConditionNode {
    boolean test(Map<String, AttributeValue> item);

    enum Comparator {
        EQUAL("="),
        NOT_EQUAL("<>"),
        LESS_THAN("<"),
        LESS_THAN_OR_EQUAL("<="),
        GREATER_THAN(">"),
        GREATER_THAN_OR_EQUAL(">=");

        private final String symbol;

        Comparator(String symbol) {
            this.symbol = symbol;
        }

        String symbol() {
            return symbol;
        }

        static Optional<Comparator> ofSymbol(String symbol) {
            return Arrays.stream(values())
                    .filter(comparator -> comparator.symbol.equals(symbol))
                    .findFirst();
        }

        /** The comparator with its operands swapped: {@code :v < a} is {@code a > :v}. */
        Comparator mirrored() {
            return switch (this) {
                case EQUAL, NOT_EQUAL -> this;
                case LESS_THAN -> GREATER_THAN;
                case LESS_THAN_OR_EQUAL -> GREATER_THAN_OR_EQUAL;
                case GREATER_THAN -> LESS_THAN;
                case GREATER_THAN_OR_EQUAL -> LESS_THAN_OR_EQUAL;
            };
        }

        boolean holds(Optional<AttributeValue> left, Optional<AttributeValue> right) {
            if (this == NOT_EQUAL) {
                return !EQUAL.holds(left, right);
            }
            if (left.isEmpty() || right.isEmpty()) {
                return false;
            }
            if (this == EQUAL) {
                return left.get().equals(right.get());
            }
            if (!ScalarOrder.comparable(left.get(), right.get())) {
                return false;
            }
            int order = ScalarOrder.compare(left.get(), right.get());
            return switch (this) {
                case LESS_THAN -> order < 0;
                case LESS_THAN_OR_EQUAL -> order <= 0;
                case GREATER_THAN -> order > 0;
                case GREATER_THAN_OR_EQUAL -> order >= 0;
                case EQUAL, NOT_EQUAL -> throw new IllegalStateException("handled above");
            };
        }
    }

    record Comparison(Comparator comparator, Operand left, Operand right) implements ConditionNode {
        public boolean test(Map<String, AttributeValue> item) {
            return comparator.holds(left.evaluate(item), right.evaluate(item));
        }
    }

    record Between(Operand subject, Operand lower, Operand upper) implements ConditionNode {
        public boolean test(Map<String, AttributeValue> item) {
            Optional<AttributeValue> value = subject.evaluate(item);
            return Comparator.GREATER_THAN_OR_EQUAL.holds(value, lower.evaluate(item))
                    && Comparator.LESS_THAN_OR_EQUAL.holds(value, upper.evaluate(item));
        }
    }

    record In(Operand subject, List<Operand> candidates) implements ConditionNode {
        public boolean test(Map<String, AttributeValue> item) {
            Optional<AttributeValue> value = subject.evaluate(item);
            return candidates.stream().anyMatch(candidate -> Comparator.EQUAL.holds(value, candidate.evaluate(item)));
        }
    }

    record And(ConditionNode left, ConditionNode right) implements ConditionNode {
        public boolean test(Map<String, AttributeValue> item) {
            return left.test(item) && right.test(item);
        }
    }

    record Or(ConditionNode left, ConditionNode right) implements ConditionNode {
        public boolean test(Map<String, AttributeValue> item) {
            return left.test(item) || right.test(item);
        }
    }

    record Not(ConditionNode inner) implements ConditionNode {
        public boolean test(Map<String, AttributeValue> item) {
            return !inner.test(item);
        }
    }

    record AttributeExists(DocumentPath path) implements ConditionNode {
        public boolean test(Map<String, AttributeValue> item) {
            return path.resolve(item).isPresent();
        }
    }

    record AttributeNotExists(DocumentPath path) implements ConditionNode {
        public boolean test(Map<String, AttributeValue> item) {
            return path.resolve(item).isEmpty();
        }
    }

    /** {@code attribute_type(path, :type)}; the parser has checked that {@code :type} names a type. */
    record AttributeType(Operand subject, Operand type) implements ConditionNode {
        public boolean test(Map<String, AttributeValue> item) {
            Optional<AttributeValue> value = subject.evaluate(item);
            Optional<AttributeValue> typeName = type.evaluate(item);
            return value.isPresent()
                    && typeName.isPresent()
                    && typeName.get() instanceof AttributeValue.StringValue(String name)
                    && value.get().typeDescriptor().equals(name);
        }
    }

    record BeginsWith(Operand subject, Operand prefix) implements ConditionNode {
        public boolean test(Map<String, AttributeValue> item) {
            Optional<AttributeValue> value = subject.evaluate(item);
            Optional<AttributeValue> start = prefix.evaluate(item);
            if (value.isEmpty() || start.isEmpty()) {
                return false;
            }
            return beginsWith(value.get(), start.get());
        }

        static boolean beginsWith(AttributeValue value, AttributeValue prefix) {
            if (value instanceof AttributeValue.StringValue(String text)
                    && prefix instanceof AttributeValue.StringValue(String start)) {
                return text.startsWith(start);
            }
            if (value instanceof AttributeValue.BinaryValue(Bytes bytes)
                    && prefix instanceof AttributeValue.BinaryValue(Bytes start)) {
                byte[] content = bytes.content();
                byte[] head = start.content();
                return head.length <= content.length && Arrays.equals(content, 0, head.length, head, 0, head.length);
            }
            return false;
        }
    }

    /** {@code contains(path, operand)}: a substring of a string, a member of a set, or an element of a list. */
    record Contains(Operand subject, Operand operand) implements ConditionNode {
        public boolean test(Map<String, AttributeValue> item) {
            Optional<AttributeValue> value = subject.evaluate(item);
            Optional<AttributeValue> sought = operand.evaluate(item);
            if (value.isEmpty() || sought.isEmpty()) {
                return false;
            }
            return contains(value.get(), sought.get());
        }

        static boolean contains(AttributeValue container, AttributeValue sought) {
            return switch (container) {
                case AttributeValue.StringValue(String text) ->
                    sought instanceof AttributeValue.StringValue(String part) && text.contains(part);
                case AttributeValue.BinaryValue(Bytes bytes) ->
                    sought instanceof AttributeValue.BinaryValue(Bytes part)
                            && indexOf(bytes.content(), part.content()) >= 0;
                case AttributeValue.StringSetValue(var values) ->
                    sought instanceof AttributeValue.StringValue(String member) && values.contains(member);
                case AttributeValue.NumberSetValue(var values) ->
                    sought instanceof AttributeValue.NumberValue(var member) && values.contains(member);
                case AttributeValue.BinarySetValue(var values) ->
                    sought instanceof AttributeValue.BinaryValue(Bytes member) && values.contains(member);
                case AttributeValue.ListValue(var values) -> values.contains(sought);
                case AttributeValue.MapValue map -> false;
                case AttributeValue.NumberValue number -> false;
                case AttributeValue.NullValue nothing -> false;
                case AttributeValue.BooleanValue bool -> false;
            };
        }

        private static int indexOf(byte[] content, byte[] part) {
            for (int start = 0; start + part.length <= content.length; start++) {
                if (Arrays.equals(content, start, start + part.length, part, 0, part.length)) {
                    return start;
                }
            }
            return -1;
        }
    }
}
