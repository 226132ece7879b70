package io.gridsteward.dynamodb.emulator.expression;

import io.gridsteward.dynamodb.emulator.value.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Rewrites one document path of an item without touching the input: every map and list on the way is copied.
 * The containers above the target must exist with the right type, or the update is invalid, as in DynamoDB.
 */
final class DocumentEditor {
    private DocumentEditor() {}

    /**
     * Replaces the value at {@code path} by {@code change} applied to the current one; an empty result removes it.
     * A list index at or beyond the end appends.
     */
    static Map<String, AttributeValue> edit(
            Map<String, AttributeValue> item, DocumentPath path, UnaryOperator<Optional<AttributeValue>> change) {
        Map<String, AttributeValue> result = new LinkedHashMap<>(item);
        String name = path.topLevelName();
        if (!path.isNested()) {
            change.apply(Optional.ofNullable(item.get(name)))
                    .ifPresentOrElse(value -> result.put(name, value), () -> result.remove(name));
            return result;
        }
        AttributeValue container = item.get(name);
        if (container == null) {
            throw UpdateErrors.invalidPath();
        }
        result.put(name, editInside(container, path.elements(), 1, change));
        return result;
    }

    private static AttributeValue editInside(
            AttributeValue container,
            List<DocumentPath.Element> elements,
            int index,
            UnaryOperator<Optional<AttributeValue>> change) {
        boolean last = index == elements.size() - 1;
        return switch (elements.get(index)) {
            case DocumentPath.Element.Key(String name) -> {
                if (!(container instanceof AttributeValue.MapValue(var values))) {
                    throw UpdateErrors.invalidPath();
                }
                Map<String, AttributeValue> map = new LinkedHashMap<>(values);
                if (last) {
                    change.apply(Optional.ofNullable(map.get(name)))
                            .ifPresentOrElse(value -> map.put(name, value), () -> map.remove(name));
                } else {
                    map.put(name, editInside(existing(map.get(name)), elements, index + 1, change));
                }
                yield new AttributeValue.MapValue(map);
            }
            case DocumentPath.Element.Index(int position) -> {
                if (!(container instanceof AttributeValue.ListValue(var values))) {
                    throw UpdateErrors.invalidPath();
                }
                List<AttributeValue> list = new ArrayList<>(values);
                boolean inside = position < list.size();
                if (last) {
                    Optional<AttributeValue> next =
                            change.apply(inside ? Optional.of(list.get(position)) : Optional.empty());
                    if (next.isPresent()) {
                        if (inside) {
                            list.set(position, next.get());
                        } else {
                            list.add(next.get());
                        }
                    } else if (inside) {
                        list.remove(position);
                    }
                } else {
                    list.set(
                            position,
                            editInside(existing(inside ? list.get(position) : null), elements, index + 1, change));
                }
                yield new AttributeValue.ListValue(list);
            }
        };
    }

    private static AttributeValue existing(AttributeValue value) {
        if (value == null) {
            throw UpdateErrors.invalidPath();
        }
        return value;
    }
}
