package io.gridsteward.dynamodb.emulator.expression;

import io.gridsteward.dynamodb.emulator.value.AttributeValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** A resolved document path such as {@code a.b[2].c}: a top-level attribute name followed by map keys and list indexes. */
record DocumentPath(List<Element> elements) {
    sealed interface Element {
        /** A map key (or, first in a path, a top-level attribute name). */
        record Key(String name) implements Element {}

        record Index(int position) implements Element {}
    }

    DocumentPath {
        elements = List.copyOf(elements);
        if (elements.isEmpty() || !(elements.getFirst() instanceof Element.Key)) {
            throw new IllegalArgumentException("a document path starts with an attribute name");
        }
    }

    String topLevelName() {
        return ((Element.Key) elements.getFirst()).name();
    }

    boolean isNested() {
        return elements.size() > 1;
    }

    Optional<AttributeValue> resolve(Map<String, AttributeValue> item) {
        AttributeValue current = item.get(topLevelName());
        for (int index = 1; index < elements.size() && current != null; index++) {
            current = child(current, elements.get(index));
        }
        return Optional.ofNullable(current);
    }

    /** The element of {@code container} that {@code element} names, or null when there is none. */
    static AttributeValue child(AttributeValue container, Element element) {
        return switch (element) {
            case Element.Key(String name) ->
                container instanceof AttributeValue.MapValue(var values) ? values.get(name) : null;
            case Element.Index(int position) ->
                container instanceof AttributeValue.ListValue(var values) && position < values.size()
                        ? values.get(position)
                        : null;
        };
    }

    /** DynamoDB's rendering in overlap messages: {@code [a, b, [2]]}. */
    String describe() {
        return elements.stream()
                .map(element -> switch (element) {
                    case Element.Key(String name) -> name;
                    case Element.Index(int position) -> "[" + position + "]";
                })
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
