package io.gridsteward.dynamodb.emulator.storage;

import io.gridsteward.dynamodb.emulator.value.AttributeValue;
import io.gridsteward.dynamodb.emulator.wire.ItemSize;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One table's items and the indexes kept in step with them on every write. Items lacking an index's key attributes are
 * not in that index (sparse indexes). Not thread-safe: the {@link Database} lock guards it.
 */
public final class TableData {
    private final TableMetadata definition;
    private final ItemCollection primary;
    private final Map<String, ItemCollection> indexes = new LinkedHashMap<>();

    public TableData(TableMetadata definition) {
        this.definition = definition;
        this.primary = new ItemCollection(
                definition.hashKey(), definition.range().map(List::of).orElse(List.of()));
        for (IndexDefinition index : definition.indexes()) {
            indexes.put(index.name(), newIndexCollection(index));
        }
    }

    private TableData(TableMetadata definition, ItemCollection primary, Map<String, ItemCollection> indexes) {
        this.definition = definition;
        this.primary = primary;
        this.indexes.putAll(indexes);
    }

    /**
     * A table with a changed definition and the same items. When the indexes change, they are rebuilt (the backfill of
     * a new GSI); otherwise (stream, TTL or billing changes) the collections are kept as they are.
     */
    public TableData redefined(TableMetadata newDefinition) {
        if (newDefinition.indexes().equals(definition.indexes())
                && newDefinition.attributeTypes().equals(definition.attributeTypes())) {
            return new TableData(newDefinition, primary, indexes);
        }
        TableData copy = new TableData(newDefinition);
        Iterator<Map<String, AttributeValue>> items = primary.iterator();
        while (items.hasNext()) {
            copy.put(items.next());
        }
        return copy;
    }

    private ItemCollection newIndexCollection(IndexDefinition index) {
        List<String> sortAttributes = new ArrayList<>();
        if (index.rangeKey() != null) {
            sortAttributes.add(index.rangeKey());
        }
        if (index.global()) {
            sortAttributes.add(definition.hashKey());
        }
        definition.range().ifPresent(sortAttributes::add);
        return new ItemCollection(index.hashKey(), sortAttributes);
    }

    public TableMetadata definition() {
        return definition;
    }

    public ItemCollection primary() {
        return primary;
    }

    public ItemCollection index(String name) {
        return indexes.get(name);
    }

    public long itemCount() {
        return primary.itemCount();
    }

    public long sizeBytes() {
        return primary.sizeBytes();
    }

    public Map<String, AttributeValue> get(Map<String, AttributeValue> key) {
        return primary.get(key.get(definition.hashKey()), primary.sortKeyOf(key));
    }

    /** Stores the item, replacing the one with the same key, and moves it between index keys as needed. */
    public void put(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> previous = get(item);
        if (previous != null) {
            removeFromIndexes(previous);
        }
        primary.put(item, ItemSize.of(item));
        for (IndexDefinition index : definition.indexes()) {
            if (indexable(index, item)) {
                Map<String, AttributeValue> projected = project(index, item);
                indexes.get(index.name()).put(projected, ItemSize.of(projected));
            }
        }
    }

    public void delete(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> previous = get(key);
        if (previous != null) {
            removeFromIndexes(previous);
            primary.remove(previous);
        }
    }

    private void removeFromIndexes(Map<String, AttributeValue> item) {
        for (IndexDefinition index : definition.indexes()) {
            if (indexable(index, item)) {
                indexes.get(index.name()).remove(item);
            }
        }
    }

    /** An item is in an index when it has the index's key attributes with their declared types (a backfill skips the others). */
    private boolean indexable(IndexDefinition index, Map<String, AttributeValue> item) {
        return hasDeclaredType(item, index.hashKey())
                && (index.rangeKey() == null || hasDeclaredType(item, index.rangeKey()));
    }

    private boolean hasDeclaredType(Map<String, AttributeValue> item, String attribute) {
        AttributeValue value = item.get(attribute);
        return value != null
                && value.typeDescriptor().equals(definition.attributeTypes().get(attribute));
    }

    /** The attributes of an item that an index holds. */
    public Map<String, AttributeValue> project(IndexDefinition index, Map<String, AttributeValue> item) {
        if (index.projectionType().equals("ALL")) {
            return item;
        }
        Map<String, AttributeValue> projected = new LinkedHashMap<>();
        item.forEach((name, value) -> {
            if (definition.isKeyAttribute(name)
                    || name.equals(index.hashKey())
                    || name.equals(index.rangeKey())
                    || index.nonKeyAttributes().contains(name)) {
                projected.put(name, value);
            }
        });
        return Collections.unmodifiableMap(projected);
    }
}
