package io.gridsteward.dynamodb.emulator.storage;

import java.util.List;

/**
 * A secondary index. {@code rangeKey} is null for a hash-only GSI; {@code projectionType} is ALL, KEYS_ONLY or INCLUDE
 * (then {@code nonKeyAttributes} lists the extra attributes). Capacities are null on on-demand tables.
 */
public record IndexDefinition(
        String name,
        boolean global,
        String hashKey,
        String rangeKey,
        String projectionType,
        List<String> nonKeyAttributes,
        Long readCapacity,
        Long writeCapacity) {
    public IndexDefinition {
        nonKeyAttributes = nonKeyAttributes == null ? List.of() : List.copyOf(nonKeyAttributes);
    }
}
