package io.gridsteward.dynamodb.emulator.storage;

import io.gridsteward.dynamodb.emulator.value.AttributeValue;
import io.gridsteward.dynamodb.emulator.value.ScalarOrder;
import io.gridsteward.dynamodb.emulator.wire.ItemSize;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Items of a table or of one index, by partition (hash-key value) and then by {@link SortKey}. Not thread-safe: the
 * {@link Database} lock guards it.
 */
public final class ItemCollection {
    private final String hashKey;
    private final List<String> sortAttributes;
    private final TreeMap<AttributeValue, TreeMap<SortKey, Map<String, AttributeValue>>> partitions =
            new TreeMap<>(ScalarOrder.SAME_TYPE);
    private long itemCount;
    private long sizeBytes;

    /**
     * @param hashKey        the attribute that partitions the items
     * @param sortAttributes the attributes that order the items of a partition (and make them unique)
     */
    public ItemCollection(String hashKey, List<String> sortAttributes) {
        this.hashKey = hashKey;
        this.sortAttributes = List.copyOf(sortAttributes);
    }

    public String hashKey() {
        return hashKey;
    }

    public long itemCount() {
        return itemCount;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public SortKey sortKeyOf(Map<String, AttributeValue> item) {
        List<AttributeValue> parts = new ArrayList<>(sortAttributes.size());
        for (String attribute : sortAttributes) {
            parts.add(item.get(attribute));
        }
        return SortKey.exact(parts);
    }

    public Map<String, AttributeValue> get(AttributeValue hash, SortKey position) {
        TreeMap<SortKey, Map<String, AttributeValue>> partition = partitions.get(hash);
        return partition == null ? null : partition.get(position);
    }

    /** Stores an item at the position its own attributes give; {@code size} is its DynamoDB size. */
    public void put(Map<String, AttributeValue> item, long size) {
        Map<String, AttributeValue> previous = partitions
                .computeIfAbsent(item.get(hashKey), hash -> new TreeMap<>())
                .put(sortKeyOf(item), item);
        if (previous == null) {
            itemCount++;
        } else {
            sizeBytes -= ItemSize.of(previous);
        }
        sizeBytes += size;
    }

    public void remove(Map<String, AttributeValue> item) {
        AttributeValue hash = item.get(hashKey);
        TreeMap<SortKey, Map<String, AttributeValue>> partition = partitions.get(hash);
        if (partition == null) {
            return;
        }
        Map<String, AttributeValue> removed = partition.remove(sortKeyOf(item));
        if (removed != null) {
            itemCount--;
            sizeBytes -= ItemSize.of(removed);
        }
        if (partition.isEmpty()) {
            partitions.remove(hash);
        }
    }

    /** The items of one partition, in sort order or reversed. */
    public NavigableMap<SortKey, Map<String, AttributeValue>> partition(AttributeValue hash) {
        TreeMap<SortKey, Map<String, AttributeValue>> partition = partitions.get(hash);
        return partition == null ? new TreeMap<>() : partition;
    }

    /** Every partition, in hash-key order: Scan walks them one after the other. */
    public NavigableMap<AttributeValue, TreeMap<SortKey, Map<String, AttributeValue>>> partitions() {
        return partitions;
    }

    /** Every item, partition by partition. */
    public Iterator<Map<String, AttributeValue>> iterator() {
        return partitions.values().stream()
                .flatMap(partition -> partition.values().stream())
                .iterator();
    }
}
