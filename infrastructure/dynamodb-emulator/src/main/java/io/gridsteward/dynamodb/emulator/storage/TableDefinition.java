package io.gridsteward.dynamodb.emulator.storage;

import io.gridsteward.dynamodb.emulator.value.AttributeValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a table is besides its items: keys, attribute types, indexes, billing, stream and TTL settings. Immutable;
 * control-plane changes replace it whole, and the durable log records it whole. {@code rangeKey},
 * {@code streamViewType} (null when the stream is disabled), {@code latestStreamArn}, {@code ttlAttribute} may be null;
 * {@code tags} keep the order they were given in.
 */
public record TableDefinition(
        String name,
        String tableId,
        long createdAtMillis,
        Map<String, String> attributeTypes,
        String hashKey,
        String rangeKey,
        List<IndexDefinition> indexes,
        String billingMode,
        long readCapacity,
        long writeCapacity,
        String streamViewType,
        String latestStreamArn,
        String latestStreamLabel,
        String ttlAttribute,
        boolean ttlEnabled,
        Map<String, String> tags)
{
    public TableDefinition
    {
        attributeTypes = Map.copyOf(attributeTypes);
        indexes = List.copyOf(indexes);
        tags = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    public Optional<String> range() { return Optional.ofNullable(rangeKey); }

    public boolean streamEnabled() { return streamViewType != null; }

    public String arn() { return "arn:aws:dynamodb:" + Regions.REGION + ":" + Regions.ACCOUNT + ":table/" + name; }

    public Optional<IndexDefinition> index(String indexName)
    {
        return indexes.stream().filter(index -> index.name().equals(indexName)).findFirst();
    }

    public boolean isKeyAttribute(String attribute)
    {
        return attribute.equals(hashKey) || attribute.equals(rangeKey);
    }

    /** The primary key attributes of an item, hash first. */
    public Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item)
    {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        key.put(hashKey, item.get(hashKey));
        if (rangeKey != null) {
            key.put(rangeKey, item.get(rangeKey));
        }
        return key;
    }

    public TableDefinition withIndexes(List<IndexDefinition> newIndexes, Map<String, String> newAttributeTypes)
    {
        return new TableDefinition(name, tableId, createdAtMillis, newAttributeTypes, hashKey, rangeKey, newIndexes, billingMode,
                readCapacity, writeCapacity, streamViewType, latestStreamArn, latestStreamLabel, ttlAttribute, ttlEnabled, tags);
    }

    public TableDefinition withBilling(String newBillingMode, long newReadCapacity, long newWriteCapacity)
    {
        return new TableDefinition(name, tableId, createdAtMillis, attributeTypes, hashKey, rangeKey, indexes, newBillingMode,
                newReadCapacity, newWriteCapacity, streamViewType, latestStreamArn, latestStreamLabel, ttlAttribute, ttlEnabled, tags);
    }

    public TableDefinition withStream(String newViewType, String newStreamArn, String newStreamLabel)
    {
        return new TableDefinition(name, tableId, createdAtMillis, attributeTypes, hashKey, rangeKey, indexes, billingMode,
                readCapacity, writeCapacity, newViewType, newStreamArn, newStreamLabel, ttlAttribute, ttlEnabled, tags);
    }

    public TableDefinition withTimeToLive(String newAttribute, boolean enabled)
    {
        return new TableDefinition(name, tableId, createdAtMillis, attributeTypes, hashKey, rangeKey, indexes, billingMode,
                readCapacity, writeCapacity, streamViewType, latestStreamArn, latestStreamLabel, newAttribute, enabled, tags);
    }

    public TableDefinition withTags(Map<String, String> newTags)
    {
        return new TableDefinition(name, tableId, createdAtMillis, attributeTypes, hashKey, rangeKey, indexes, billingMode,
                readCapacity, writeCapacity, streamViewType, latestStreamArn, latestStreamLabel, ttlAttribute, ttlEnabled, newTags);
    }
}
