package io.gridsteward.dynamodb.emulator.expression;

import io.gridsteward.dynamodb.emulator.value.AttributeValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A value-producing part of an expression: a path, a {@code :value}, or a function or arithmetic over them. */
sealed interface Operand {
    /** The operand's value against the item; empty when it refers to something the item lacks. */
    Optional<AttributeValue> evaluate(Map<String, AttributeValue> item);

    /** The value an update needs: a missing one is an error there, never a silent no-op. */
    default AttributeValue require(Map<String, AttributeValue> item) {
        return evaluate(item)
                .orElseThrow(() -> new ExpressionException(
                        "The provided expression refers to an attribute that does not exist in the item"));
    }

    record PathOperand(DocumentPath path) implements Operand {
        public Optional<AttributeValue> evaluate(Map<String, AttributeValue> item) {
            return path.resolve(item);
        }
    }

    record ValueOperand(String placeholder, AttributeValue value) implements Operand {
        public Optional<AttributeValue> evaluate(Map<String, AttributeValue> item) {
            return Optional.of(value);
        }
    }

    /** {@code size(path)}: empty for a missing attribute or a type without a size (number, boolean, null). */
    record SizeOperand(DocumentPath path) implements Operand {
        public Optional<AttributeValue> evaluate(Map<String, AttributeValue> item) {
            return path.resolve(item)
                    .flatMap(SizeOperand::sizeOf)
                    .map(size -> new AttributeValue.NumberValue(BigDecimal.valueOf(size)));
        }

        private static Optional<Integer> sizeOf(AttributeValue value) {
            return switch (value) {
                case AttributeValue.StringValue(String text) -> Optional.of(text.length());
                case AttributeValue.BinaryValue(var bytes) -> Optional.of(bytes.length());
                case AttributeValue.StringSetValue(var values) -> Optional.of(values.size());
                case AttributeValue.NumberSetValue(var values) -> Optional.of(values.size());
                case AttributeValue.BinarySetValue(var values) -> Optional.of(values.size());
                case AttributeValue.MapValue(var values) -> Optional.of(values.size());
                case AttributeValue.ListValue(var values) -> Optional.of(values.size());
                case AttributeValue.NumberValue number -> Optional.empty();
                case AttributeValue.NullValue nothing -> Optional.empty();
                case AttributeValue.BooleanValue bool -> Optional.empty();
            };
        }
    }

    /** {@code if_not_exists(path, fallback)} of an update. */
    record IfNotExistsOperand(DocumentPath path, Operand fallback) implements Operand {
        public Optional<AttributeValue> evaluate(Map<String, AttributeValue> item) {
            Optional<AttributeValue> existing = path.resolve(item);
            return existing.isPresent() ? existing : fallback.evaluate(item);
        }
    }

    /** {@code list_append(first, second)} of an update. */
    record ListAppendOperand(Operand first, Operand second) implements Operand {
        public Optional<AttributeValue> evaluate(Map<String, AttributeValue> item) {
            List<AttributeValue> joined = new ArrayList<>(listOf(first.require(item)));
            joined.addAll(listOf(second.require(item)));
            return Optional.of(new AttributeValue.ListValue(joined));
        }

        private static List<AttributeValue> listOf(AttributeValue value) {
            if (value instanceof AttributeValue.ListValue(var values)) {
                return values;
            }
            throw UpdateErrors.incorrectDataType();
        }
    }

    /** {@code left + right} or {@code left - right} of an update, exact to DynamoDB's 38 digits. */
    record ArithmeticOperand(Operand left, boolean subtract, Operand right) implements Operand {
        public Optional<AttributeValue> evaluate(Map<String, AttributeValue> item) {
            BigDecimal leftNumber = numberOf(left.require(item));
            BigDecimal rightNumber = numberOf(right.require(item));
            BigDecimal result = subtract ? leftNumber.subtract(rightNumber) : leftNumber.add(rightNumber);
            return Optional.of(new AttributeValue.NumberValue(UpdateErrors.withinNumberLimits(result)));
        }

        private static BigDecimal numberOf(AttributeValue value) {
            if (value instanceof AttributeValue.NumberValue(BigDecimal number)) {
                return number;
            }
            throw UpdateErrors.incorrectDataType();
        }
    }
}
