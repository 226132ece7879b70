package io.gridsteward.dynamodb.emulator.expression;

import io.gridsteward.dynamodb.emulator.value.AttributeValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A validated update expression. As in DynamoDB, every SET value is computed from the item as it was before the
 * update; then SET, REMOVE, ADD and DELETE apply. REMOVEs of list elements apply from the highest index down so that
 * each index means the element it named in the original list.
 */
record ParsedUpdate(List<UpdateAction> actions) implements Expressions.Update {
    /** Orders removals so that, within one list, higher indexes go first. */
    private static final Comparator<DocumentPath> REMOVAL_ORDER = (first, second) -> {
        List<DocumentPath.Element> left = first.elements();
        List<DocumentPath.Element> right = second.elements();
        for (int index = 0; index < Math.min(left.size(), right.size()); index++) {
            int order = compareElements(left.get(index), right.get(index));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(left.size(), right.size());
    };

    ParsedUpdate {
        actions = List.copyOf(actions);
    }

    @Override
    public Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
        List<AttributeValue> setValues = new ArrayList<>();
        for (UpdateAction action : actions) {
            if (action instanceof UpdateAction.Set set) {
                setValues.add(set.value().require(item));
            }
        }
        Map<String, AttributeValue> result = item;
        int setIndex = 0;
        for (UpdateAction action : actions) {
            if (action instanceof UpdateAction.Set set) {
                AttributeValue value = setValues.get(setIndex++);
                result = DocumentEditor.edit(result, set.path(), current -> Optional.of(value));
            }
        }
        List<DocumentPath> removals = actions.stream()
                .filter(action -> action instanceof UpdateAction.Remove)
                .map(UpdateAction::path)
                .sorted(REMOVAL_ORDER)
                .toList();
        for (DocumentPath path : removals) {
            result = DocumentEditor.edit(result, path, current -> Optional.empty());
        }
        for (UpdateAction action : actions) {
            switch (action) {
                case UpdateAction.Add(DocumentPath path, AttributeValue value) ->
                    result = DocumentEditor.edit(result, path, current -> Optional.of(add(current, value)));
                case UpdateAction.Delete(DocumentPath path, AttributeValue value) ->
                    result = DocumentEditor.edit(result, path, current -> delete(current, value));
                case UpdateAction.Set set -> {}
                case UpdateAction.Remove remove -> {}
            }
        }
        return result;
    }

    @Override
    public Expressions.Projection touchedPaths() {
        return new PathProjection(actions.stream().map(UpdateAction::path).toList());
    }

    @Override
    public Set<String> touchedAttributes() {
        Set<String> names = new LinkedHashSet<>();
        actions.forEach(action -> names.add(action.path().topLevelName()));
        return Set.copyOf(names);
    }

    private static int compareElements(DocumentPath.Element first, DocumentPath.Element second) {
        if (first instanceof DocumentPath.Element.Index(int left)
                && second instanceof DocumentPath.Element.Index(int right)) {
            return Integer.compare(right, left);
        }
        if (first instanceof DocumentPath.Element.Key(String left)
                && second instanceof DocumentPath.Element.Key(String right)) {
            return left.compareTo(right);
        }
        return first instanceof DocumentPath.Element.Key ? -1 : 1;
    }

    static AttributeValue add(Optional<AttributeValue> current, AttributeValue addition) {
        if (current.isEmpty()) {
            return addition;
        }
        return switch (current.get()) {
            case AttributeValue.NumberValue(BigDecimal number)
            when addition instanceof AttributeValue.NumberValue(BigDecimal other) ->
                new AttributeValue.NumberValue(UpdateErrors.withinNumberLimits(number.add(other)));
            case AttributeValue.StringSetValue(var members)
            when addition instanceof AttributeValue.StringSetValue(var others) ->
                new AttributeValue.StringSetValue(union(members, others));
            case AttributeValue.NumberSetValue(var members)
            when addition instanceof AttributeValue.NumberSetValue(var others) ->
                new AttributeValue.NumberSetValue(union(members, others));
            case AttributeValue.BinarySetValue(var members)
            when addition instanceof AttributeValue.BinarySetValue(var others) ->
                new AttributeValue.BinarySetValue(union(members, others));
            default -> throw UpdateErrors.incorrectDataType();
        };
    }

    static Optional<AttributeValue> delete(Optional<AttributeValue> current, AttributeValue removal) {
        if (current.isEmpty()) {
            return Optional.empty();
        }
        AttributeValue remaining = switch (current.get()) {
            case AttributeValue.StringSetValue(var members)
            when removal instanceof AttributeValue.StringSetValue(var others) ->
                new AttributeValue.StringSetValue(difference(members, others));
            case AttributeValue.NumberSetValue(var members)
            when removal instanceof AttributeValue.NumberSetValue(var others) ->
                new AttributeValue.NumberSetValue(difference(members, others));
            case AttributeValue.BinarySetValue(var members)
            when removal instanceof AttributeValue.BinarySetValue(var others) ->
                new AttributeValue.BinarySetValue(difference(members, others));
            default -> throw UpdateErrors.incorrectDataType();
        };
        return isEmptySet(remaining) ? Optional.empty() : Optional.of(remaining);
    }

    private static boolean isEmptySet(AttributeValue value) {
        return switch (value) {
            case AttributeValue.StringSetValue(var members) -> members.isEmpty();
            case AttributeValue.NumberSetValue(var members) -> members.isEmpty();
            case AttributeValue.BinarySetValue(var members) -> members.isEmpty();
            default -> false;
        };
    }

    private static <T> Set<T> union(Set<T> members, Set<T> others) {
        Set<T> result = new LinkedHashSet<>(members);
        result.addAll(others);
        return result;
    }

    private static <T> Set<T> difference(Set<T> members, Set<T> others) {
        Set<T> result = new LinkedHashSet<>(members);
        result.removeAll(others);
        return result;
    }
}
