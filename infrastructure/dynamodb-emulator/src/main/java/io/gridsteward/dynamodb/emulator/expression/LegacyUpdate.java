package io.gridsteward.dynamodb.emulator.expression;

import io.gridsteward.dynamodb.emulator.value.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** AttributeUpdates, the legacy form of an update: PUT, DELETE or ADD per top-level attribute. */
public record LegacyUpdate(Map<String, Change> changes) implements Expressions.Update {
    public enum Action {
        PUT,
        DELETE,
        ADD
    }

    /** {@code value} is absent only for a DELETE of the whole attribute. */
    public record Change(Action action, Optional<AttributeValue> value) {
        public Change {
            switch (action) {
                case PUT ->
                    value.orElseThrow(
                            () -> new ExpressionException(
                                    "One or more parameter values were invalid: Only DELETE action is allowed when no attribute value is specified"));
                case ADD -> {
                    String type = value.orElseThrow(
                                    () -> new ExpressionException(
                                            "One or more parameter values were invalid: Only DELETE action is allowed when no attribute value is specified"))
                            .typeDescriptor();
                    if (!Set.of("N", "SS", "NS", "BS", "L").contains(type)) {
                        throw new ExpressionException(
                                "One or more parameter values were invalid: ADD action is not supported for the type "
                                        + type);
                    }
                }
                case DELETE ->
                    value.ifPresent(set -> {
                        if (!Set.of("SS", "NS", "BS").contains(set.typeDescriptor())) {
                            throw new ExpressionException(
                                    "One or more parameter values were invalid: DELETE action with value is not supported for the type "
                                            + set.typeDescriptor());
                        }
                    });
            }
        }
    }

    public LegacyUpdate {
        changes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(changes));
    }

    public static Action action(String name) {
        try {
            return Action.valueOf(name);
        } catch (IllegalArgumentException unknown) {
            throw new ExpressionException(
                    "1 validation error detected: Value '" + name
                            + "' at 'attributeUpdates.action' failed to satisfy constraint: Member must satisfy enum value set: [ADD, PUT, DELETE]");
        }
    }

    @Override
    public Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> result = new LinkedHashMap<>(item);
        changes.forEach((name, change) -> {
            Optional<AttributeValue> current = Optional.ofNullable(result.get(name));
            Optional<AttributeValue> next;
            try {
                next = switch (change.action()) {
                    case PUT -> change.value();
                    case DELETE ->
                        change.value().isEmpty()
                                ? Optional.empty()
                                : ParsedUpdate.delete(current, change.value().get());
                    case ADD -> Optional.of(add(current, change.value().orElseThrow()));
                };
            } catch (ExpressionException mismatch) {
                throw new ExpressionException(
                        "One or more parameter values were invalid: Type mismatch for attribute to update");
            }
            next.ifPresentOrElse(value -> result.put(name, value), () -> result.remove(name));
        });
        return result;
    }

    /** Unlike the ADD of an update expression, the legacy ADD also appends to a list. */
    private static AttributeValue add(Optional<AttributeValue> current, AttributeValue addition) {
        if (addition instanceof AttributeValue.ListValue(List<AttributeValue> appended)) {
            if (current.isEmpty()) {
                return addition;
            }
            if (!(current.get() instanceof AttributeValue.ListValue(List<AttributeValue> existing))) {
                throw UpdateErrors.incorrectDataType();
            }
            List<AttributeValue> joined = new ArrayList<>(existing);
            joined.addAll(appended);
            return new AttributeValue.ListValue(joined);
        }
        return ParsedUpdate.add(current, addition);
    }

    @Override
    public Set<String> touchedAttributes() {
        return Set.copyOf(changes.keySet());
    }
}
