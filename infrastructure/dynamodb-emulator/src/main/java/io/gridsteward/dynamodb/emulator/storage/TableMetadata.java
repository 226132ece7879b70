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
public record TableMetadata(
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
        Map<String, String> tags) {
    public TableMetadata {
        attributeTypes = Map.copyOf(attributeTypes);
        indexes = List.copyOf(indexes);
        tags = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    public Optional<String> range() {
        return Optional.ofNullable(rangeKey);
    }

    public boolean streamEnabled() {
        return streamViewType != null;
    }

    public String arn() {
        return "arn:aws:dynamodb:" + Regions.REGION + ":" + Regions.ACCOUNT + ":table/" + name;
    }

    public Optional<IndexDefinition> index(String indexName) {
        return indexes.stream().filter(index -> index.name().equals(indexName)).findFirst();
    }

    public boolean isKeyAttribute(String attribute) {
        return attribute.equals(hashKey) || attribute.equals(rangeKey);
    }

    /** The primary key attributes of an item, hash first. */
    public Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        key.put(hashKey, item.get(hashKey));
        if (rangeKey != null) {
            key.put(rangeKey, item.get(rangeKey));
        }
        return key;
    }

    public TableMetadata withIndexes(List<IndexDefinition> newIndexes, Map<String, String> newAttributeTypes) {
        return new TableMetadata(
                name,
                tableId,
                createdAtMillis,
                newAttributeTypes,
                hashKey,
                rangeKey,
                newIndexes,
                billingMode,
                readCapacity,
                writeCapacity,
                streamViewType,
                latestStreamArn,
                latestStreamLabel,
                ttlAttribute,
                ttlEnabled,
                tags);
    }

    public TableMetadata withBilling(String newBillingMode, long newReadCapacity, long newWriteCapacity) {
        return new TableMetadata(
                name,
                tableId,
                createdAtMillis,
                attributeTypes,
                hashKey,
                rangeKey,
                indexes,
                newBillingMode,
                newReadCapacity,
                newWriteCapacity,
                streamViewType,
                latestStreamArn,
                latestStreamLabel,
                ttlAttribute,
                ttlEnabled,
                tags);
    }

    public TableMetadata withStream(String newViewType, String newStreamArn, String newStreamLabel) {
        return new TableMetadata(
                name,
                tableId,
                createdAtMillis,
                attributeTypes,
                hashKey,
                rangeKey,
                indexes,
                billingMode,
                readCapacity,
                writeCapacity,
                newViewType,
                newStreamArn,
                newStreamLabel,
                ttlAttribute,
                ttlEnabled,
                tags);
    }

    public TableMetadata withTimeToLive(String newAttribute, boolean enabled) {
        return new TableMetadata(
                name,
                tableId,
                createdAtMillis,
                attributeTypes,
                hashKey,
                rangeKey,
                indexes,
                billingMode,
                readCapacity,
                writeCapacity,
                streamViewType,
                latestStreamArn,
                latestStreamLabel,
                newAttribute,
                enabled,
                tags);
    }

    public TableMetadata withTags(Map<String, String> newTags) {
        return new TableMetadata(
                name,
                tableId,
                createdAtMillis,
                attributeTypes,
                hashKey,
                rangeKey,
                indexes,
                billingMode,
                readCapacity,
                writeCapacity,
                streamViewType,
                latestStreamArn,
                latestStreamLabel,
                ttlAttribute,
                ttlEnabled,
                newTags);
    }
}
