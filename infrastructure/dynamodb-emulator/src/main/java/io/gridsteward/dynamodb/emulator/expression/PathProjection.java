package io.gridsteward.dynamodb.emulator.expression;

import io.gridsteward.dynamodb.emulator.value.AttributeValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A validated projection expression as a tree of the paths it names. Projecting keeps the nested structure:
 * {@code a.b} gives {@code {a: {b: ...}}}, and list elements keep their order, closing the gaps between them.
 */
final class PathProjection implements Expressions.Projection {
    /** One step of the tree; a node without children takes the whole value at its path. */
    private static final class Node {
        private final Map<DocumentPath.Element, Node> children = new LinkedHashMap<>();
    }

    private final Node root = new Node();

    PathProjection(List<DocumentPath> paths) {
        for (DocumentPath path : paths) {
            Node node = root;
            for (DocumentPath.Element element : path.elements()) {
                node = node.children.computeIfAbsent(element, key -> new Node());
            }
        }
    }

    @Override
    public Set<String> projectedAttributes() {
        Set<String> names = new LinkedHashSet<>();
        root.children.keySet().forEach(element -> names.add(((DocumentPath.Element.Key) element).name()));
        return Collections.unmodifiableSet(names);
    }

    @Override
    public Map<String, AttributeValue> project(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> result = new LinkedHashMap<>();
        root.children.forEach((element, node) -> {
            String name = ((DocumentPath.Element.Key) element).name();
            AttributeValue value = item.get(name);
            if (value != null) {
                project(value, node).ifPresent(projected -> result.put(name, projected));
            }
        });
        return result;
    }

    private static Optional<AttributeValue> project(AttributeValue value, Node node) {
        if (node.children.isEmpty()) {
            return Optional.of(value);
        }
        return switch (value) {
            case AttributeValue.MapValue(var values) -> {
                Map<String, AttributeValue> projected = new LinkedHashMap<>();
                node.children.forEach((element, child) -> {
                    if (element instanceof DocumentPath.Element.Key(String name) && values.containsKey(name)) {
                        project(values.get(name), child).ifPresent(inner -> projected.put(name, inner));
                    }
                });
                yield projected.isEmpty() ? Optional.empty() : Optional.of(new AttributeValue.MapValue(projected));
            }
            case AttributeValue.ListValue(var values) -> {
                List<AttributeValue> projected = new ArrayList<>();
                node.children.entrySet().stream()
                        .filter(entry -> entry.getKey() instanceof DocumentPath.Element.Index(int position)
                                && position < values.size())
                        .sorted(Comparator.comparingInt(
                                entry -> ((DocumentPath.Element.Index) entry.getKey()).position()))
                        .forEach(entry -> project(
                                        values.get(((DocumentPath.Element.Index) entry.getKey()).position()),
                                        entry.getValue())
                                .ifPresent(projected::add));
                yield projected.isEmpty() ? Optional.empty() : Optional.of(new AttributeValue.ListValue(projected));
            }
            default -> Optional.empty();
        };
    }
}
